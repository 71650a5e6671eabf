internal import CLibXML2

/// Feeds libxml2 from a ``ByteStream``.
///
/// libxml2 pulls its input through a C read callback asking for about 4 KB at a time;
/// the bridge refills one large chunk from the stream and serves those requests from it,
/// so a file or a decompressor is read in large pieces. A stream error cannot cross the C
/// callback, so it is kept here and the callback tells libxml2 that reading failed.
final class XMLInputBridge {
    private var stream: any ByteStream
    private let chunk: UnsafeMutableRawBufferPointer
    private var start = 0
    private var end = 0
    /// The error the stream threw, which ends the read.
    private(set) var failure: (any Error)?
    /// Whether the stream has said it is exhausted.
    private(set) var reachedEnd = false

    init(stream: any ByteStream, chunkSize: Int) {
        self.stream = stream
        self.chunk = .allocate(byteCount: max(4096, chunkSize), alignment: 16)
    }

    deinit {
        chunk.deallocate()
    }

    /// Copies up to `count` bytes into `buffer`, returning libxml2's convention: bytes
    /// copied, 0 at the end, -1 on failure.
    func read(into buffer: UnsafeMutableRawPointer, count: Int) -> Int32 {
        if start == end {
            if failure != nil { return -1 }
            if reachedEnd { return 0 }
            do {
                end = try stream.read(into: chunk)
                start = 0
            } catch {
                failure = error
                return -1
            }
            if end == 0 {
                reachedEnd = true
                return 0
            }
        }
        let size = min(count, end - start)
        if let source = chunk.baseAddress {
            buffer.copyMemory(from: source + start, byteCount: size)
        }
        start += size
        return Int32(size)
    }

    /// The context pointer libxml2 hands back to ``xmlInputBridgeRead``; valid while the bridge lives.
    var context: UnsafeMutableRawPointer {
        Unmanaged.passUnretained(self).toOpaque()
    }
}

/// libxml2's read callback: the context is the ``XMLInputBridge`` of the reader calling.
func xmlInputBridgeRead(_ context: UnsafeMutableRawPointer?, _ buffer: UnsafeMutablePointer<CChar>?, _ count: Int32) -> Int32 {
    guard let context, let buffer else { return -1 }
    guard count > 0 else { return 0 }
    return Unmanaged<XMLInputBridge>.fromOpaque(context).takeUnretainedValue()
        .read(into: UnsafeMutableRawPointer(buffer), count: Int(count))
}
