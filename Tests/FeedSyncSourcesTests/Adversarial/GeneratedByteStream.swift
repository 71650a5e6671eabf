import Foundation
import FeedSyncSources

/// A stream that makes its bytes as they are read, so a test can feed a reader 100 MB
/// without holding 100 MB: fixed parts, and one byte repeated a number of times.
struct GeneratedByteStream: ByteStream {
    enum Part: Sendable {
        case bytes([UInt8])
        case repeated(UInt8, count: Int)

        var count: Int {
            switch self {
            case .bytes(let bytes): bytes.count
            case .repeated(_, let count): count
            }
        }
    }

    private let parts: [Part]
    private var part = 0
    private var offset = 0

    init(_ parts: [Part]) {
        self.parts = parts
    }

    /// `prefix`, then `byte` `count` times, then `suffix`.
    init(_ prefix: String, repeating byte: UInt8, count: Int, _ suffix: String) {
        self.init([.bytes(Array(prefix.utf8)), .repeated(byte, count: count), .bytes(Array(suffix.utf8))])
    }

    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        var written = 0
        while written < buffer.count, part < parts.count {
            let current = parts[part]
            let take = min(buffer.count - written, current.count - offset)
            switch current {
            case .bytes(let bytes):
                for index in 0..<take { buffer[written + index] = bytes[offset + index] }
            case .repeated(let byte, _):
                buffer.baseAddress.map { ($0 + written).initializeMemory(as: UInt8.self, repeating: byte, count: take) }
            }
            written += take
            offset += take
            if offset == current.count {
                part += 1
                offset = 0
            }
        }
        return written
    }
}

/// The process's peak resident memory so far (Linux `VmHWM`), or 0 where unknown.
func peakResidentBytes() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
        let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
        let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "")
    else { return 0 }
    return kilobytes << 10
}
