import FeedSyncHTTP
import FeedSyncSources
import FeedSyncTesting
import Foundation
import Testing

/// Failing, throttling and refusing servers.
struct JSONPagesRetryTests {
    private let endpoint = URL(string: "https://shop.example/affili/products") ?? URL(fileURLWithPath: "/")

    @Test("a page answered 500 once is retried after a backoff, and the read completes")
    func retriedOnce() async throws {
        let server = try PagesTestSupport.fixtureServer("affili-webhook")
        defer { server.stop() }
        let failures = JSONTestBox(0)
        let flaky = ClosureTransport { request, _ in
            if ClosureTransport.page(of: request) == 2, failures.withLock({ count -> Bool in
                count += 1
                return count == 1
            }) {
                return HTTPResponse(status: 500, body: Data("oops".utf8))
            }
            return try await URLSessionTransport().send(request)
        }
        let waits = JSONTestBox<[Duration]>([])
        let (events, error, progress) = try await PagesTestSupport.readAll(
            .remote(server.baseURL), options: .affiliWebhook(perPage: 10), transport: flaky,
            sleep: PagesTestSupport.recordingSleep(waits))
        #expect(error == nil)
        #expect(events.count == 25)
        #expect(progress.retries == 1)
        #expect(waits.current.count == 1)
        #expect(waits.current.allSatisfy { $0 >= .zero && $0 <= .milliseconds(500) })
    }

    @Test("a page that keeps failing fails the read after the pages before it, never ending cleanly")
    func failsForever() async throws {
        let transport = ClosureTransport { request, _ in
            ClosureTransport.page(of: request) == 1
                ? ClosureTransport.webhookPage(1, count: 3, last: 3) : HTTPResponse(status: 500)
        }
        let waits = JSONTestBox<[Duration]>([])
        let (events, error, _) = try await PagesTestSupport.readAll(
            .remote(endpoint), options: .affiliWebhook(), transport: transport, sleep: PagesTestSupport.recordingSleep(waits))
        #expect(events.count == 3)
        let failure = try #require(error as? HTTPFetchError)
        #expect(failure.attempts == 5)
        #expect(failure.subject == "page 2")
        #expect(failure.description == "GET https://shop.example/affili/products (page 2) failed after 5 attempts: the server answered 500 Internal Server Error; the read stopped and the catalog is incomplete")
        #expect(waits.current.count == 4)
        #expect(transport.requests.current.count == 6)
    }

    @Test("after a failure, asking again repeats the failure and sends nothing")
    func failureSticks() async throws {
        let transport = ClosureTransport { _, _ in HTTPResponse(status: 403) }
        var source = try JSONPagesSource(location: .remote(endpoint), source: "shop", options: .affiliWebhook(), transport: transport)
        await #expect(throws: HTTPFetchError.self) { try await source.next() }
        await #expect(throws: HTTPFetchError.self) { try await source.next() }
        #expect(transport.requests.current.count == 1)
    }

    @Test("429 with Retry-After waits exactly what the server asked")
    func retryAfter() async throws {
        let transport = ClosureTransport { _, number in
            number == 1
                ? HTTPResponse(status: 429, headers: ["Retry-After": "7"])
                : ClosureTransport.webhookPage(1, last: 1)
        }
        let waits = JSONTestBox<[Duration]>([])
        let (events, error, _) = try await PagesTestSupport.readAll(
            .remote(endpoint), options: .affiliWebhook(), transport: transport, sleep: PagesTestSupport.recordingSleep(waits))
        #expect(error == nil)
        #expect(events.count == 2)
        #expect(waits.current == [.seconds(7)])
    }

    @Test("a Retry-After beyond the limit fails at once, saying so")
    func retryAfterTooLong() async throws {
        let transport = ClosureTransport { _, _ in HTTPResponse(status: 503, headers: ["Retry-After": "3600"]) }
        let (_, error, _) = try await PagesTestSupport.readAll(.remote(endpoint), options: .affiliWebhook(), transport: transport)
        let failure = try #require(error as? HTTPFetchError)
        #expect(failure.attempts == 1)
        #expect(failure.reason.contains("asked to wait 3600 s"))
    }

