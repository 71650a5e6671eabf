import FeedSyncHTTP
import FeedSyncUpload
import Foundation
import Testing

/// Headers, redaction, error texts and timeout rounding.
struct TransportTypesTests {
    @Test("header lookup ignores case and setting replaces every field of the name")
    func headers() {
        var headers: HTTPHeaders = ["Content-Type": "text/plain", "X-A": "1"]
        headers.add(name: "content-type", value: "text/html")
        #expect(headers["CONTENT-TYPE"] == "text/plain")
        headers["Content-Type"] = "application/json"
        #expect(headers.fields.map(\.name) == ["Content-Type", "X-A"])
        #expect(headers["content-type"] == "application/json")
        headers["x-a"] = nil
        #expect(headers["X-A"] == nil)
    }

    @Test("a shown URL drops user info, query and fragment")
    func redactedURL() throws {
        let url = try #require(URL(string: "https://user:pass@core.affili.ir:8443/services/products/import?token=x#frag"))
        #expect(RedactedURL.string(for: url) == "https://core.affili.ir:8443/services/products/import")
        #expect(RedactedURL.hostAndPort(for: url) == "core.affili.ir:8443")
    }

    @Test("a transport error says whether a retry may help", arguments: [
        (TransportError.Reason.connectionRefused, true), (.hostNotFound, true), (.timedOut(.seconds(5)), true),
        (.secureConnectionFailed, false), (.unsupportedURL, false),
    ])
    func retryAdvice(reason: TransportError.Reason, retryable: Bool) {
        let error = TransportError(method: .post, url: "https://a.example/i", host: "a.example", reason: reason)
        #expect(error.isRetryable == retryable)
        #expect(error.description.hasSuffix(retryable ? "a retry may succeed" : "retrying will not help"))
        #expect(error.kind == .run)
    }

    @Test("timeouts go to Foundation as whole seconds, rounded up, at least one")
    func timeoutRounding() {
        #expect(URLSessionTransport.seconds(.milliseconds(300)) == 1)
        #expect(URLSessionTransport.seconds(.milliseconds(2500)) == 3)
        #expect(URLSessionTransport.seconds(.seconds(60)) == 60)
    }
}
