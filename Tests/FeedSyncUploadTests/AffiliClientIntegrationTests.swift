import FeedSyncCore
import FeedSyncHTTP
import FeedSyncTesting
import FeedSyncUpload
import Foundation
import Testing

/// The client over `URLSession` against the Affili stand-in on loopback.
struct AffiliClientIntegrationTests {
    @Test("an accepted batch lands at the stand-in with the token and the products")
    func acceptedBatchLands() async throws {
        try await withStandIn { standIn in
            let products = [Sample.product("A"), Sample.product("B", price: 990_000)]
            let client = makeClient(endpoint: standIn.endpoint, transport: URLSessionTransport())
            let receipt = try #require(try await client.importProducts(products).receipt)
            #expect(receipt.status == 200)
            #expect(receipt.reportedCount == 2)
            let batch = try #require(standIn.acceptedBatches.first)
            #expect(batch.headers.value(for: "Authorization") == "Bearer \(Sample.token)")
            #expect(batch.products == products)
            #expect(standIn.acceptedProducts["B"]?.price == 990_000)
        }
    }

    @Test("a wrong token gives a failure that stops the run")
    func wrongToken() async throws {
        try await withStandIn { standIn in
            let client = makeClient(endpoint: standIn.endpoint, token: "not-the-token", transport: URLSessionTransport())
            let failure = try #require(try await client.importProducts([Sample.product()]).failure)
            #expect(failure.status == 401)
            #expect(failure.stopsRun)
            #expect(failure.message == "Affili refused the token (HTTP 401); check affili.token")
            #expect(standIn.acceptedBatches.isEmpty)
        }
    }

    @Test("a 500 answer is a retryable failure, and the retried batch is accepted")
    func serverErrorRetryable() async throws {
        try await withStandIn { standIn in
            standIn.failNext(status: 500)
            let client = makeClient(endpoint: standIn.endpoint, transport: URLSessionTransport())
            let failure = try #require(try await client.importProducts([Sample.product()]).failure)
            #expect(failure.status == 500)
            #expect(failure.isRetryable)
            #expect(try await client.importProducts([Sample.product()]).isAccepted)
        }
    }

    @Test("429 with Retry-After is retryable and carries the wait")
    func rateLimited() async throws {
        try await withStandIn { standIn in
            standIn.failNext(status: 429, retryAfter: "7")
            let client = makeClient(endpoint: standIn.endpoint, transport: URLSessionTransport())
            let failure = try #require(try await client.importProducts([Sample.product()]).failure)
            #expect(failure.cause == .rateLimited)
            #expect(failure.retryAfter == .seconds(7))
        }
    }

    @Test("a batch the stand-in finds invalid is rejected, not retryable, with its message")
    func rejectedWithSnippet() async throws {
        try await withStandIn { standIn in
            // JSONWriter writes a NaN price as null, which Affili's type rules refuse.
            let client = makeClient(endpoint: standIn.endpoint, transport: URLSessionTransport())
            let failure = try #require(try await client.importProducts([Sample.product(price: .nan)]).failure)
            #expect(failure.status == 400)
            #expect(!failure.isRetryable)
            #expect(!failure.stopsRun)
            #expect(failure.bodySnippet.contains("products[0].price: expected number, got null"))
        }
    }

