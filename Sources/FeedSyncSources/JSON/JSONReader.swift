/// A streaming, byte-level JSON pull reader (RFC 8259).
///
/// It reads from a ``ByteStream`` in chunks and hands out one ``JSONToken`` at a time; it
/// never builds a tree, so memory is the chunk (64 KiB by default), the current key or
/// string, and one byte per level of nesting, whatever the document's size. The grammar is
/// checked as it goes: every document that reads to the end was well-formed.
///
/// - Strings are unescaped into ``text`` (`\n`, `\u00e9`, surrogate pairs such as
///   `\ud83d\ude00`), and checked to be UTF-8; ``JSONReaderOptions/invalidText`` says
///   whether bad bytes stop the read or become U+FFFD.
/// - Numbers are kept exactly as written, so `1.10` and `12345678901234567890` lose
///   nothing; their grammar is checked (`01`, `1.`, `+1` are errors).
/// - A UTF-8 byte order mark at the start is skipped; a UTF-16 one is an error that says to
///   name the encoding, because a JSON reader cannot guess a transcoding.
/// - Errors are ``JSONReadError``s with line, column and byte offset.
///
/// A reader owns its chunk buffer; copies of a reader share it, so read through one copy.
public struct JSONReader: Sendable {
    enum State: Sendable {
        case start, value, afterValue, objectStart, key, colon, arrayStart, finished
    }

    var stream: any ByteStream
    let chunk: ScratchBuffer<UInt8>
    /// The next byte to read in `chunk`.
    var position = 0
    /// How many bytes of `chunk` hold data.
    var count = 0
    /// The document offset of `chunk.base[0]`.
    var chunkOffset = 0
    var reachedEnd = false
    /// The current line (1-based) and the document offset where it starts.
    var line = 1
    var lineStart = 0
    /// One entry per open container: `true` for an object, `false` for an array.
    var containers: [Bool] = []
    var state = State.start
    /// Set while skipping, so string contents are checked but not kept.
    var discarding = false
    let options: JSONReaderOptions

    /// The file, URL or page being read, for error messages.
    public let file: String
    /// The text of the last ``JSONToken/key``, ``JSONToken/string`` or
    /// ``JSONToken/number``, as UTF-8 bytes (a copy).
    public var text: [UInt8] { textBytes.bytes }
    /// ``text``, in memory the reader reuses: the record reader takes it without a copy
    /// (`unsafeBytes`, valid until the next token).
    var textBytes = ByteBuffer()
    /// Whether ``text`` had invalid UTF-8 or a lone surrogate replaced by U+FFFD (only with
    /// ``JSONReaderOptions/InvalidText/replace``).
    public internal(set) var textHasReplacements = false
    /// The document offset where the last token started.
    public internal(set) var tokenOffset = 0
    /// The line where the last token started, 1-based.
    public internal(set) var tokenLine = 1

    /// Creates a reader over `stream`.
    /// - Parameters:
    ///   - stream: the document's bytes; the reader owns it from now on.
    ///   - file: the file, URL or page, for error messages.
    ///   - options: limits and the invalid-text policy.
    ///   - chunkSize: how many bytes to ask the stream for at once (at least 16).
    public init(stream: any ByteStream, file: String, options: JSONReaderOptions = JSONReaderOptions(), chunkSize: Int = 1 << 16) {
        self.stream = stream
        self.file = file
        self.options = options
        self.chunk = ScratchBuffer(capacity: max(16, chunkSize))
    }

