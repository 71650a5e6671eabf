import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Buffered reading and complete writing on one connected socket.
///
/// Used by one connection thread only, so it needs no lock.
final class SocketConnection {
    private let fd: Int32
    /// Bytes received and not yet consumed, from ``start`` on.
    private(set) var buffer: [UInt8] = []
    private(set) var start = 0

    init(fd: Int32) {
        self.fd = fd
    }

    /// The number of buffered bytes not yet consumed.
    var available: Int { buffer.count - start }

    /// Receives more bytes into the buffer.
    /// - Returns: `false` when the peer closed the connection or the read failed.
    func receive() -> Bool {
        if start > 0, start == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            start = 0
        }
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count > 0 {
                buffer.append(contentsOf: chunk[0..<count])
                return true
            }
            if count < 0, errno == EINTR { continue }
            return false
        }
    }

    /// Removes and returns the next `count` buffered bytes; the caller checked ``available``.
    func consume(_ count: Int) -> ArraySlice<UInt8> {
        let slice = buffer[start..<(start + count)]
        start += count
        return slice
    }

    /// The offset from ``start`` of the first occurrence of `pattern`, or `nil`.
    func firstOffset(of pattern: [UInt8], from offset: Int = 0) -> Int? {
        guard available >= pattern.count else { return nil }
        var index = start + max(0, offset)
        let last = buffer.count - pattern.count
        while index <= last {
            if buffer[index] == pattern[0], buffer[index..<(index + pattern.count)].elementsEqual(pattern) {
                return index - start
            }
            index += 1
        }
        return nil
    }

    /// Writes all of `bytes`, giving up silently when the peer has gone.
    /// - Returns: whether every byte was sent.
    @discardableResult
    func write(_ bytes: [UInt8]) -> Bool {
        var sent = 0
        while sent < bytes.count {
            let count = bytes.withUnsafeBytes { raw -> Int in
                let base = raw.baseAddress?.advanced(by: sent)
                #if canImport(Glibc) || canImport(Musl)
                return send(fd, base, raw.count - sent, Int32(MSG_NOSIGNAL))
                #else
                return send(fd, base, raw.count - sent, 0)
                #endif
            }
            if count > 0 {
                sent += count
            } else if count < 0, errno == EINTR {
                continue
            } else {
                return false
            }
        }
        return true
    }
}
