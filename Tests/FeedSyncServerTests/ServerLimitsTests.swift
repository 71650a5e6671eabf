import FeedSyncServer
import Foundation
import Hummingbird
import Logging
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// `feedsync serve` bounds what a client can take: the request target's length, header
/// bytes, connections at once, and the time a request or a silent connection may last.
/// Every refusal the server writes itself is JSON. On a loopback port.
@Suite("serve: request and connection limits")
struct ServerLimitsTests {
    @Test("a request target longer than max_query_bytes is 414 with a JSON error")
    func longQuery() async throws {
        let limits = ServerLimits(maxQueryBytes: 256)
        let answer = try await withServer(store: sharedCatalogStore, limits: limits) { client in
            try await client.products("search=" + String(repeating: "a", count: 300))
        }
        #expect(answer.status == 414)
        #expect(answer.header("content-type") == "application/json")
        #expect(answer.text == #"{"error":{"message":"the request target is longer than 256 bytes (serve.max_query_bytes)"}}"#)
    }

    @Test("a request target within max_query_bytes is served")
    func queryWithinLimit() async throws {
        let limits = ServerLimits(maxQueryBytes: 256)
        let answer = try await withServer(store: sharedCatalogStore, limits: limits) { client in
            try await client.products("per_page=2")
        }
        #expect(answer.status == 200)
    }

    @Test("header fields larger than max_header_bytes are refused with 400 without reaching the handler")
    func largeHeaders() async throws {
        let limits = ServerLimits(maxHeaderBytes: 2048)
        let answer = try await withServer(store: sharedCatalogStore, limits: limits) { client in
            try await client.products(headers: [("X-Padding", String(repeating: "p", count: 8192))])
        }
        // NIO's decoder refuses the head; Hummingbird answers 400 with no body and closes.
        #expect(answer.status == 400)
        #expect(answer.header("connection") == "close")
        #expect(answer.body.isEmpty)
    }

    @Test("at max_connections a further connection waits until one closes, then is served")
    func connectionCap() async throws {
        let limits = ServerLimits(maxConnections: 2)
        try await withServer(store: sharedCatalogStore, limits: limits) { client in
            // Given two connections that send nothing and are held open.
            let held = try [RawExchange.open(port: client.port), RawExchange.open(port: client.port)]
            try await Task.sleep(for: .milliseconds(300))
            // When a third client asks, with a short wait.
            let third = try RawExchange.open(port: client.port, receiveTimeout: 1)
            defer { close(third) }
            try RawExchange.write(Array("GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".utf8), to: third)
            var byte: UInt8 = 0
            // Then it gets nothing while the two are open.
            #expect(recv(third, &byte, 1, 0) < 0)
            // And once they close, it is answered.
            for fd in held { close(fd) }
            var timeout = timeval(tv_sec: 20, tv_usec: 0)
            setsockopt(third, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            let answer = try RawExchange.parse(try RawExchange.receiveAll(third))
            #expect(answer.status == 200)
        }
    }

    @Test("a connection silent for idle_timeout_s is closed by the server")
    func idleConnectionClosed() async throws {
        let limits = ServerLimits(idleTimeout: .seconds(1))
        let clock = ContinuousClock()
        let (received, elapsed) = try await withServer(store: sharedCatalogStore, limits: limits) { client in
            let fd = try RawExchange.open(port: client.port, receiveTimeout: 20)
            defer { close(fd) }
            let started = clock.now
            // Half a request line, then silence.
            try RawExchange.write(Array("GET /heal".utf8), to: fd)
            return (try RawExchange.receiveAll(fd), clock.now - started)
        }
        #expect(elapsed < .seconds(10))
        #expect(received.isEmpty || String(decoding: received, as: UTF8.self).hasPrefix("HTTP/1.1 4"))
    }

    @Test("a request head trickled a byte at a time (slowloris) is cut off at idle_timeout_s, however busy")
    func trickledHeadClosed() async throws {
        let limits = ServerLimits(idleTimeout: .seconds(1))
        let clock = ContinuousClock()
        let (closedAfter, elapsed) = try await withServer(store: sharedCatalogStore, limits: limits) { client in
            let fd = try RawExchange.open(port: client.port, receiveTimeout: 20)
            defer { close(fd) }
            let started = clock.now
            // The timer runs from the connection to a complete head: bytes that never finish one do not reset it.
            let head = Array("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: ".utf8) + Array(repeating: UInt8(ascii: "s"), count: 200)
            var sent = 0
            for byte in head {
                guard (try? RawExchange.write([byte], to: fd)) != nil else { break }
                sent += 1
                try await Task.sleep(for: .milliseconds(50))
            }
            return (sent, clock.now - started)
        }
        // 200-odd bytes at 50 ms would take over 10 s; the server closed the connection long
        // before. The bytes sent are what proves it: this task's sleeps stretch on a busy
        // machine, so the time only has to be far below the server's 20 s receive timeout.
        #expect(closedAfter < 100, "sent \(closedAfter) bytes")
        #expect(elapsed < .seconds(19))
    }

    @Test("handling longer than request_timeout_s is answered 503 with a JSON error")
    func requestTimeout() async throws {
        let router = Router()
        router.add(middleware: RequestLimitsMiddleware(limits: ServerLimits(requestTimeout: .milliseconds(500))))
        router.get("/slow") { _, _ -> String in
            try await Task.sleep(for: .seconds(600))
            return "late"
        }
        let clock = ContinuousClock()
        let started = clock.now
        let answer = try await withRunningApplication({ onRunning in
            Application(
                router: router, configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: 0)),
                onServerRunning: { await onRunning($0.localAddress?.port ?? 0) },
                logger: Logger(label: "feedsync.server.tests") { _ in SwiftLogNoOpLogHandler() })
        }) { client in
            try await client.get("/slow")
        }
        #expect(answer.status == 503)
        #expect(answer.text == #"{"error":{"message":"the request took longer than 0.5 s (serve.request_timeout_s); try again later"}}"#)
        // Far below the handler's 600 s, with room for a machine whose two cooperative
        // threads are busy with other suites for a minute or more.
        #expect(clock.now - started < .seconds(300))
    }
}
