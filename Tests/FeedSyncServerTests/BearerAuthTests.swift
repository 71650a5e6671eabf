import FeedSyncCore
import Foundation
import Testing

/// An `Authorization` header the server must refuse (`nil`: no header at all).
struct RefusedCredential: Sendable, CustomTestStringConvertible {
    var label: String
    var authorization: String?
    var testDescription: String { label }
}

struct BearerAuthTests {
    static let token = "s3cr3t-T0ken_with.chars"
    static let unauthorizedBody = #"{"error":{"message":"missing or wrong Bearer token"}}"#

    static let refused: [RefusedCredential] = [
        RefusedCredential(label: "no header", authorization: nil),
        RefusedCredential(label: "wrong token", authorization: "Bearer not-the-token"),
        RefusedCredential(label: "empty token", authorization: "Bearer "),
        RefusedCredential(label: "scheme only", authorization: "Bearer"),
        RefusedCredential(label: "token in wrong case", authorization: "Bearer \(token.uppercased())"),
        RefusedCredential(label: "token prefix", authorization: "Bearer \(token.dropLast())"),
        RefusedCredential(label: "token first half", authorization: "Bearer \(token.prefix(token.count / 2))"),
        RefusedCredential(label: "token with a suffix", authorization: "Bearer \(token)x"),
        // Lengths 256 apart: a length check truncated to one byte would see them as equal.
        RefusedCredential(label: "token with 256 more characters", authorization: "Bearer \(token)\(String(repeating: "x", count: 256))"),
        RefusedCredential(label: "token without scheme", authorization: token),
        RefusedCredential(label: "two spaces after the scheme", authorization: "Bearer  \(token)"),
        RefusedCredential(label: "Basic scheme", authorization: "Basic \(Data("user:\(token)".utf8).base64EncodedString())"),
    ]

    private func headers(_ authorization: String?) -> [(String, String)] {
        authorization.map { [("Authorization", $0)] } ?? []
    }

    @Test("with a token configured, a missing or wrong credential is 401 with the same body", arguments: refused)
    func refusedCredential(_ credential: RefusedCredential) async throws {
        try await withServer(token: Self.token) { client in
            let answer = try await client.products(headers: headers(credential.authorization))
            #expect(answer.status == 401)
            #expect(answer.text == Self.unauthorizedBody)
            #expect(answer.header("www-authenticate") == "Bearer")
            #expect(answer.header("content-type")?.hasPrefix("application/json") == true)
        }
    }

    @Test("with the right token the catalog is served")
    func rightToken() async throws {
        try await withServer(token: Self.token) { client in
            let page = try await client.page("per_page=1000", headers: [("Authorization", "Bearer \(Self.token)")])
            #expect(page.meta.total == WebhookCatalog.products.count)
            #expect(page.products.map(\.pid) == WebhookCatalog.expectedPids { _ in true })
        }
    }

    @Test("the token is checked before the parameters: a bad parameter without a token is 401, not 400")
    func authBeforeParameters() async throws {
        try await withServer(token: Self.token) { client in
            let answer = try await client.products("page=abc")
            #expect(answer.status == 401)
            #expect(answer.text == Self.unauthorizedBody)
        }
    }

    @Test("a filter query without the token is 401 and leaks nothing of the catalog")
    func filteredWithoutToken() async throws {
        try await withServer(token: Self.token) { client in
            let answer = try await client.products("pid=SKU-0042")
            #expect(answer.status == 401)
            #expect(!answer.text.contains("SKU-0042"))
        }
    }

    @Test("/healthz and /metrics stay open when a token is configured", arguments: ["/healthz", "/metrics"])
    func operationsOpen(_ path: String) async throws {
        try await withServer(token: Self.token) { client in
            let answer = try await client.get(path)
            #expect(answer.status == 200)
        }
    }

    @Test("without a token configured no Authorization header is needed")
    func noTokenConfigured() async throws {
        try await withServer(token: nil) { client in
            let page = try await client.page()
            #expect(page.meta.total == WebhookCatalog.products.count)
        }
    }

    @Test("without a token configured any Authorization header is ignored")
    func noTokenConfiguredIgnoresHeader() async throws {
        try await withServer(token: nil) { client in
            let answer = try await client.products(headers: [("Authorization", "Bearer whatever")])
            #expect(answer.status == 200)
        }
    }

    @Test("other spellings of the webhook path are refused or not found", arguments: ["/affili/products/", "/./affili/products", "/AFFILI/products", "/affili/%70roducts", "/affili/products?per_page=1000"])
    func otherPathSpellings(_ path: String) async throws {
        try await withServer(token: Self.token) { client in
            let answer = try await client.get(path)
            let leaked = answer.text.contains("\"products\"")
            #expect(answer.status == 401 || answer.status == 404, "\(path) answered \(answer.status) without a token")
            #expect(!leaked, "\(path) served the catalog without a token")
        }
    }

    @Test("the webhook path with a doubled slash needs the token too", arguments: ["//affili/products", "/affili//products", "//affili//products?per_page=1000"])
    func doubledSlash(_ path: String) async throws {
        try await withServer(token: Self.token) { client in
            let answer = try await client.get(path)
            let leaked = answer.text.contains("\"products\"")
            #expect(answer.status == 401 || answer.status == 404, "\(path) answered \(answer.status) without a token")
            #expect(!leaked, "\(path) served the catalog without a token")
        }
    }
}
