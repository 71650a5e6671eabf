import FeedSyncCore
import FeedSyncServer
import FeedSyncStore
import Foundation
import Testing

/// `GET /accesstrade/datafeeds` over the same catalog as the webhook tests.
struct DatafeedEndpointTests {
    /// A projection as simple as the shape needs: the engine's real one is tested with the export.
    static let feed = ServerConfiguration.AccessTradeFeed(
        campaign: "myshop", domain: "myshop.vn", timeZone: TimeZone(secondsFromGMT: 7 * 3600) ?? .gmt
    ) { products in
        products.map { product in
            let before = product.oldPrice ?? product.price
            let amount = max(0, before - product.price)
            return DatafeedItem(
                affLink: "https://fast.accesstrade.com.vn/deep_link/1?url=x", cate: "", categoryCommission: nil, desc: nil,
                discount: product.price, campaign: "myshop", domain: "myshop.vn", image: product.images.first ?? "",
                name: product.name, price: before, productId: product.pid, sku: product.pid, statusDiscount: amount > 0 ? 1 : 0,
                discountAmount: amount, discountRate: before > 0 ? (amount / before * 10_000).rounded() / 100 : 0,
                updateTime: product.updatedAt, updateTimeOffset: 7 * 3600, url: product.url)
        }
    }

    private func answer(_ query: String) async throws -> (status: Int, object: [String: Any]) {
        try await withServer(store: sharedCatalogStore, accessTrade: Self.feed) { client in
            let answer = try await client.get("/accesstrade/datafeeds" + (query.isEmpty ? "" : "?" + query))
            let object = try JSONSerialization.jsonObject(with: Data(answer.body)) as? [String: Any] ?? [:]
            return (answer.status, object)
        }
    }

    @Test("the answer is {\"data\": [...], \"total\": N} with 50 items by default")
    func shape() async throws {
        let (status, object) = try await answer("")
        #expect(status == 200)
        #expect((object["data"] as? [Any])?.count == min(50, WebhookCatalog.products.count))
        #expect(object["total"] as? Int == WebhookCatalog.products.count)
    }

    @Test("limit is clamped to 200")
    func limitClamped() async throws {
        let (_, object) = try await answer("limit=500")
        #expect((object["data"] as? [Any])?.count == min(200, WebhookCatalog.products.count))
    }

    @Test("status_discount=1 lists exactly the products whose price is below their old price")
    func statusDiscount() async throws {
        let expected = WebhookCatalog.products.filter { ($0.oldPrice ?? $0.price) > $0.price }.count
        let (_, object) = try await answer("status_discount=1&limit=200")
        #expect(object["total"] as? Int == expected)
        let items = object["data"] as? [[String: Any]] ?? []
        #expect(items.allSatisfy { $0["status_discount"] as? Int == 1 })
    }

    @Test("price_from compares the price before promotion")
    func priceFrom() async throws {
        let bound = 500_000.0
        let expected = WebhookCatalog.products.filter { ($0.oldPrice ?? $0.price) >= bound }.count
        let (_, object) = try await answer("price_from=500000")
        #expect(object["total"] as? Int == expected)
    }

    @Test("another campaign matches nothing")
    func otherCampaign() async throws {
        let (status, object) = try await answer("campaign=lazada")
        #expect(status == 200)
        #expect(object["total"] as? Int == 0)
    }

    @Test("a malformed day is a 400 naming the parameter", arguments: ["update_from=2024-01-01", "update_to=32-13-2024x", "limit=abc"])
    func badParameter(_ query: String) async throws {
        let (status, object) = try await answer(query)
        #expect(status == 400)
        let parameter = (object["error"] as? [String: Any])?["parameter"] as? String
        #expect(parameter == String(query.prefix { $0 != "=" }))
    }
}
