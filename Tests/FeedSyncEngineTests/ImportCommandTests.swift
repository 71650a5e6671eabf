import FeedSyncCore
import FeedSyncTesting
import Foundation
import Testing

/// `feedsync import` driven as a user would, against the Affili stand-in on loopback.
@Suite("feedsync import")
struct ImportCommandTests {
    static let token = "test-token-7f3a9c"

    private func withStandIn(_ body: (AffiliStandIn, Workspace) async throws -> Void) async throws {
        let standIn = AffiliStandIn(token: Self.token)
        try standIn.start()
        defer { standIn.stop() }
        let workspace = try Workspace()
        defer { workspace.remove() }
        try await body(standIn, workspace)
    }

    @Test("2500 products arrive in three batches of at most 1000, with the token")
    func sendsEveryProductInBatches() async throws {
        try await withStandIn { standIn, workspace in
            try workspace.write("catalog.csv", WooCSV.catalog(count: 2500))
            try workspace.writeConfig(endpoint: standIn.endpoint.absoluteString)
            let result = try await FeedsyncProcess.run(
                ["import", "--config", workspace.path("feedsync.yml")], environment: ["AFFILI_TOKEN": Self.token])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(standIn.acceptedBatches.map(\.products.count).sorted() == [500, 1000, 1000])
            #expect(standIn.acceptedProducts.count == 2500)
            let product = try #require(standIn.acceptedProducts["42"])
            #expect(product.price == 1042)
            #expect(product.url == "https://shop.example/?p=42")
            #expect(product.categories.map(\.cid) == ["clothing", "clothing/shirts"])
        }
    }

    @Test("affili.batch_size makes smaller batches: ceil(700 / 300) requests")
    func honoursConfiguredBatchSize() async throws {
        try await withStandIn { standIn, workspace in
            try workspace.write("catalog.csv", WooCSV.catalog(count: 700))
            try workspace.writeConfig(endpoint: standIn.endpoint.absoluteString, extraAffili: "  batch_size: 300")
            let result = try await FeedsyncProcess.run(
                ["import", "--config", workspace.path("feedsync.yml")], environment: ["AFFILI_TOKEN": Self.token])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(standIn.acceptedBatches.map(\.products.count).sorted() == [100, 300, 300])
        }
    }

    @Test("--json prints the run report with the design's fields")
    func jsonReport() async throws {
        try await withStandIn { standIn, workspace in
            try workspace.write("catalog.csv", WooCSV.catalog(count: 5))
            try workspace.writeConfig(endpoint: standIn.endpoint.absoluteString)
            let result = try await FeedsyncProcess.run(
                ["import", "--json", "--config", workspace.path("feedsync.yml")], environment: ["AFFILI_TOKEN": Self.token])
            #expect(result.status == 0)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            for key in ["read", "mapped", "rejected", "new", "changed", "unchanged", "withdrawn", "sent", "batches", "failed_batches", "duration_s", "rejections"] {
                #expect(object[key] != nil, "missing \(key)")
            }
            #expect(object["sent"] as? Int == 5)
            #expect(object["batches"] as? Int == 1)
        }
    }

    @Test("a refused token fails the run with exit 1 and never prints the token")
    func wrongToken() async throws {
        try await withStandIn { standIn, workspace in
            try workspace.write("catalog.csv", WooCSV.catalog(count: 3))
            try workspace.writeConfig(endpoint: standIn.endpoint.absoluteString)
            let wrong = "wrong-token-0c1d2e"
            let result = try await FeedsyncProcess.run(
                ["import", "--json", "--config", workspace.path("feedsync.yml")], environment: ["AFFILI_TOKEN": wrong])
            #expect(result.status == 1)
            #expect(result.stderr.contains("401"))
            #expect(!result.output.contains(wrong))
            #expect(standIn.acceptedProducts.isEmpty)
        }
    }

    @Test("a batch answered 500 once is retried and lands")
    func retriedBatchLands() async throws {
        try await withStandIn { standIn, workspace in
            try workspace.write("catalog.csv", WooCSV.catalog(count: 25))
            try workspace.writeConfig(endpoint: standIn.endpoint.absoluteString, extraAffili: "  batch_size: 10")
            standIn.onRequest { number, _ in number == 2 ? .json(500, #"{"error":"boom"}"#) : nil }
            let result = try await FeedsyncProcess.run(
                ["import", "--json", "--config", workspace.path("feedsync.yml")], environment: ["AFFILI_TOKEN": Self.token])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(standIn.acceptedProducts.count == 25)
        }
    }

    @Test("a batch answered 500 on every try is reported as failed and stops the run, exit 1")
    func failedBatchIsReported() async throws {
        try await withStandIn { standIn, workspace in
            try workspace.write("catalog.csv", WooCSV.catalog(count: 25))
            try workspace.writeConfig(endpoint: standIn.endpoint.absoluteString, extraAffili: "  batch_size: 10\n  retries: 2\n  max_in_flight: 1")
            standIn.onRequest { number, _ in number >= 2 ? .json(500, #"{"error":"boom"}"#) : nil }
            let result = try await FeedsyncProcess.run(
                ["import", "--json", "--config", workspace.path("feedsync.yml")], environment: ["AFFILI_TOKEN": Self.token])
            #expect(result.status == 1)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            #expect(object["failed_batches"] as? Int == 1)
            #expect(object["sent"] as? Int == 10)
            #expect(standIn.acceptedProducts.count == 10)
        }
    }

    @Test("an unreachable endpoint is one clear message and exit 1")
    func unreachableEndpoint() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        try workspace.write("catalog.csv", WooCSV.catalog(count: 3))
        // Port 9 (discard) has no listener on a test machine: the connection is refused.
        try workspace.writeConfig(endpoint: "http://127.0.0.1:9/services/products")
        let result = try await FeedsyncProcess.run(
            ["import", "--config", workspace.path("feedsync.yml")], environment: ["AFFILI_TOKEN": Self.token])
        #expect(result.status == 1)
        #expect(result.stderr.contains("127.0.0.1:9"))
        #expect(!result.stderr.contains("Fatal error"))
    }

    @Test("an unset token variable is a configuration error naming affili.token")
    func unsetTokenVariable() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        try workspace.write("catalog.csv", WooCSV.catalog(count: 1))
        try workspace.writeConfig(endpoint: "http://127.0.0.1:9/services/products")
        let result = try await FeedsyncProcess.run(["import", "--config", workspace.path("feedsync.yml")])
        #expect(result.status == 2)
        #expect(result.stderr.contains("feedsync.yml:"))
        #expect(result.stderr.contains("affili.token"))
        #expect(result.stderr.contains("AFFILI_TOKEN"))
    }

    @Test("a token written in the file works but is warned about, and is never printed")
    func literalTokenWarning() async throws {
        try await withStandIn { standIn, workspace in
            try workspace.write("catalog.csv", WooCSV.catalog(count: 2))
            try workspace.writeConfig(endpoint: standIn.endpoint.absoluteString)
            let config = try String(contentsOfFile: workspace.path("feedsync.yml"), encoding: .utf8)
                .replacingOccurrences(of: "${AFFILI_TOKEN}", with: Self.token)
            try workspace.write("feedsync.yml", config)
            let result = try await FeedsyncProcess.run(["import", "--config", workspace.path("feedsync.yml")])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stderr.contains("affili.token is written in the file"))
            #expect(!result.output.contains(Self.token))
        }
    }
}
