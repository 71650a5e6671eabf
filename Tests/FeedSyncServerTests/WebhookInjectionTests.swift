import FeedSyncCore
import FeedSyncStore
import Foundation
import Testing

/// A text filter carrying SQL metacharacters.
struct HostileText: Sendable, CustomTestStringConvertible {
    var parameter: String
    var value: String
    var testDescription: String { "\(parameter)=\(value)" }
}

struct WebhookInjectionTests {
    static let textParameters = ["pid", "name", "url", "image", "cid", "parent_cid", "category_name", "category_url"]
    static let payloads = ["' OR 1=1 --", "' OR '1'='1", "%", "_", "%%", "\"; DROP TABLE product; --", "*", "\\"]
    static let cases: [HostileText] = textParameters.flatMap { parameter in payloads.map { HostileText(parameter: parameter, value: $0) } }

    @Test("SQL metacharacters in a text filter match nothing and leave the catalog intact", arguments: cases)
    func hostileText(_ hostile: HostileText) async throws {
        let store = sharedCatalogStore
        try await withServer(store: store) { client in
            let page = try await client.page("\(hostile.parameter)=\(queryEncoded(hostile.value))")
            #expect(page.meta.total == 0)
            #expect(page.products.isEmpty)
            let everything = try await client.page("per_page=1000")
            #expect(everything.meta.total == WebhookCatalog.products.count)
            #expect(everything.products.map(\.pid) == WebhookCatalog.expectedPids { _ in true })
        }
        #expect(try store.catalogSize(destination: affiliDestination) == WebhookCatalog.products.count)
    }

    @Test("metacharacters sent raw, and NUL, invalid UTF-8 or a bidi override, match nothing", arguments: ["%", "_", "'", "%27%20OR%20'1'='1", "%00", "%FF", "%E2%80%AE"])
    func rawMetacharacters(_ raw: String) async throws {
        try await withServer { client in
            let answer = try await client.products("name=\(raw)")
            #expect(answer.status == 200)
            let page = try WebhookAnswer(answer.body)
            #expect(page.meta.total == 0)
        }
    }

    @Test("a hostile name in the catalog is matched exactly and only by itself")
    func hostileNameStored() async throws {
        var catalog = WebhookCatalog.plain(count: 3)
        catalog[1].name = "x' OR 1=1 --"
        catalog[2].name = "100% _done_"
        try await withServer(products: catalog) { client in
            let quoted = try await client.allPids("name=\(queryEncoded("x' OR 1=1 --"))")
            #expect(quoted == [catalog[1].pid])
            let wildcards = try await client.allPids("name=\(queryEncoded("100% _done_"))")
            #expect(wildcards == [catalog[2].pid])
            let prefix = try await client.allPids("name=\(queryEncoded("100%"))")
            #expect(prefix == [])
        }
    }
}
