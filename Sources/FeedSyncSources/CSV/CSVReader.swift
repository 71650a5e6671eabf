/// A streaming RFC 4180 reader that turns bytes into records without decoding text.
///
/// Memory stays bounded whatever the file size: the reader keeps one chunk buffer (1 MiB by
/// default) and the record being read, nothing else. A record larger than
/// ``CSVDialect/maxRecordSize`` is reported as malformed instead of growing further.
///
/// What it accepts:
/// - quoted fields holding delimiters, line breaks and doubled quotes (`""`);
/// - LF, CRLF and lone CR line endings, mixed in one file; line breaks inside quoted fields
///   are kept as written;
/// - a UTF-8 byte order mark at the start (dropped), and Excel's `sep=;` first line, which
///   names the delimiter (used when the delimiter is automatic) and is not a record;
/// - a last record without a line break;
/// - blank lines, which are skipped: they separate records, they are not records.
///
/// Deliberate leniency, as in most readers (Python's `csv`, Excel): a quote inside an
/// *unquoted* field is kept as a literal character, so `5'10"` or `12" pizza` read as
/// written.
///
/// What it reports as ``CSVReaderEvent/malformed(_:)`` (and then carries on with the next
/// record): a quoted field still open at the end of the file, text between a closing quote
/// and the next delimiter (`"a"b` — the field cannot be read unambiguously), and a record
/// over the size limit. Checking field counts is left to the caller, which knows the header.
///
/// Every record carries the physical line it starts on: line breaks inside quoted fields
/// and blank lines are counted, so the number is what an editor shows.
public struct CSVReader: Sendable {
    private var stream: any ByteStream
    private var buffer: [UInt8]
    /// The next byte to read in `buffer`.
    private var position = 0
    /// How many bytes of `buffer` hold data.
    private var count = 0
    /// The offset in the stream of `buffer[0]`, for measuring records across chunks.
    private var chunkOffset = 0
    private var reachedEnd = false
    private var primed = false
    private let maxRecordSize: Int
    private var parser: CSVRecordParser

    /// The field separator: as configured, or once the first record (or ``peek(upTo:)``)
    /// has been read, the detected one. ``CSVDialect/Delimiter/auto`` only before that.
    public private(set) var delimiter: CSVDialect.Delimiter

    /// Creates a reader over `stream`.
    /// - Parameters:
    ///   - stream: where the bytes come from; the reader owns it from now on.
    ///   - dialect: the delimiter and maximum record size (``CSVDialect/hasHeader`` is the
    ///     caller's concern: the reader returns the header like any record).
    ///   - chunkSize: how many bytes to ask the stream for at once (at least 16).
    public init(stream: any ByteStream, dialect: CSVDialect = CSVDialect(), chunkSize: Int = 1 << 20) {
        self.stream = stream
        self.buffer = [UInt8](repeating: 0, count: max(16, chunkSize))
        self.maxRecordSize = dialect.maxRecordSize
        self.delimiter = dialect.delimiter
        // Replaced in `prime()` once an automatic delimiter is known.
        self.parser = CSVRecordParser(delimiter: ASCII.comma, maxRecordSize: dialect.maxRecordSize)
    }

    /// Reads the next record.
    /// - Returns: the next record or malformed record, or `nil` at the end of the stream.
    /// - Throws: whatever the stream throws when it cannot be read.
    public mutating func next() throws -> CSVReaderEvent? {
        if !primed { try prime() }
        parser.prepareForWriting()
        while true {
            if position == count {
                if reachedEnd { return parser.finish(atOffset: chunkOffset + position) }
                try refill()
                continue
            }
            // A second reference to the chunk, so the parser may change while reading it;
            // nothing writes to the buffer meanwhile, so nothing is copied.
            let chunk = buffer
            let (start, end, offset) = (position, count, chunkOffset)
            let (next, completed) = chunk.withUnsafeBufferPointer { bytes in
                guard let base = bytes.baseAddress else { return (end, false) }
                return parser.scan(base, from: start, to: end, chunkOffset: offset)
            }
            position = next
            if completed { return parser.takeRecord() }
        }
    }

