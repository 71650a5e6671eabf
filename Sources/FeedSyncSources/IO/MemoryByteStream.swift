/// A byte stream over bytes already in memory, for tests and small inputs.
///
/// `maximumReadSize` makes the stream hand out its bytes in small pieces, so tests can
/// check that a reader gives the same result wherever a chunk boundary falls.
public struct MemoryByteStream: ByteStream, Sendable {
    private let bytes: [UInt8]
    private let maximumReadSize: Int
    private var offset = 0

    /// Creates a stream over `bytes`.
    /// - Parameters:
    ///   - bytes: the whole content of the stream.
    ///   - maximumReadSize: the most bytes one ``read(into:)`` returns (at least 1).
    public init(_ bytes: [UInt8], maximumReadSize: Int = .max) {
        self.bytes = bytes
        self.maximumReadSize = max(1, maximumReadSize)
    }

    /// Creates a stream over the UTF-8 bytes of `text`.
    /// - Parameters:
    ///   - text: the whole content of the stream.
    ///   - maximumReadSize: the most bytes one ``read(into:)`` returns (at least 1).
    public init(_ text: String, maximumReadSize: Int = .max) {
        self.init(Array(text.utf8), maximumReadSize: maximumReadSize)
    }

    /// Copies the next bytes into `buffer`.
    /// - Parameter buffer: where to put the bytes.
    /// - Returns: how many bytes were copied, or 0 at the end.
    public mutating func read(into buffer: UnsafeMutableRawBufferPointer) -> Int {
        let count = min(buffer.count, maximumReadSize, bytes.count - offset)
        guard count > 0, let destination = buffer.baseAddress else { return 0 }
        bytes.withUnsafeBytes { source in
            if let start = source.baseAddress {
                destination.copyMemory(from: start + offset, byteCount: count)
            }
        }
        offset += count
        return count
    }
}
