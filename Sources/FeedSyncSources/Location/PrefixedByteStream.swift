/// A byte stream that first hands out bytes already taken from another stream, then the
/// rest of that stream: how a stream's first bytes are looked at without losing them.
public struct PrefixedByteStream: ByteStream, Sendable {
    private var prefix: [UInt8]
    private var prefixPosition = 0
    private var rest: any ByteStream

    /// Creates a stream of `prefix` followed by `rest`.
    /// - Parameters:
    ///   - prefix: bytes read from `rest` earlier.
    ///   - rest: the stream they came from.
    public init(prefix: [UInt8], rest: any ByteStream) {
        self.prefix = prefix
        self.rest = rest
    }

    /// Reads the first `count` bytes of `stream` (fewer only at its end) and returns
    /// them with a stream that still yields every byte.
    /// - Parameters:
    ///   - count: how many bytes to look at.
    ///   - stream: the stream.
    /// - Returns: the first bytes and the whole stream.
    /// - Throws: whatever `stream` throws.
    public static func peek(_ count: Int, of stream: any ByteStream) throws -> (head: [UInt8], stream: PrefixedByteStream) {
        var stream = stream
        var head = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let read = try head.withUnsafeMutableBytes { try stream.read(into: UnsafeMutableRawBufferPointer(rebasing: $0[filled...])) }
            if read == 0 { break }
            filled += read
        }
        head.removeSubrange(filled...)
        return (head, PrefixedByteStream(prefix: head, rest: stream))
    }

    /// Copies the next bytes into `buffer`: the prefix's, then the rest's.
    /// - Parameter buffer: where to put them.
    /// - Returns: how many bytes were written, or 0 at the end.
    /// - Throws: whatever the rest of the stream throws.
    public mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        if prefixPosition < prefix.count {
            let length = min(buffer.count, prefix.count - prefixPosition)
            prefix.withUnsafeBytes { source in
                buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[prefixPosition..<prefixPosition + length]))
            }
            prefixPosition += length
            if prefixPosition == prefix.count { prefix = [] ; prefixPosition = 0 }
            return length
        }
        return try rest.read(into: buffer)
    }
}
