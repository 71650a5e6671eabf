import FeedSyncCore
import Foundation
import Testing

/// A malformed query and the parameter the error must name.
struct BadParameter: Sendable, CustomTestStringConvertible {
    var query: String
    var parameter: String
    var testDescription: String { query }
}

struct WebhookBadParameterTests {
    static let cases: [BadParameter] = [
        BadParameter(query: "min_price=cheap", parameter: "min_price"),
        BadParameter(query: "max_price=0x10", parameter: "max_price"),
        BadParameter(query: "price=", parameter: "price"),
        BadParameter(query: "old_price=abc", parameter: "old_price"),
        BadParameter(query: "min_old_price=1e999", parameter: "min_old_price"),
        BadParameter(query: "max_old_price=NaN", parameter: "max_old_price"),
        BadParameter(query: "page=abc", parameter: "page"),
        BadParameter(query: "page=0", parameter: "page"),
        BadParameter(query: "page=-3", parameter: "page"),
        BadParameter(query: "page=1.5", parameter: "page"),
        BadParameter(query: "per_page=-1", parameter: "per_page"),
        BadParameter(query: "per_page=0", parameter: "per_page"),
        BadParameter(query: "per_page=ten", parameter: "per_page"),
        BadParameter(query: "in_stock=maybe", parameter: "in_stock"),
        BadParameter(query: "in_stock=", parameter: "in_stock"),
        BadParameter(query: "is_primary=yes%20please", parameter: "is_primary"),
        BadParameter(query: "min_last_update=yesterday", parameter: "min_last_update"),
        BadParameter(query: "max_last_update=2024-13-01", parameter: "max_last_update"),
        BadParameter(query: "created_at=2024-02-30T10:00:00Z", parameter: "created_at"),
        BadParameter(query: "updated_at=soon", parameter: "updated_at"),
        BadParameter(query: "in_stock=1&min_price=cheap&page=2", parameter: "min_price"),
    ]

    @Test("a malformed parameter is answered 400 with a JSON error naming it", arguments: cases)
    func badParameter(_ bad: BadParameter) async throws {
        try await withServer { client in
            let answer = try await client.products(bad.query)
            #expect(answer.status == 400)
            #expect(answer.header("content-type")?.hasPrefix("application/json") == true)
            let json = try JSONValue(parsing: answer.body)
            #expect(json.keys == ["error"])
            #expect(json["error"]?["parameter"] == .string(bad.parameter))
            #expect(json["error"]?["message"]?.string?.isEmpty == false)
        }
    }

    @Test("unknown parameters are ignored")
    func unknownIgnored() async throws {
        try await withServer { client in
            let plain = try await client.products("per_page=20")
            let withUnknown = try await client.products("utm_source=affili&per_page=20&sort=desc&foo=%zz&bar&limit=abc&page_size=3")
            #expect(withUnknown.status == 200)
            #expect(withUnknown.body == plain.body)
        }
    }

    @Test("a bad parameter leaves the server answering normally afterwards")
    func recovers() async throws {
        try await withServer { client in
            let bad = try await client.products("page=abc")
            #expect(bad.status == 400)
            let page = try await client.page()
            #expect(page.meta.total == WebhookCatalog.products.count)
        }
    }
}
