import CZlib

/// A byte stream that inflates gzip data as it is read (zlib, streaming).
///
/// - Memory is two fixed buffers; the inflated size is bounded by `maxInflatedBytes` (a
///   few kilobytes of gzip can inflate to terabytes: a "gzip bomb"), and going past it is an
///   error that names the limit, never a silent cut.
/// - Concatenated gzip members (what `cat a.gz b.gz` makes) are read one after the other;
///   bytes after the last member that do not start another one are ignored, as `gzip -d`
///   does with trailing zero padding.
/// - Data that ends before the gzip trailer is an error ("truncated"), so a broken download
///   never reads as a shorter, complete-looking catalog.
public struct GzipByteStream: ByteStream, Sendable {
    private var base: any ByteStream
    private let state: InflateState
    private let input: ScratchBuffer<UInt8>
    private let name: String
    private let maxInflatedBytes: Int64
    private var inflated: Int64 = 0
    private var baseEnded = false
    private var memberEnded = false
    private var finished = false

    /// Wraps `base`, whose bytes are gzip data.
    /// - Parameters:
    ///   - base: the compressed bytes.
    ///   - name: the source's name, for errors.
    ///   - maxInflatedBytes: the most bytes the data may inflate to.
    ///   - chunkSize: how many compressed bytes to read at once.
    /// - Throws: ``ByteStreamError`` when zlib cannot start.
    public init(base: any ByteStream, name: String, maxInflatedBytes: Int64, chunkSize: Int = 1 << 16) throws {
        guard let state = InflateState() else {
            throw ByteStreamError(path: name, operation: .open, reason: "zlib could not start inflating (out of memory?)")
        }
        self.base = base
        self.state = state
        self.name = name
        self.maxInflatedBytes = maxInflatedBytes
        self.input = ScratchBuffer(capacity: max(16, chunkSize))
    }

    /// Inflates the next bytes into `buffer`.
    /// - Parameter buffer: where to put them.
    /// - Returns: how many bytes were written, or 0 at the end of the last member.
    /// - Throws: ``ByteStreamError`` when the data is corrupt, truncated, or inflates past
    ///   the limit; whatever `base` throws.
    public mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard let out = buffer.baseAddress, buffer.count > 0 else { return 0 }
        let z = state.stream
        while !finished {
            if z.pointee.avail_in == 0, !baseEnded { try fill() }
            if memberEnded {
                // Another member follows only if the next bytes are gzip's magic number.
                guard z.pointee.avail_in > 0, z.pointee.next_in.pointee == 0x1F else {
                    if z.pointee.avail_in == 0, !baseEnded { continue }
                    finished = true
                    break
                }
                inflateReset(z)
                memberEnded = false
            }
            z.pointee.next_out = out.assumingMemoryBound(to: Bytef.self)
            z.pointee.avail_out = uInt(min(buffer.count, Int(UInt32.max)))
            let status = inflate(z, Z_NO_FLUSH)
            let produced = buffer.count - Int(z.pointee.avail_out)
            switch status {
            case Z_OK, Z_BUF_ERROR:
                break
            case Z_STREAM_END:
                memberEnded = true
            case Z_NEED_DICT, Z_DATA_ERROR:
                throw failure("the gzip data is corrupt (\(state.message ?? "invalid data"))")
            case Z_MEM_ERROR:
                throw failure("zlib ran out of memory while inflating")
            default:
                throw failure("zlib failed while inflating (status \(status))")
            }
            inflated += Int64(produced)
            if inflated > maxInflatedBytes {
                throw failure("the gzip data inflates to more than \(maxInflatedBytes) bytes, the configured limit; it may be a decompression bomb (raise the limit if the feed is really this large)")
            }
            if produced > 0 { return produced }
            if baseEnded, z.pointee.avail_in == 0, !memberEnded {
                throw failure("the gzip data ends before its end marker (truncated download or file?)")
            }
        }
        return 0
    }

    private mutating func fill() throws {
        let read = try base.read(into: UnsafeMutableRawBufferPointer(start: input.base, count: input.capacity))
        if read == 0 {
            baseEnded = true
            return
        }
        state.stream.pointee.next_in = input.base
        state.stream.pointee.avail_in = uInt(read)
    }

    private func failure(_ reason: String) -> ByteStreamError {
        ByteStreamError(path: name, operation: .read, reason: reason)
    }
}
