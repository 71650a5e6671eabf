/// A byte stream that turns text in another encoding into UTF-8 as it is read.
///
/// Readers (CSV, XML, JSON) work on UTF-8 bytes only, so a feed in Windows-1256 or UTF-16
/// is decoded here, chunk by chunk, and the readers never know. A byte order mark at the
/// start is dropped. Malformed UTF-16 (an odd final byte, a lone surrogate) becomes
/// U+FFFD rather than stopping the read: the readers then see a visible replacement in the
/// one field concerned.
public struct TranscodingByteStream: ByteStream, Sendable {
    private var base: any ByteStream
    private let encoding: TextEncoding
    private let table: [UInt16]
    /// The source's name, for errors.
    private let name: String
    private var input: [UInt8]
    private var output: [UInt8] = []
    private var outputPosition = 0
    private var started = false
    private var ended = false
    private var bigEndian: Bool
    /// A UTF-16 byte left over at the end of a chunk, and a high surrogate waiting for its pair.
    private var carry: UInt8?
    private var highSurrogate: UInt16?

    /// Wraps `base`, whose bytes are text in `encoding`.
    /// - Parameters:
    ///   - base: the encoded bytes.
    ///   - encoding: their encoding; ``TextEncoding/utf8`` passes bytes through.
    ///   - name: the source's name, for errors.
    ///   - chunkSize: how many bytes to read from `base` at once.
    public init(base: any ByteStream, encoding: TextEncoding, name: String, chunkSize: Int = 1 << 16) {
        self.base = base
        self.encoding = encoding
        self.name = name
        self.table = encoding.upperHalf ?? []
        self.input = [UInt8](repeating: 0, count: max(16, chunkSize))
        self.bigEndian = encoding == .utf16BE
    }

    /// Copies the next UTF-8 bytes into `buffer`.
    /// - Parameter buffer: where to put them.
    /// - Returns: how many bytes were written, or 0 at the end.
    /// - Throws: whatever `base` throws; ``ByteStreamError`` for UTF-16 text without a byte
    ///   order mark when the encoding is ``TextEncoding/utf16``.
    public mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard buffer.count > 0 else { return 0 }
        while outputPosition == output.count {
            if ended { return 0 }
            try decodeNextChunk()
        }
        let length = min(buffer.count, output.count - outputPosition)
        output.withUnsafeBytes { source in
            buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[outputPosition..<outputPosition + length]))
        }
        outputPosition += length
        return length
    }

    private mutating func decodeNextChunk() throws {
        output.removeAll(keepingCapacity: true)
        outputPosition = 0
        // The first chunk must hold a whole byte order mark, however the base hands out bytes.
        var read = 0
        repeat {
            let got = try input.withUnsafeMutableBytes { try base.read(into: UnsafeMutableRawBufferPointer(rebasing: $0[read...])) }
            if got == 0 { break }
            read += got
        } while !started && read < 3
        if read == 0 {
            ended = true
            // Whatever UTF-16 was left half-done is replaced, not silently dropped.
            if carry != nil || highSurrogate != nil { Self.appendUTF8(0xFFFD, to: &output) }
            return
        }
        var bytes = input[0..<read]
        if !started {
            started = true
            bytes = try dropByteOrderMark(bytes)
        }
        switch encoding {
        case .utf8:
            output.append(contentsOf: bytes)
        case .utf16, .utf16LE, .utf16BE:
            decodeUTF16(bytes)
        case .windows1252, .windows1256, .windows1258, .isoLatin1:
            for byte in bytes {
                if byte < 0x80 {
                    output.append(byte)
                } else {
                    Self.appendUTF8(UInt32(table[Int(byte) - 0x80]), to: &output)
                }
            }
        }
    }

    private mutating func dropByteOrderMark(_ bytes: ArraySlice<UInt8>) throws -> ArraySlice<UInt8> {
        switch encoding {
        case .utf16, .utf16LE, .utf16BE:
            if bytes.starts(with: [0xFF, 0xFE]) {
                bigEndian = false
                return bytes.dropFirst(2)
            }
            if bytes.starts(with: [0xFE, 0xFF]) {
                bigEndian = true
                return bytes.dropFirst(2)
            }
            if encoding == .utf16 {
                throw ByteStreamError(
                    path: name, operation: .read,
                    reason: "the text has no UTF-16 byte order mark; name the byte order as utf-16le or utf-16be in the mapping")
            }
            return bytes
        case .utf8:
            return bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes
        case .windows1252, .windows1256, .windows1258, .isoLatin1:
            return bytes
        }
    }

    private mutating func decodeUTF16(_ bytes: ArraySlice<UInt8>) {
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let first: UInt8
            if let pending = carry {
                first = pending
                carry = nil
            } else {
                first = bytes[index]
                index += 1
                guard index < bytes.endIndex else {
                    carry = first
                    return
                }
            }
            let second = bytes[index]
            index += 1
            let unit = bigEndian ? UInt16(first) << 8 | UInt16(second) : UInt16(second) << 8 | UInt16(first)
            decodeUnit(unit)
        }
    }

    private mutating func decodeUnit(_ unit: UInt16) {
        if let high = highSurrogate {
            highSurrogate = nil
            if (0xDC00...0xDFFF).contains(unit) {
                Self.appendUTF8(0x10000 + (UInt32(high - 0xD800) << 10) + UInt32(unit - 0xDC00), to: &output)
                return
            }
            Self.appendUTF8(0xFFFD, to: &output)
        }
        switch unit {
        case 0xD800...0xDBFF: highSurrogate = unit
        case 0xDC00...0xDFFF: Self.appendUTF8(0xFFFD, to: &output)
        default: Self.appendUTF8(UInt32(unit), to: &output)
        }
    }

    static func appendUTF8(_ value: UInt32, to output: inout [UInt8]) {
        switch value {
        case 0..<0x80:
            output.append(UInt8(value))
        case 0x80..<0x800:
            output.append(UInt8(0xC0 | value >> 6))
            output.append(UInt8(0x80 | value & 0x3F))
        case 0x800..<0x10000:
            output.append(UInt8(0xE0 | value >> 12))
            output.append(UInt8(0x80 | value >> 6 & 0x3F))
            output.append(UInt8(0x80 | value & 0x3F))
        default:
            output.append(UInt8(0xF0 | value >> 18))
            output.append(UInt8(0x80 | value >> 12 & 0x3F))
            output.append(UInt8(0x80 | value >> 6 & 0x3F))
            output.append(UInt8(0x80 | value & 0x3F))
        }
    }
}
