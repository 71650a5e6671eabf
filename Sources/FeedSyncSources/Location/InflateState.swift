import CZlib

/// One zlib inflate stream, freed with the object.
///
/// zlib keeps a pointer back to its `z_stream` and refuses to work if the struct moves, so
/// the struct lives in memory allocated here, never in a Swift value. Only the
/// ``GzipByteStream`` that created it uses it, hence `@unchecked Sendable`.
final class InflateState: @unchecked Sendable {
    let stream: UnsafeMutablePointer<z_stream>

    /// Starts an inflate stream that expects gzip framing.
    /// - Returns: `nil` when zlib cannot start one (out of memory).
    init?() {
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        // 15 window bits plus 16: gzip header and trailer, not raw zlib.
        guard inflateInit2_(stream, 15 + 16, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            stream.deinitialize(count: 1)
            stream.deallocate()
            return nil
        }
    }

    deinit {
        inflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
    }

    /// zlib's message for the last error, if it gave one.
    var message: String? {
        stream.pointee.msg.map { String(cString: $0) }
    }
}
