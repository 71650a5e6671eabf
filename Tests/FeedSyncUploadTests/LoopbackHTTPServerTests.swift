import FeedSyncHTTP
import FeedSyncTesting
import FeedSyncUpload
import Foundation
import Testing

/// The test server's HTTP handling, driven by a raw socket client and by `URLSession`.
struct LoopbackHTTPServerTests {
    /// Runs `body` with an echoing server that keeps the last request.
    private func withEchoServer(
        continuePolicy: LoopbackHTTPServer.ContinuePolicy = .answer,
        _ body: (LoopbackHTTPServer, @escaping @Sendable () -> ReceivedRequest?) async throws -> Void
    ) async throws {
        let last = LastRequest()
        let server = LoopbackHTTPServer(continuePolicy: continuePolicy) { request in
            last.set(request)
            return .text(200, "got \(request.body.count) bytes")
        }
        try server.start()
        defer { server.stop() }
        try await body(server) { last.get() }
    }

    @Test("binds a port the system chose on 127.0.0.1")
    func bindsLoopback() async throws {
        try await withEchoServer { server, _ in
            #expect(server.port > 0)
            #expect(server.baseURL.host == "127.0.0.1")
        }
    }

    @Test("reads a Content-Length body and answers with Connection: close")
    func contentLength() async throws {
        try await withEchoServer { server, last in
            let (_, answer) = try RawHTTPClient.exchange(
                port: server.port,
                head: "POST /x?a=1 HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\n\r\n", body: Array("hello".utf8))
            #expect(answer.hasPrefix("HTTP/1.1 200 OK\r\n"))
            #expect(answer.contains("Connection: close\r\n"))
            #expect(answer.hasSuffix("got 5 bytes"))
            let request = try #require(last())
            #expect(request.path == "/x")
            #expect(request.query == "a=1")
            #expect(request.bodyText == "hello")
        }
    }

    @Test("reads a chunked body with extensions and trailers")
    func chunked() async throws {
        try await withEchoServer { server, last in
            let body = "5;note=x\r\nhello\r\n7\r\n, world\r\n0\r\nX-Trailer: 1\r\n\r\n"
            let (_, answer) = try RawHTTPClient.exchange(
                port: server.port,
                head: "POST /c HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n", body: Array(body.utf8))
            #expect(answer.hasSuffix("got 12 bytes"))
            let request = try #require(last())
            #expect(request.bodyText == "hello, world")
            #expect(request.wasChunked)
        }
    }

    @Test("answers 100 Continue before reading the body when asked")
    func expectContinue() async throws {
        try await withEchoServer { server, last in
            let (interim, answer) = try RawHTTPClient.exchange(
                port: server.port,
                head: "POST /e HTTP/1.1\r\nHost: t\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\n",
                body: Array("abc".utf8), interimExpected: true)
            #expect(interim == "HTTP/1.1 100 Continue\r\n\r\n")
            #expect(answer.hasPrefix("HTTP/1.1 200 OK"))
            #expect(last()?.continueSent == true)
        }
    }

    @Test("a malformed request line is answered with 400")
    func malformed() async throws {
        try await withEchoServer { server, last in
            let (_, answer) = try RawHTTPClient.exchange(port: server.port, head: "NONSENSE\r\n\r\n")
            #expect(answer.hasPrefix("HTTP/1.1 400 Bad Request"))
            #expect(last() == nil)
        }
    }

    @Test("serves URLSession requests arriving in parallel")
    func parallelRequests() async throws {
        try await withEchoServer { server, _ in
            let transport = URLSessionTransport()
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for index in 0..<8 {
                    group.addTask {
                        try await transport.send(
                            HTTPRequest(
                                method: .post, url: server.baseURL.appendingPathComponent("p\(index)"),
                                body: Data(repeating: 65, count: 10_000 * (index + 1)))
                        ).status
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses == Array(repeating: 200, count: 8))
        }
    }

    @Test("after stop, the port refuses connections")
    func stopCloses() throws {
        let server = LoopbackHTTPServer { _ in .text(200, "") }
        try server.start()
        let port = server.port
        server.stop()
        server.stop()  // a second stop is harmless
        #expect(throws: RawHTTPClient.Failure.self) {
            try RawHTTPClient.exchange(port: port, head: "GET / HTTP/1.1\r\n\r\n")
        }
    }
}

/// The last request a test server saw.
private final class LastRequest: @unchecked Sendable {
    // @unchecked: every access holds `lock`.
    private let lock = NSLock()
    private var request: ReceivedRequest?

    func set(_ value: ReceivedRequest) {
        lock.lock()
        request = value
        lock.unlock()
    }

    func get() -> ReceivedRequest? {
        lock.lock()
        defer { lock.unlock() }
        return request
    }
}