    @Test("401 stops at once, with no retry and advice about the token", arguments: [401, 403])
    func refused(_ status: Int) async throws {
        let server = LoopbackHTTPServer { _ in .json(status, #"{"error":"bad token"}"#) }
        try server.start()
        defer { server.stop() }
        let waits = JSONTestBox<[Duration]>([])
        let (events, error, _) = try await PagesTestSupport.readAll(
            .remote(server.baseURL), options: .accessTrade(accessKey: "wrong"), sleep: PagesTestSupport.recordingSleep(waits))
        #expect(events.isEmpty)
        let failure = try #require(error as? HTTPFetchError)
        #expect(failure.status == status)
        #expect(failure.attempts == 1)
        #expect(failure.reason.contains("check the token or headers"))
        #expect(waits.current.isEmpty)
    }

    @Test("timeouts and lost connections are retried")
    func transportErrorsRetried() async throws {
        let transport = ClosureTransport { request, number in
            switch number {
            case 1: throw TransportError(method: .get, url: "u", host: "h", reason: .timedOut(.seconds(60)))
            case 2: throw TransportError(method: .get, url: "u", host: "h", reason: .connectionLost)
            default: return ClosureTransport.webhookPage(1, last: 1)
            }
        }
        let (events, error, progress) = try await PagesTestSupport.readAll(.remote(endpoint), options: .affiliWebhook(), transport: transport)
        #expect(error == nil)
        #expect(events.count == 2)
        #expect(progress.retries == 2)
    }

    @Test("a TLS failure is not retried")
    func tlsNotRetried() async throws {
        let transport = ClosureTransport { _, _ in
            throw TransportError(method: .get, url: "u", host: "h", reason: .secureConnectionFailed)
        }
        let (_, error, _) = try await PagesTestSupport.readAll(.remote(endpoint), options: .affiliWebhook(), transport: transport)
        #expect((error as? HTTPFetchError)?.attempts == 1)
        #expect(transport.requests.current.count == 1)
    }

    @Test("404 is not retried and shows the start of the error body")
    func notFound() async throws {
        let transport = ClosureTransport { _, _ in HTTPResponse(status: 404, body: Data("<h1>Not   Found</h1>\n".utf8)) }
        let (_, error, _) = try await PagesTestSupport.readAll(.remote(endpoint), options: .affiliWebhook(), transport: transport)
        let failure = try #require(error as? HTTPFetchError)
        #expect(failure.reason == "the server answered 404 Not Found: <h1>Not Found</h1> (not retried)")
    }

    @Test("an HTML answer with status 200 is a malformed page, with a hint")
    func htmlPage() async throws {
        let transport = ClosureTransport { _, _ in
            HTTPResponse(status: 200, headers: ["Content-Type": "text/html"], body: Data("<!doctype html><p>Login".utf8))
        }
        let (_, error, _) = try await PagesTestSupport.readAll(.remote(endpoint), options: .affiliWebhook(), transport: transport)
        let failure = try #require(error as? JSONPagesError)
        #expect(failure.problem == .malformedPage)
        #expect(failure.page == 1)
        #expect(failure.reason.contains("looks like an HTML page (Content-Type: text/html)"))
    }

    @Test("a redirect is not followed; the message names where the server points, without its query")
    func redirect() async throws {
        let transport = ClosureTransport { _, _ in
            HTTPResponse(status: 301, headers: ["Location": "https://new.example/api/products?token=secret"])
        }
        let (_, error, _) = try await PagesTestSupport.readAll(.remote(endpoint), options: .affiliWebhook(), transport: transport)
        let failure = try #require(error as? HTTPFetchError)
        #expect(failure.reason == "the server redirects (301 Moved Permanently) to https://new.example/api/products; configure that address instead")
        #expect(failure.attempts == 1)
    }

    @Test("full-jitter backoff stays between zero and the attempt's ceiling")
    func backoffBounds() {
        let policy = RetryPolicy(baseDelay: .milliseconds(500), maxDelay: .seconds(30))
        #expect(policy.backoff(afterFailures: 1, random: 0.999) < .milliseconds(500))
        #expect(policy.backoff(afterFailures: 3, random: 0.5) == .seconds(1))
        #expect(policy.backoff(afterFailures: 20, random: 1) == .seconds(30))
        #expect(policy.backoff(afterFailures: 2, random: 0) == .zero)
    }
}
