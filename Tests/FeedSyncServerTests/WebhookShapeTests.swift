import FeedSyncCore
import Foundation
import Testing

struct WebhookShapeTests {
    private static let productKeys: Set<String> = [
        "pid", "name", "url", "price", "old_price", "in_stock", "images", "categories", "created_at", "updated_at",
    ]
    private static let categoryKeys: Set<String> = ["cid", "name", "url", "parent_cid", "is_primary"]

    /// ISO-8601 with seconds and an offset, as Affili's entities carry times.
    private static func isISOTime(_ value: JSONValue?) -> Bool {
        guard let text = value?.string else { return false }
        return text.range(of: #"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$"#, options: .regularExpression) != nil
    }

    @Test("the answer is JSON with exactly data.products and meta.page {current, per, last, total}")
    func envelope() async throws {
        try await withServer { client in
            let answer = try await client.products("per_page=3")
            #expect(answer.status == 200)
            #expect(answer.header("content-type")?.hasPrefix("application/json") == true)
            let json = try JSONValue(parsing: answer.body)
            #expect(json.keys == ["data", "meta"])
            #expect(json["data"]?.keys == ["products"])
            #expect(json["meta"]?.keys == ["page"])
            #expect(json["meta"]?["page"]?.keys == ["current", "per", "last", "total"])
            #expect(json["meta"]?["page"] == .object(["current": .number(1), "per": .number(3), "last": .number(84), "total": .number(250)]))
            #expect(json["data"]?["products"]?.array?.count == 3)
        }
    }

    @Test("every product has exactly Affili's fields with Affili's JSON types")
    func productFields() async throws {
        try await withServer { client in
            let page = try await client.page("per_page=1000")
            let products = try #require(page.json["data"]?["products"]?.array)
            #expect(products.count == 250)
            for product in products {
                #expect(product.keys == Self.productKeys)
                #expect(product["pid"]?.isString == true)
                #expect(product["name"]?.isString == true)
                #expect(product["url"]?.isString == true)
                #expect(product["price"]?.isNumber == true)
                #expect(product["old_price"] == .null || product["old_price"]?.isNumber == true)
                #expect(product["in_stock"]?.isBool == true)
                #expect(product["images"]?.array?.allSatisfy(\.isString) == true)
                #expect(Self.isISOTime(product["created_at"]))
                #expect(Self.isISOTime(product["updated_at"]))
                for category in product["categories"]?.array ?? [] {
                    #expect(category.keys == Self.categoryKeys)
                    #expect(category["cid"]?.isString == true)
                    #expect(category["parent_cid"] == .null || category["parent_cid"]?.isString == true)
                    #expect(category["is_primary"]?.isBool == true)
                }
            }
        }
    }

    @Test("old_price is null, not missing, for a product without one")
    func oldPriceNull() async throws {
        let product = WebhookCatalog.numbered(3)
        try #require(product.oldPrice == nil)
        try await withServer { client in
            let page = try await client.page("pid=\(product.pid)")
            let served = try #require(page.json["data"]?["products"]?.array?.first)
            #expect(served["old_price"] == .null)
            #expect(served["in_stock"] == .bool(product.inStock))
        }
    }

    @Test("a root category's parent_cid is null and the primary flag is a boolean")
    func categoryShape() async throws {
        let product = WebhookCatalog.numbered(3)  // filed under the full chain 20 > 21 > 211
        let rootCid = try #require(product.categories.first { $0.parentCid == nil }?.cid)
        #expect(product.categories.count == 3)
        try await withServer { client in
            let page = try await client.page("pid=\(product.pid)")
            let categories = try #require(page.json["data"]?["products"]?.array?.first?["categories"]?.array)
            #expect(categories.map { $0["cid"]?.string } == product.categories.map(\.cid))
            let root = try #require(categories.first { $0["cid"] == .string(rootCid) })
            #expect(root["parent_cid"] == .null)
            #expect(categories.filter { $0["is_primary"] == .bool(true) }.count == 1)
            #expect(categories.filter { $0["is_primary"] == .bool(false) }.count == categories.count - 1)
        }
    }

    @Test("times are ISO-8601 with an offset and read back to the stored instants")
    func times() async throws {
        let product = WebhookCatalog.numbered(42)
        try await withServer { client in
            let page = try await client.page("pid=\(product.pid)")
            let served = try #require(page.json["data"]?["products"]?.array?.first)
            let created = try #require(served["created_at"]?.string)
            let updated = try #require(served["updated_at"]?.string)
            #expect(Timestamp.parse(created) == product.createdAt)
            #expect(Timestamp.parse(updated) == product.updatedAt)
        }
    }

    @Test("every product is served with its full content: Persian text, fractions, images and categories intact")
    func content() async throws {
        try await withServer { client in
            let served = try await client.allPages().flatMap(\.products)
            let byPid = Dictionary(uniqueKeysWithValues: WebhookCatalog.products.map { ($0.pid, $0) })
            #expect(served.count == byPid.count)
            for product in served {
                #expect(product == byPid[product.pid])
            }
            #expect(served.contains { $0.name == "گوشی سامسونگ مدل ۱۵" })
        }
    }
}
