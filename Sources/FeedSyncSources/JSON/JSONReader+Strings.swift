extension JSONReader {
    /// Reads a string's content after its opening quote, through the closing quote, into
    /// `text`.
    mutating func readString() throws {
        textBytes.removeAll()
        textHasReplacements = false
        let startOffset = chunkOffset + position - 1
        while true {
            if position == count, !(try refill()) {
                throw failure(.syntax, "the string that starts at byte \(startOffset) is not closed before the document ends")
            }
            let base = chunk.base
            let start = position
            var stop = JSONByte.firstSpecialStringByte(in: base, from: start, to: count)
            // Valid multi-byte sequences wholly in this chunk are stepped over, so a run of
            // Persian or Vietnamese text is appended once, not a character at a time; the
            // ASCII scan restarts only where ASCII does. The run stops growing before a
            // piece that would pass the length limit, so the error comes from where the
            // piece-by-piece reading raises it.
            let limit = start &+ (options.maxStringBytes &- textBytes.count)
            while stop < count, base[stop] >= 0x80 {
                let length = Self.sequenceLength(lead: base[stop])
                guard length > 0, stop &+ length <= count, Self.isValidSequence(base + stop, length: length) else { break }
                var next = stop &+ length
                if next < count, base[next] < 0x80 {
                    next = JSONByte.firstSpecialStringByte(in: base, from: next, to: count)
                }
                guard next <= limit else { break }
                stop = next
            }
            if stop > start { try appendText(base + start, stop - start) }
            position = stop
            if stop == count { continue }
            let byte = base[stop]
            if byte == JSONByte.quote {
                position += 1
                return
            }
            if byte == JSONByte.backslash {
                try readEscape(stringStart: startOffset)
            } else if byte < 0x20 {
                throw failure(.syntax, "\(Self.describe(byte)) inside a string must be written as an escape (\\n, \\t, \\u00XX)")
            } else {
                try readMultibyteSequence(lead: byte)
            }
        }
    }

    /// Appends `length` bytes at `start` to `text`, within the string size limit.
    @inline(__always)
    mutating func appendText(_ start: UnsafePointer<UInt8>, _ length: Int) throws {
        if discarding { return }
        guard textBytes.count + length <= options.maxStringBytes else {
            throw failure(.stringTooLong, "a string or number is longer than \(options.maxStringBytes) bytes")
        }
        textBytes.append(start, count: length)
    }

    /// Appends one scalar's UTF-8 bytes to `text`.
    mutating func appendScalar(_ value: UInt32) throws {
        var bytes: (UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0)
        let length: Int
        switch value {
        case 0..<0x80:
            bytes.0 = UInt8(value)
            length = 1
        case 0x80..<0x800:
            bytes = (UInt8(0xC0 | value >> 6), UInt8(0x80 | value & 0x3F), 0, 0)
            length = 2
        case 0x800..<0x10000:
            bytes = (UInt8(0xE0 | value >> 12), UInt8(0x80 | value >> 6 & 0x3F), UInt8(0x80 | value & 0x3F), 0)
            length = 3
        default:
            bytes = (
                UInt8(0xF0 | value >> 18), UInt8(0x80 | value >> 12 & 0x3F), UInt8(0x80 | value >> 6 & 0x3F),
                UInt8(0x80 | value & 0x3F)
            )
            length = 4
        }
        try withUnsafeBytes(of: &bytes) { raw in
            guard let start = raw.baseAddress else { return }
            try appendText(start.assumingMemoryBound(to: UInt8.self), length)
        }
    }

    /// Checks one multi-byte UTF-8 sequence (RFC 3629: no overlong forms, no surrogates,
    /// nothing past U+10FFFF) and appends it.
    private mutating func readMultibyteSequence(lead: UInt8) throws {
        let length = Self.sequenceLength(lead: lead)
        guard length > 0, try ensure(length), Self.isValidSequence(chunk.base + position, length: length) else {
            try replaceInvalidByte()
            return
        }
        try appendText(chunk.base + position, length)
        position += length
    }

    /// The length of the UTF-8 sequence a lead byte starts, or 0 for a byte that cannot
    /// lead one.
    @inline(__always)
    static func sequenceLength(lead: UInt8) -> Int {
        switch lead {
        case 0xC2...0xDF: 2
        case 0xE0...0xEF: 3
        case 0xF0...0xF4: 4
        default: 0
        }
    }

    /// Whether the `length` bytes at `base` (a lead byte and its continuation bytes) are
    /// a valid sequence: no overlong forms, no surrogates, nothing past U+10FFFF.
    @inline(__always)
    static func isValidSequence(_ base: UnsafePointer<UInt8>, length: Int) -> Bool {
        let second = base[1]
        var valid: Bool
        switch base[0] {
        case 0xE0: valid = second >= 0xA0 && second <= 0xBF
        case 0xED: valid = second >= 0x80 && second <= 0x9F
        case 0xF0: valid = second >= 0x90 && second <= 0xBF
        case 0xF4: valid = second >= 0x80 && second <= 0x8F
        default: valid = second & 0xC0 == 0x80
        }
        var index = 2
        while valid && index < length {
            valid = base[index] & 0xC0 == 0x80
            index += 1
        }
        return valid
    }

    private mutating func replaceInvalidByte() throws {
        guard options.invalidText == .replace else {
            let byte = chunk.base[position]
            throw failure(.invalidText, "\(Self.describe(byte)) in a string is not valid UTF-8; JSON must be UTF-8 (if the feed uses another encoding, name it in the mapping)")
        }
        if !discarding { textBytes.append(contentsOf: JSONByte.replacement) }
        textHasReplacements = true
        position += 1
    }

    /// Reads the escape at `position` (a backslash and what follows).
    private mutating func readEscape(stringStart: Int) throws {
        guard try ensure(2) else {
            throw failure(.syntax, "the string that starts at byte \(stringStart) is not closed before the document ends")
        }
        let escaped = chunk.base[position + 1]
        let byte: UInt8
        switch escaped {
        case JSONByte.quote, JSONByte.backslash, JSONByte.slash: byte = escaped
        case UInt8(ascii: "b"): byte = 0x08
        case UInt8(ascii: "f"): byte = 0x0C
        case UInt8(ascii: "n"): byte = 0x0A
        case UInt8(ascii: "r"): byte = 0x0D
        case UInt8(ascii: "t"): byte = 0x09
        case UInt8(ascii: "u"):
            try readUnicodeEscape()
            return
        default:
            throw failure(.syntax, "'\\' followed by \(Self.describe(escaped)) is not a JSON escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)")
        }
        var single = byte
        try appendText(&single, 1)
        position += 2
    }

    /// Reads `\uXXXX`, joining a surrogate pair written as two escapes into one scalar.
    private mutating func readUnicodeEscape() throws {
        guard try ensure(6), let unit = hex4(at: position + 2) else {
            throw failure(.syntax, "'\\u' must be followed by four hexadecimal digits")
        }
        switch unit {
        case 0xD800...0xDBFF:
            if try ensure(12), chunk.base[position + 6] == JSONByte.backslash, chunk.base[position + 7] == UInt8(ascii: "u"),
                let low = hex4(at: position + 8), (0xDC00...0xDFFF).contains(low)
            {
                try appendScalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
                position += 12
                return
            }
            try loneSurrogate(unit)
        case 0xDC00...0xDFFF:
            try loneSurrogate(unit)
        default:
            try appendScalar(unit)
        }
        position += 6
    }

    private mutating func loneSurrogate(_ unit: UInt32) throws {
        guard options.invalidText == .replace else {
            throw failure(.invalidText, "the escape \\u\(String(unit, radix: 16, uppercase: true)) is half of a UTF-16 surrogate pair without its other half")
        }
        if !discarding { textBytes.append(contentsOf: JSONByte.replacement) }
        textHasReplacements = true
    }

    /// The value of the four hex digits at `index` in the chunk, or `nil`.
    private func hex4(at index: Int) -> UInt32? {
        var value: UInt32 = 0
        for offset in 0..<4 {
            let byte = chunk.base[index + offset]
            let digit: UInt8
            switch byte {
            case JSONByte.zero...JSONByte.nine: digit = byte - JSONByte.zero
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }
}