    @Test("more than 1000 products are refused before the stand-in sees a request")
    func tooLargeNeverSent() async throws {
        try await withStandIn { standIn in
            let client = makeClient(endpoint: standIn.endpoint, transport: URLSessionTransport())
            await #expect(throws: AffiliClientError.self) {
                try await client.importProducts(Sample.products(1001))
            }
            #expect(standIn.requests.isEmpty)
        }
    }

    @Test("a closed port gives a TransportError that names the address and the reason")
    func connectionRefused() async throws {
        let port = try closedPort()
        let endpoint = try #require(URL(string: "http://127.0.0.1:\(port)/services/products"))
        let client = makeClient(endpoint: endpoint, transport: URLSessionTransport())
        let error = await #expect(throws: TransportError.self) {
            try await client.importProducts([Sample.product()])
        }
        #expect(error?.reason == .connectionRefused)
        #expect(error?.isRetryable == true)
        #expect(error?.kind == .run)
        #expect(
            error?.description
                == "POST http://127.0.0.1:\(port)/services/products/import failed: "
                + "could not connect to 127.0.0.1:\(port) (connection refused); a retry may succeed")
    }

    @Test("the token appears in no error description")
    func tokenNeverInDescriptions() async throws {
        var descriptions: [String] = []
        let port = try closedPort()
        let closed = try #require(URL(string: "http://127.0.0.1:\(port)/services/products?token=\(Sample.token)"))
        do {
            _ = try await makeClient(endpoint: closed, transport: URLSessionTransport()).importProducts([Sample.product()])
        } catch {
            descriptions.append(String(describing: error))
        }
        try await withStandIn(token: "other") { standIn in
            let client = makeClient(endpoint: standIn.endpoint, transport: URLSessionTransport())
            standIn.failNext(status: 400, body: #"{"message":"bad request for Bearer \#(Sample.token)"}"#)
            for _ in 0..<2 {
                if let failure = try await client.importProducts([Sample.product()]).failure {
                    descriptions += [failure.description, failure.message, failure.bodySnippet]
                }
            }
        }
        #expect(descriptions.count == 7)
        #expect(descriptions.allSatisfy { !$0.contains(Sample.token) })
    }

    @Test("a 1000-product body (about 1 MB) is sent without Expect: 100-continue and without a stall")
    func largeBodyNoExpectStall() async throws {
        // A server that never answers 100 Continue: a client that sent Expect would wait
        // libcurl's one-second timeout before sending the body (measured: 1.01 s).
        try await withStandIn(continuePolicy: .ignore) { standIn in
            let clock = ContinuousClock()
            let arrival = ArrivalTime()
            // Measured to the server's receipt of the whole body, so the stand-in's own
            // validation time does not count against the client.
            standIn.onRequest { _, _ in
                arrival.record(clock.now)
                return nil
            }
            let client = makeClient(endpoint: standIn.endpoint, transport: URLSessionTransport())
            let products = Sample.products(1000)
            let started = clock.now
            let answer = try await client.importProducts(products)
            #expect(answer.isAccepted)
            let request = try #require(standIn.requests.first)
            #expect(request.body.count > 900_000)
            #expect(request.header("Expect") == nil)
            let received = try #require(arrival.value)
            #expect(received - started < .milliseconds(900))
        }
    }

    @Test("a server slower than the timeout gives a timed-out TransportError")
    func timeout() async throws {
        try await withStandIn { standIn in
            standIn.onRequest { _, _ in
                Thread.sleep(forTimeInterval: 2)
                return nil
            }
            let client = makeClient(endpoint: standIn.endpoint, transport: URLSessionTransport(), timeout: .seconds(1))
            let error = await #expect(throws: TransportError.self) {
                try await client.importProducts([Sample.product()])
            }
            #expect(error?.reason == .timedOut(.seconds(1)))
            #expect(error?.description.contains("no answer from 127.0.0.1:\(standIn.endpoint.port ?? 0) within 1 s (timed out)") == true)
            #expect(error?.isRetryable == true)
        }
    }

    @Test("a redirect is not followed: the run stops with the redirect's target")
    func redirectNotFollowed() async throws {
        try await withStandIn { standIn in
            standIn.onRequest { _, _ in
                ServerResponse(status: 301, headers: [HeaderField(name: "Location", value: "https://elsewhere.example/import")])
            }
            let client = makeClient(endpoint: standIn.endpoint, transport: URLSessionTransport())
            let failure = try #require(try await client.importProducts([Sample.product()]).failure)
            #expect(failure.status == 301)
            #expect(failure.stopsRun)
            #expect(failure.redirectTarget == "https://elsewhere.example/import")
            #expect(standIn.requests.count == 1)
        }
    }

    @Test("re-importing a pid replaces it at the stand-in, later wins")
    func upsert() async throws {
        try await withStandIn { standIn in
            let client = makeClient(endpoint: standIn.endpoint, transport: URLSessionTransport())
            _ = try await client.importProducts([Sample.product("A", price: 100), Sample.product("B")])
            var withdrawn = Sample.product("A", price: 120)
            withdrawn.inStock = false
            _ = try await client.importProducts([withdrawn])
            #expect(standIn.acceptedProducts.count == 2)
            #expect(standIn.acceptedProducts["A"] == withdrawn)
        }
    }
}

/// When the stand-in had the whole request, set from a server thread.
private final class ArrivalTime: @unchecked Sendable {
    // @unchecked: every access holds `lock`.
    private let lock = NSLock()
    private var instant: ContinuousClock.Instant?

    func record(_ value: ContinuousClock.Instant) {
        lock.lock()
        instant = value
        lock.unlock()
    }

    var value: ContinuousClock.Instant? {
        lock.lock()
        defer { lock.unlock() }
        return instant
    }
}

/// An import endpoint that answers without end: the client stops reading at its answer
/// limit instead of filling memory.
struct AffiliClientEndlessAnswerTests {
    @Test("an import answer that never ends is cut off at 16 MiB with a transport error naming the limit", .timeLimit(.minutes(3)))
    func endlessAnswer() async throws {
        let server = LoopbackHTTPServer { _ in .streaming(Data(repeating: UInt8(ascii: " "), count: 1 << 16)) }
        try server.start()
        defer { server.stop() }
        let client = makeClient(endpoint: server.baseURL.appendingPathComponent("services/products"), transport: URLSessionTransport())
        let clock = ContinuousClock()
        let started = clock.now

        let error = await #expect(throws: TransportError.self) { _ = try await client.importProducts([Sample.product()]) }

        // 16 MiB over loopback: well under a second, unless each chunk copies the body so far
        // (a minute on a quiet machine); the bound leaves room for a busy one.
        #expect(clock.now - started < .seconds(40))
        #expect(error?.reasonText.contains("larger than 16777216 bytes, the configured limit (the 16 MiB limit on import answers)") == true)
        #expect(error?.isRetryable == false)
    }
}
