import FeedSyncHTTP
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A bare TCP client for loopback tests that must control the exact bytes sent
/// (chunked bodies, `Expect: 100-continue`), which `URLSession` does not allow.
enum RawHTTPClient {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Sends `head`; when `interimExpected`, reads the interim answer before sending
    /// `body`; then reads until the server closes.
    /// - Returns: the interim answer (or empty) and the final answer as text.
    static func exchange(
        port: Int, head: String, body: [UInt8] = [], interimExpected: Bool = false
    ) throws -> (interim: String, answer: String) {
        #if canImport(Glibc)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw Failure(description: "socket failed") }
        defer { close(fd) }
        // Generous: on a loaded 2-core CI machine the server thread can wait seconds for a core.
        var timeout = timeval(tv_sec: 30, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { throw Failure(description: "connect failed: errno \(errno)") }
        try sendAll(fd, Array(head.utf8))
        var interim = ""
        if interimExpected {
            var received: [UInt8] = []
            while !received.ends(with: [13, 10, 13, 10]) {
                var byte: UInt8 = 0
                guard recv(fd, &byte, 1, 0) == 1 else { throw Failure(description: "no interim answer") }
                received.append(byte)
            }
            interim = String(decoding: received, as: UTF8.self)
        }
        try sendAll(fd, body)
        var answer: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { break }
            answer += buffer[0..<count]
        }
        return (interim, String(decoding: answer, as: UTF8.self))
    }

    private static func sendAll(_ fd: Int32, _ bytes: [UInt8]) throws {
        var sent = 0
        while sent < bytes.count {
            let count = bytes.withUnsafeBytes { send(fd, $0.baseAddress?.advanced(by: sent), bytes.count - sent, 0) }
            guard count > 0 else { throw Failure(description: "send failed: errno \(errno)") }
            sent += count
        }
    }
}

extension Array where Element == UInt8 {
    fileprivate func ends(with suffix: [UInt8]) -> Bool {
        count >= suffix.count && Array(self[(count - suffix.count)...]) == suffix
    }
}
