import FeedSyncCore
import FeedSyncTesting
import Foundation
import Testing

@Suite("feedsync export and validate")
struct ExportAndValidateTests {
    @Test("export --format affili writes {\"products\": [...]} that decodes to the mapped products")
    func exportAffili() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        try workspace.write("catalog.csv", WooCSV.catalog(count: 3))
        try workspace.writeConfig(endpoint: "http://127.0.0.1:9")
        let output = workspace.path("out.json")
        let result = try await FeedsyncProcess.run(["export", "--format", "affili", "--output", output, "--config", workspace.path("feedsync.yml")])
        #expect(result.status == 0, "\(result.stderr)")
        struct Body: Decodable { var products: [Product] }
        let body = try JSONDecoder().decode(Body.self, from: Data(contentsOf: URL(fileURLWithPath: output)))
        #expect(body.products.map(\.pid) == ["1", "2", "3"])
        #expect(body.products[0].name == "Product 1, blue")
    }

    @Test("export --format jsonl writes one product per line to standard output")
    func exportJSONLines() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        try workspace.write("catalog.csv", WooCSV.catalog(count: 4))
        try workspace.writeConfig(endpoint: "http://127.0.0.1:9")
        let result = try await FeedsyncProcess.run(["export", "--format", "jsonl", "--config", workspace.path("feedsync.yml")])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 4)
        let first = try JSONDecoder().decode(Product.self, from: Data(lines[0].utf8))
        #expect(first.pid == "1")
    }

    @Test("export of an empty catalog is valid JSON with no products")
    func exportEmpty() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        try workspace.write("catalog.csv", WooCSV.header + "\n")
        try workspace.writeConfig(endpoint: "http://127.0.0.1:9")
        let result = try await FeedsyncProcess.run(["export", "--format", "affili", "--config", workspace.path("feedsync.yml")])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect((object["products"] as? [Any])?.isEmpty == true)
    }

    @Test("validate lists every rejected record with file:line and reason, and exits 3")
    func validateListsRejections() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let csv = WooCSV.header + "\n"
            + "1,simple,a,Good,1,1,,100,Shoes,https://shop.example/a.jpg\n"
            + "2,simple,b,No price,1,1,,,Shoes,https://shop.example/b.jpg\n"
            + "3,simple,c,\"Multi\nline\",1,1,,abc,Shoes,https://shop.example/c.jpg\n"
            + "4,simple,d,Short row\n"
        try workspace.write("catalog.csv", csv)
        try workspace.writeConfig(endpoint: "http://127.0.0.1:9")
        let result = try await FeedsyncProcess.run(["validate", "--json", "--config", workspace.path("feedsync.yml")])
        #expect(result.status == 3)
        #expect(result.stderr.contains("catalog.csv:3"))
        #expect(result.stderr.contains("price"))
        #expect(result.stderr.contains("catalog.csv:4"))
        #expect(result.stderr.contains("\"abc\""))
        #expect(result.stderr.contains("catalog.csv:6"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["read"] as? Int == 4)
        #expect(object["mapped"] as? Int == 1)
        #expect(object["rejected"] as? Int == 3)
        #expect((object["rejections"] as? [[String: Any]])?.count == 3)
    }

    @Test("the bundled demo exports with no rejections")
    func demo() async throws {
        let result = try await FeedsyncProcess.run(["export", "--format", "jsonl", "--config", Fixtures.fixture("demo/feedsync.yml").path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.split(separator: "\n").count == 6)
    }

    @Test("validate prints a warning for a sale above the price and counts it, exiting 0 when nothing is rejected")
    func validateWarnings() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let csv = WooCSV.header + "\n" + "1,simple,a,Mug,1,1,150,100,Kitchen,https://shop.example/a.jpg\n"
        try workspace.write("catalog.csv", csv)
        try workspace.writeConfig(endpoint: "http://127.0.0.1:9")
        let result = try await FeedsyncProcess.run(["validate", "--json", "--config", workspace.path("feedsync.yml")])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("warning: shop: "))
        #expect(result.stderr.contains("catalog.csv:2 (record 1): pid 1: sale_price: the sale price 150 is higher than the price 100; ignored"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["warnings"] as? Int == 1)
        #expect((object["warning_list"] as? [[String: Any]])?.first?["field"] as? String == "sale_price")
    }

    @Test("validate --json counts Shopify's folded variant rows as merged, so every row is accounted for")
    func validateCountsMergedRows() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        try workspace.write("feedsync.yml", """
            sources:
              - name: shopify
                format: csv
                location: \(Fixtures.realFeed("shopify_template_2023/product_template.csv").path)
                mapping: shopify-csv
                base_url: https://acme.example
            """)
        let result = try await FeedsyncProcess.run(["validate", "--json", "--config", workspace.path("feedsync.yml")])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["read"] as? Int == 17)
        #expect(object["mapped"] as? Int == 1)
        #expect(object["filtered"] as? Int == 5)
        #expect(object["merged"] as? Int == 11)
        #expect(result.stderr.contains("merged 11"))
    }

    @Test("export --format accesstrade writes {\"data\": [...], \"total\": N} built with the accesstrade section")
    func exportAccessTrade() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        try workspace.write("catalog.csv", WooCSV.catalog(count: 3))
        try workspace.writeConfig(endpoint: "http://127.0.0.1:9", extraAffili: """
            accesstrade:
              campaign: shop
              domain: shop.example
              deep_link: https://fast.accesstrade.com.vn/deep_link/42
            """)
        let result = try await FeedsyncProcess.run(["export", "--format", "accesstrade", "--config", workspace.path("feedsync.yml")])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["total"] as? Int == 3)
        let items = try #require(object["data"] as? [[String: Any]])
        #expect(items.map { $0["product_id"] as? String } == ["1", "2", "3"])
        #expect(items[0]["aff_link"] as? String == "https://fast.accesstrade.com.vn/deep_link/42?url=https%3A%2F%2Fshop.example%2F%3Fp%3D1")
        #expect(items[0]["cate"] as? String == "shirts")
        #expect(items[0]["price"] as? Int == 1001)
        #expect(items[0]["status_discount"] as? Int == 0)
    }

    @Test("export --format accesstrade of an empty catalog is {\"data\":[],\"total\":0}")
    func exportAccessTradeEmpty() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        try workspace.write("catalog.csv", WooCSV.header + "\n")
        try workspace.writeConfig(endpoint: "http://127.0.0.1:9", extraAffili: """
            accesstrade: { campaign: shop, domain: shop.example, deep_link: "https://fast.accesstrade.com.vn/deep_link/42" }
            """)
        let result = try await FeedsyncProcess.run(["export", "--format", "accesstrade", "--config", workspace.path("feedsync.yml")])
        #expect(result.status == 0)
        #expect(result.stdout == "{\"data\":[],\"total\":0}\n")
    }

    @Test("export --format accesstrade without the accesstrade section is a configuration error, exit 2, nothing written")
    func exportAccessTradeNeedsSection() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        try workspace.write("catalog.csv", WooCSV.catalog(count: 1))
        try workspace.writeConfig(endpoint: "http://127.0.0.1:9")
        let output = workspace.path("items.json")
        let result = try await FeedsyncProcess.run(["export", "--format", "accesstrade", "--output", output, "--config", workspace.path("feedsync.yml")])
        #expect(result.status == 2)
        #expect(result.stderr.contains("accesstrade: missing"))
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    @Test("validate ends with the counts by field and reason, and --json carries them as summary")
    func validateSummaryByReason() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let csv = WooCSV.header + "\n"
            + "1,simple,a,Good,1,1,,100,Shoes,https://shop.example/a.jpg\n"
            + "2,simple,b,Bad,1,1,,abc,Shoes,https://shop.example/b.jpg\n"
            + "3,simple,c,Worse,1,1,,call us,Shoes,https://shop.example/c.jpg\n"
            + "4,simple,d,Short row\n"
            + "5,simple,e,Dear,1,1,90,80,Shoes,https://shop.example/e.jpg\n"
        try workspace.write("catalog.csv", csv)
        try workspace.writeConfig(endpoint: "http://127.0.0.1:9")
        let result = try await FeedsyncProcess.run(["validate", "--json", "--config", workspace.path("feedsync.yml")])
        #expect(result.status == 3)
        #expect(result.stderr.contains("by reason:"))
        #expect(result.stderr.contains(#"rejected 2  price: price "…": no number found in the price  (first: "#))
        #expect(result.stderr.contains("rejected 1  row has N fields, header has N  (first: "))
        #expect(result.stderr.contains("warning  1  sale_price: the sale price N is higher than the price N; ignored"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let summary = try #require(object["summary"] as? [[String: Any]])
        #expect(summary.map { $0["count"] as? Int } == [2, 1, 1])
        #expect(object["rejected"] as? Int == 3)
        #expect(object["read"] as? Int == 5)
        #expect((object["mapped"] as? Int ?? 0) + (object["rejected"] as? Int ?? 0) + (object["filtered"] as? Int ?? 0) == 5)
    }
}