    /// ``text`` decoded as a `String`.
    public var textString: String {
        textBytes.withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) }
    }

    /// How many objects and arrays are open.
    public var depth: Int { containers.count }

    /// The document offset of the next byte to be read.
    public var offset: Int { chunkOffset + position }

    /// Reads the next token.
    /// - Returns: the token, or `nil` once the document's one value has been read and
    ///   nothing but white space follows it.
    /// - Throws: ``JSONReadError`` when the document is not well-formed or breaks a limit;
    ///   whatever the stream throws.
    public mutating func next() throws -> JSONToken? {
        if state == .start { try skipByteOrderMark() }
        while true {
            let byte = try skipWhitespace()
            tokenOffset = chunkOffset + position
            tokenLine = line
            switch state {
            case .start:
                guard let byte else { throw failure(.syntax, "the document is empty; expected a JSON value") }
                return try value(startingWith: byte)
            case .value:
                guard let byte else { throw unexpectedEnd(expecting: "a value") }
                return try value(startingWith: byte)
            case .arrayStart:
                guard let byte else { throw unexpectedEnd(expecting: "a value or ']'") }
                if byte == JSONByte.closeBracket { return close() }
                return try value(startingWith: byte)
            case .objectStart:
                guard let byte else { throw unexpectedEnd(expecting: "a member name or '}'") }
                if byte == JSONByte.closeBrace { return close() }
                return try key(startingWith: byte)
            case .key:
                guard let byte else { throw unexpectedEnd(expecting: "a member name") }
                if byte == JSONByte.closeBrace {
                    throw failure(.syntax, "expected a member name after ',', found '}' (JSON allows no trailing comma)")
                }
                return try key(startingWith: byte)
            case .colon:
                guard byte == JSONByte.colon else {
                    throw byte == nil
                        ? unexpectedEnd(expecting: "':'")
                        : failure(.syntax, "expected ':' after the member name, found \(Self.describe(byte))")
                }
                position += 1
                state = .value
            case .afterValue:
                guard let inObject = containers.last else {
                    guard let byte else {
                        state = .finished
                        return nil
                    }
                    throw failure(.syntax, "unexpected \(Self.describe(byte)) after the end of the JSON document")
                }
                let closer = inObject ? JSONByte.closeBrace : JSONByte.closeBracket
                guard let byte else { throw unexpectedEnd(expecting: inObject ? "',' or '}'" : "',' or ']'") }
                if byte == JSONByte.comma {
                    position += 1
                    state = inObject ? .key : .value
                    if !inObject, try skipWhitespace() == JSONByte.closeBracket {
                        throw failure(.syntax, "expected a value after ',', found ']' (JSON allows no trailing comma)")
                    }
                } else if byte == closer {
                    return close()
                } else {
                    let what = inObject ? "',' or '}' after an object member" : "',' or ']' after an array element"
                    throw failure(.syntax, "expected \(what), found \(Self.describe(byte))")
                }
            case .finished:
                return nil
            }
        }
    }

    /// Skips the rest of the container whose ``JSONToken/beginObject`` or
    /// ``JSONToken/beginArray`` was just read, up to and including its end.
    ///
    /// The skipped part is still checked to be well-formed, but its strings are not kept.
    /// - Throws: ``JSONReadError`` when the skipped part is not well-formed.
    public mutating func skipContainer() throws {
        let target = containers.count - 1
        guard target >= 0 else { return }
        discarding = true
        defer { discarding = false }
        while containers.count > target {
            guard try next() != nil else { return }
        }
    }

    private mutating func value(startingWith byte: UInt8) throws -> JSONToken {
        switch byte {
        case JSONByte.openBrace:
            try open(object: true)
            state = .objectStart
            return .beginObject
        case JSONByte.openBracket:
            try open(object: false)
            state = .arrayStart
            return .beginArray
        case JSONByte.quote:
            position += 1
            try readString()
            state = .afterValue
            return .string
        case JSONByte.minus, JSONByte.zero...JSONByte.nine:
            try readNumber()
            state = .afterValue
            return .number
        case UInt8(ascii: "t"):
            try readLiteral(JSONByte.trueBytes)
            state = .afterValue
            return .true
        case UInt8(ascii: "f"):
            try readLiteral(JSONByte.falseBytes)
            state = .afterValue
            return .false
        case UInt8(ascii: "n"):
            try readLiteral(JSONByte.nullBytes)
            state = .afterValue
            return .null
        default:
            throw failure(.syntax, "expected a value (an object, array, string, number, true, false or null), found \(Self.describe(byte))")
        }
    }

    private mutating func key(startingWith byte: UInt8) throws -> JSONToken {
        guard byte == JSONByte.quote else {
            throw failure(.syntax, "expected a member name in double quotes, found \(Self.describe(byte))")
        }
        position += 1
        try readString()
        state = .colon
        return .key
    }

    private mutating func open(object: Bool) throws {
        guard containers.count < options.maxDepth else {
            throw failure(.tooDeep, "objects and arrays are nested more than \(options.maxDepth) levels deep")
        }
        containers.append(object)
        position += 1
    }

    private mutating func close() -> JSONToken {
        position += 1
        state = .afterValue
        return containers.removeLast() ? .endObject : .endArray
    }
}
