import FeedSyncTesting
import Foundation
import Testing

/// Bad input around a run: each gets one clear message naming file, line and key, the
/// documented exit code, and never a crash trace.
@Suite("feedsync: bad configuration and bad input")
struct ConfigurationErrorTests {
    private func run(_ workspace: Workspace, _ command: String = "validate") async throws -> FeedsyncProcess.Result {
        let result = try await FeedsyncProcess.run([command, "--config", workspace.path("feedsync.yml")])
        #expect(!result.output.contains("Stack dump"))
        #expect(!result.output.contains("Fatal error"))
        return result
    }

    @Test("a missing required key names the file, line and key, exit 2")
    func missingKey() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        try workspace.write("feedsync.yml", """
            sources:
              - name: shop
                format: csv
                mapping: woocommerce-csv
            """)
        let result = try await run(workspace)
        #expect(result.status == 2)
        #expect(result.stderr.contains("feedsync.yml:2"))
        #expect(result.stderr.contains("sources[0].location"))
    }

    @Test("an unknown key is refused with its line")
    func unknownKey() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        try workspace.write("catalog.csv", WooCSV.catalog(count: 1))
        try workspace.write("feedsync.yml", """
            sources:
              - name: shop
                format: csv
                location: catalog.csv
                mapping: woocommerce-csv
                delimter: ";"
            """)
        let result = try await run(workspace)
        #expect(result.status == 2)
        #expect(result.stderr.contains("feedsync.yml:6"))
        #expect(result.stderr.contains("delimter"))
    }

    @Test("a mapping column missing from the CSV header names the mapping file and line, exit 2")
    func unknownColumn() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        try workspace.write("catalog.csv", WooCSV.catalog(count: 1))
        try workspace.write("shop.yml", """
            fields:
              pid: ID
              name: Name
              url: { template: "https://shop.example/?p={{ID}}" }
              price: Price Including Tax
            """)
        try workspace.writeConfig(mapping: "shop.yml", endpoint: "http://127.0.0.1:9")
        let result = try await run(workspace)
        #expect(result.status == 2)
        #expect(result.stderr.contains("shop.yml:5"))
        #expect(result.stderr.contains("Price Including Tax"))
    }

    @Test("an unknown transform is refused at load with its line")
    func unknownTransform() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        try workspace.write("catalog.csv", WooCSV.catalog(count: 1))
        try workspace.write("shop.yml", """
            fields:
              pid: ID
              name: { from: Name, transforms: [trim, titlecase] }
              url: { template: "https://shop.example/?p={{ID}}" }
              price: Regular price
            """)
        try workspace.writeConfig(mapping: "shop.yml", endpoint: "http://127.0.0.1:9")
        let result = try await run(workspace)
        #expect(result.status == 2)
        #expect(result.stderr.contains("shop.yml:3"))
        #expect(result.stderr.contains("titlecase"))
    }

    @Test("a file that is not CSV fails the run with a clear message, exit 1")
    func notCSV() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        try Data([0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03]).write(to: workspace.directory.appendingPathComponent("catalog.csv"))
        try workspace.writeConfig(endpoint: "http://127.0.0.1:9")
        let result = try await run(workspace)
        #expect(result.status == 1)
        #expect(result.stderr.contains("catalog.csv"))
    }

    @Test("a missing source file fails the run naming the file, exit 1")
    func missingFile() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        try workspace.writeConfig(csv: "nowhere.csv", endpoint: "http://127.0.0.1:9")
        let result = try await run(workspace)
        #expect(result.status == 1)
        #expect(result.stderr.contains("nowhere.csv"))
    }

    @Test("a missing configuration file is exit 2")
    func missingConfiguration() async throws {
        let result = try await FeedsyncProcess.run(["validate", "--config", "/nonexistent/feedsync.yml"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("/nonexistent/feedsync.yml"))
    }

    @Test("an unknown flag is a usage error, exit 2")
    func unknownFlag() async throws {
        let result = try await FeedsyncProcess.run(["import", "--frobnicate"])
        #expect(result.status == 2)
    }
}
