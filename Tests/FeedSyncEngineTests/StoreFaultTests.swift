import FeedSyncCore
@testable import FeedSyncStore
import FeedSyncTesting
import Foundation
import GRDB
import Testing

/// The state store under faults: a full disk and a kill in the middle of a migration leave
/// a store that opens, and the next run converges.
@Suite("state store faults")
struct StoreFaultTests {
    private static let crashMarkers = ["Fatal error", "Stack dump", "Backtrace", "Segmentation fault", "Current stack trace"]

    @Test("a full disk during sync is reported as a store error without a crash trace, and the next run converges")
    func fullDiskReportedThenConverges() async throws {
        let harness = try SyncCommandTests.Harness(batchSize: 500)
        try harness.catalog(Array(1...4000))
        let config = harness.workspace.path("feedsync.yml")
        let full = try await FeedsyncProcess.run(
            ["sync", "--config", config], environment: ["AFFILI_TOKEN": SyncCommandTests.token], fileSizeLimit: 512)
        #expect(full.status == 1)
        #expect(full.stderr.contains("state store") && full.stderr.contains("disk"), "\(full.stderr)")
        #expect(!Self.crashMarkers.contains { full.output.contains($0) }, "\(full.output)")

        let next = try await harness.report(try harness.run("sync", "--json"))
        #expect(next["failed_batches"] as? Int == 0)
        #expect(Set(harness.standIn.acceptedProducts.keys) == Set((1...4000).map(String.init)))
        let after = try await harness.report(try harness.run("sync", "--json"))
        #expect(after["sent"] as? Int == 0)
        #expect(after["unchanged"] as? Int == 4000)
    }

    @Test("killing sync while it records what it reads leaves a store that opens, and the next run converges", arguments: [150, 600])
    func killDuringIngest(afterMilliseconds delay: Int) async throws {
        let harness = try SyncCommandTests.Harness()
        try harness.catalog(Array(1...20_000))
        let process = try FeedsyncProcess.start(
            ["sync", "--config", harness.workspace.path("feedsync.yml")], environment: ["AFFILI_TOKEN": SyncCommandTests.token])
        try await Task.sleep(for: .milliseconds(delay))
        kill(process.processIdentifier, SIGKILL)
        await FeedsyncProcess.waitForExit(process)

        let result = try await harness.run("sync", "--json")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Set(harness.standIn.acceptedProducts.keys) == Set((1...20_000).map(String.init)))
        let after = try await harness.report(try harness.run("sync", "--json"))
        #expect(after["sent"] as? Int == 0)
    }

    @Test("killing a process in the middle of the v3 to v4 migration leaves a store that opens with every product", arguments: [30, 120, 400])
    func killDuringMigration(afterMilliseconds delay: Int) async throws {
        let harness = try SyncCommandTests.Harness()
        try harness.catalog(Array(1...10))
        let url = URL(fileURLWithPath: harness.workspace.path(".feedsync/state.sqlite"))
        let count = 40_000
        try await Self.writeV3Store(at: url, products: count)

        let process = try FeedsyncProcess.start(
            ["sync", "--config", harness.workspace.path("feedsync.yml")], environment: ["AFFILI_TOKEN": SyncCommandTests.token])
        try await Task.sleep(for: .milliseconds(delay))
        kill(process.processIdentifier, SIGKILL)
        await FeedsyncProcess.waitForExit(process)

        let store = try StateStore(url: url)
        #expect(try store.catalogSize(destination: "affili") >= count)
        // Looked up by pid: when the kill comes after the run's end, the run's own products sort first.
        let body = try await DatabaseQueue(path: url.path).read { db in
            try String.fetchOne(db, sql: """
                SELECT b.body FROM product p JOIN product_body b ON b.id = p.id WHERE p.destination = 'affili' AND p.pid = 'v3-00000'
                """)
        }
        #expect(body?.contains("\"pid\":\"v3-00000\"") == true)
    }

    /// A store as the v3 schema wrote it, with `products` products (about a kilobyte of body each).
    private static func writeV3Store(at url: URL, products: Int) async throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let queue = try DatabaseQueue(path: url.path)
        try StateStore.migrator.migrate(queue, upTo: "v3: a key-only index for paging the whole catalog")
        let padding = String(repeating: "x", count: 900)
        try await queue.write { db in
            let statement = try db.makeStatement(sql: """
                INSERT INTO product (destination, pid, source, origin, hash, body, name, url, price, in_stock,
                                     created_at, updated_at, seen_run, withdrawn, acked_hash)
                VALUES ('affili', ?, 'old', 'old.csv:1', 1, ?, 'n', 'https://shop.example/p', 1000, 1, 1700000000, 1700000000, 1, 0, 1)
                """)
            for index in 0..<products {
                let pid = "v3-" + String(format: "%05d", index)
                try statement.execute(arguments: [pid, #"{"pid":"\#(pid)","name":"n","pad":"\#(padding)"}"#])
            }
        }
    }
}
