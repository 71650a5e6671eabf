import FeedSyncCore
import FeedSyncHTTP
import FeedSyncTesting
import FeedSyncUpload
import Foundation
import Testing

/// How the client classifies Affili's answers, on a recording transport.
struct AffiliClientAnswerTests {
    let base = Sample.endpoint

    private func answer(
        _ status: Int, headers: HTTPHeaders = [:], body: String = "", logs: LogRecorder = LogRecorder()
    ) async throws -> ImportResponse {
        let transport = RecordingTransport(status: status, headers: headers, body: body)
        return try await makeClient(endpoint: base, transport: transport, logs: logs).importProducts(Sample.products(3))
    }

    @Test("a 2xx answer is accepted with Affili's reported count", arguments: [200, 201, 202, 204])
    func accepted(status: Int) async throws {
        let receipt = try #require(
            try await answer(status, body: #"{"status":"ok","tag":"import","api_version":"1.0.0","data":{"count":3}}"#).receipt)
        #expect(receipt.status == status)
        #expect(receipt.productCount == 3)
        #expect(receipt.reportedCount == 3)
    }

    @Test("an accepted answer without a count leaves reportedCount empty")
    func acceptedWithoutCount() async throws {
        let receipt = try #require(try await answer(200, body: "OK").receipt)
        #expect(receipt.reportedCount == nil)
    }

    @Test("401 and 403 stop the run and point at affili.token", arguments: [401, 403])
    func authentication(status: Int) async throws {
        let failure = try #require(try await answer(status, body: #"{"message":"bad token"}"#).failure)
        #expect(failure.cause == .authentication)
        #expect(failure.stopsRun)
        #expect(!failure.isRetryable)
        #expect(failure.kind == .configuration)
        #expect(failure.message == "Affili refused the token (HTTP \(status)); check affili.token")
    }

    @Test("429 and 5xx are retryable and do not stop the run", arguments: [429, 500, 502, 503, 504, 408])
    func retryable(status: Int) async throws {
        let failure = try #require(try await answer(status).failure)
        #expect(failure.isRetryable)
        #expect(!failure.stopsRun)
        #expect(failure.kind == .run)
    }

    @Test("other 4xx answers reject the batch without retry", arguments: [400, 409, 413, 415, 422])
    func rejected(status: Int) async throws {
        let failure = try #require(try await answer(status).failure)
        #expect(failure.cause == .rejected)
        #expect(!failure.isRetryable)
        #expect(!failure.stopsRun)
    }

    @Test("404 and 405 stop the run and point at affili.endpoint", arguments: [404, 405])
    func wrongEndpoint(status: Int) async throws {
        let failure = try #require(try await answer(status).failure)
        #expect(failure.cause == .wrongEndpoint)
        #expect(failure.stopsRun)
        #expect(failure.message.contains("check affili.endpoint"))
        #expect(failure.message.contains("https://core.affili.ir/services/products/import"))
    }

    @Test("a redirect stops the run and names its target without the query")
    func redirect() async throws {
        let failure = try #require(
            try await answer(301, headers: ["Location": "https://api.affili.ir/v2/products/import?key=abc"]).failure)
        #expect(failure.cause == .wrongEndpoint)
        #expect(failure.redirectTarget == "https://api.affili.ir/v2/products/import")
        #expect(!failure.description.contains("key=abc"))
    }

    @Test("Retry-After in seconds is carried as a duration")
    func retryAfterSeconds() async throws {
        let failure = try #require(try await answer(429, headers: ["retry-after": "30"]).failure)
        #expect(failure.retryAfter == .seconds(30))
        #expect(failure.message == "Affili is limiting the request rate (HTTP 429); retry after 30 s")
    }

    @Test("Retry-After as an HTTP date is turned into the wait from now")
    func retryAfterDate() {
        let now = Date(timeIntervalSince1970: 1_784_563_200)  // 2026-07-20T16:00:00Z
        let response = HTTPResponse(status: 503, headers: ["Retry-After": "Mon, 20 Jul 2026 16:01:30 GMT"])
        #expect(response.retryAfter(now: now) == .seconds(90))
    }

    @Test("an unreadable or missing Retry-After gives no wait", arguments: ["soon", "", "-5", "1.5"])
    func retryAfterUnreadable(value: String) {
        #expect(HTTPResponse(status: 429, headers: ["Retry-After": value]).retryAfter() == nil)
        #expect(HTTPResponse(status: 429).retryAfter() == nil)
    }

    @Test("a rejection carries the first 300 characters of the answer, white space folded")
    func snippet() async throws {
        let body = "{\n  \"message\": \"" + String(repeating: "x", count: 1000) + "\"\n}"
        let failure = try #require(try await answer(400, body: body).failure)
        #expect(failure.bodySnippet.hasPrefix(#"{ "message": "xxx"#))
        #expect(failure.bodySnippet.count == 301)  // 300 characters and an ellipsis
        #expect(failure.bodySnippet.hasSuffix("…"))
        #expect(failure.message.hasPrefix("Affili rejected the batch of 3 products (HTTP 400): {"))
    }

    @Test("an answer that echoes the token has it removed from the failure")
    func tokenEchoRemoved() async throws {
        let failure = try #require(
            try await answer(400, body: #"{"message":"token \#(Sample.token) is not valid for shop 7"}"#).failure)
        #expect(!failure.description.contains(Sample.token))
        #expect(failure.bodySnippet.contains("[token]"))
    }

    @Test("each request is logged at debug with batch size, status and endpoint, never the token")
    func logging() async throws {
        let logs = LogRecorder()
        _ = try await answer(503, body: "echo \(Sample.token)", logs: logs)
        let entry = try #require(logs.entries.first)
        #expect(entry.level == .debug)
        #expect(entry.metadata["batch.size"] == "3")
        #expect(entry.metadata["http.status"] == "503")
        #expect(entry.metadata["affili.endpoint"] == "https://core.affili.ir/services/products/import")
        #expect(!logs.allText.contains(Sample.token))
    }

    @Test("a transport failure is rethrown as it is and logged without the token")
    func transportFailure() async throws {
        let logs = LogRecorder()
        let refused = TransportError(
            method: .post, url: "https://core.affili.ir/services/products/import", host: "core.affili.ir",
            reason: .connectionRefused)
        let transport = RecordingTransport(script: [.failure(refused)])
        await #expect(throws: refused) {
            try await makeClient(endpoint: base, transport: transport, logs: logs).importProducts([Sample.product()])
        }
        #expect(logs.entries.count == 1)
        #expect(!logs.allText.contains(Sample.token))
    }
}