    /// The next bytes the reader will parse, without consuming them: after a byte order
    /// mark, before the first record when called first. For recognising files that are
    /// not CSV at all (binary, compressed, XML).
    /// - Parameter limit: the most bytes wanted; fewer come back at the end of the stream
    ///   or when the chunk buffer is full.
    /// - Returns: up to `limit` bytes.
    /// - Throws: whatever the stream throws when it cannot be read.
    public mutating func peek(upTo limit: Int) throws -> [UInt8] {
        if !primed { try prime() }
        try fill(atLeast: limit)
        return Array(buffer[position..<min(count, position + max(0, limit))])
    }

    // MARK: - Buffer

    /// Drops a byte order mark and settles the delimiter before the first record.
    private mutating func prime() throws {
        primed = true
        try fill(atLeast: 3)
        if count - position >= 3, buffer[position] == 0xEF, buffer[position + 1] == 0xBB,
            buffer[position + 2] == 0xBF
        {
            position += 3
        }
        var firstLine = 1
        if let hinted = try consumeSeparatorLine() {
            firstLine = 2
            if delimiter == .auto { delimiter = hinted }
        }
        if delimiter == .auto {
            try fillFirstLine()
            let (start, end) = (position, count)
            delimiter = buffer.withUnsafeBufferPointer {
                CSVDialect.Delimiter.detect(inFirstLineOf: UnsafeBufferPointer(rebasing: $0[start..<end]))
            }
        }
        parser = CSVRecordParser(
            delimiter: delimiter.byte ?? ASCII.comma, maxRecordSize: maxRecordSize, firstLine: firstLine)
    }

    /// Consumes Excel's `sep=;` first line, which names the delimiter and is not a record.
    /// - Returns: the delimiter it names, or `nil` (nothing consumed) when there is no such
    ///   line or it names an unsupported delimiter.
    private mutating func consumeSeparatorLine() throws -> CSVDialect.Delimiter? {
        try fill(atLeast: 7)
        guard count - position >= 5,
            buffer[position..<position + 4].elementsEqual("sep=".utf8),
            let hinted = CSVDialect.Delimiter.candidates.first(where: { $0.byte == buffer[position + 4] })
        else { return nil }
        var end = position + 5
        if end < count, buffer[end] == ASCII.carriageReturn { end += 1 }
        if end < count, buffer[end] == ASCII.lineFeed { end += 1 }
        // `sep=;x` would be a header that merely starts like the hint.
        guard end > position + 5 || end == count else { return nil }
        position = end
        return hinted
    }

    /// Reads until the buffer holds the whole first line, the buffer is full or the stream
    /// ends, scanning each new byte once so that tiny reads stay linear.
    private mutating func fillFirstLine() throws {
        var scanned = position
        var inQuotes = false
        while true {
            while scanned < count {
                let byte = buffer[scanned]
                if byte == ASCII.quote {
                    inQuotes.toggle()
                } else if !inQuotes, byte == ASCII.lineFeed || byte == ASCII.carriageReturn {
                    return
                }
                scanned += 1
            }
            if reachedEnd || count == buffer.count { return }
            try readMore()
        }
    }

    /// Reads until at least `wanted` unread bytes are buffered, the buffer is full or the
    /// stream ends.
    private mutating func fill(atLeast wanted: Int) throws {
        while count - position < wanted, !reachedEnd, count < buffer.count {
            try readMore()
        }
    }

    /// Appends the stream's next bytes after the buffered ones.
    private mutating func readMore() throws {
        let start = count
        // An empty buffer would read 0 bytes, which means the end of the stream.
        guard start < buffer.count else { return }
        let read = try buffer.withUnsafeMutableBytes {
            try stream.read(into: UnsafeMutableRawBufferPointer(rebasing: $0[start...]))
        }
        if read == 0 { reachedEnd = true } else { count += read }
    }

    /// Replaces the fully parsed chunk with the stream's next bytes.
    private mutating func refill() throws {
        chunkOffset += count
        position = 0
        count = 0
        try readMore()
    }
}
