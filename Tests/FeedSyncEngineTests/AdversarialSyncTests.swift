import FeedSyncTesting
import Foundation
import Testing

/// `feedsync sync` over hostile sources, run as the binary: each read fails with the limit
/// that stopped it, the run exits 1, and the state store is left as it was: nothing is
/// withdrawn, nothing recorded as synced, and the next good run finds every product
/// unchanged. The source-level cases are listed in `AdversarialInputTests`.
@Suite("feedsync sync: hostile sources leave the state untouched")
struct AdversarialSyncTests {
    typealias Harness = SyncCommandTests.Harness

    /// Syncs ten products from the local catalog, so there is state to protect.
    private func syncedHarness() async throws -> Harness {
        let harness = try Harness()
        try harness.catalog(Array(1...10))
        await #expect(try harness.run("sync").status == 0)
        return harness
    }

    /// Points the harness's only source at `location`, with `limits` at the top level.
    private func configure(_ harness: Harness, location: String, limits: String = "", sourceLimits: String = "") async throws {
        try harness.workspace.write("feedsync.yml", """
            sources:
              - name: shop
                format: csv
                location: \(location)
                mapping: woocommerce-csv
                base_url: https://shop.example
            \(sourceLimits)
            affili:
              endpoint: \(harness.standIn.endpoint.absoluteString)
              token: ${AFFILI_TOKEN}
              retries: 3
            \(limits)
            """)
    }

    /// Checks the failed run, then proves the store unchanged with a good run.
    private func expectFailedAndUntouched(_ harness: Harness, _ result: FeedsyncProcess.Result, reason: String) async throws {
        let requestsBefore = harness.standIn.requests.count
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains(reason), "\(result.stderr)")
        #expect(!result.output.contains(SyncCommandTests.token))
        #expect(!result.output.contains("Fatal error"))
        let report = try await harness.report(result)
        #expect(report["withdrawn"] as? Int == 0)
        #expect(report["sent"] as? Int == 0)
        #expect(harness.standIn.acceptedProducts.values.allSatisfy { $0.inStock })

        try await configure(harness, location: "catalog.csv")
        let again = try await harness.report(try harness.run("sync", "--json"))
        #expect(again["unchanged"] as? Int == 10)
        #expect(again["new"] as? Int == 0)
        #expect(again["sent"] as? Int == 0)
        #expect(harness.standIn.requests.count == requestsBefore)
    }

    @Test("a download that never ends fails at limits.max_source_bytes and changes nothing", .timeLimit(.minutes(2)))
    func endlessDownload() async throws {
        let harness = try await syncedHarness()
        let server = LoopbackHTTPServer { _ in .streaming(Data(WooCSV.catalog(count: 50).utf8)) }
        try server.start()
        defer { server.stop() }
        try await configure(harness, location: server.baseURL.absoluteString + "/feed.csv", limits: "limits:\n  max_source_bytes: 2 MiB")

        let result = try await harness.run("sync", "--json")

        try await expectFailedAndUntouched(harness, result, reason: "larger than 2097152 bytes")
    }

    @Test("a download that trickles for ever fails at limits.source_timeout_s and changes nothing", .timeLimit(.minutes(2)))
    func tricklingDownload() async throws {
        let harness = try await syncedHarness()
        let server = LoopbackHTTPServer { _ in .streaming(Data((WooCSV.header + "\n").utf8), pause: .milliseconds(200)) }
        try server.start()
        defer { server.stop() }
        try await configure(harness, location: server.baseURL.absoluteString + "/feed.csv", limits: "limits:\n  source_timeout_s: 2")
        let clock = ContinuousClock()
        let started = clock.now

        let result = try await harness.run("sync", "--json")

        #expect(clock.now - started < .seconds(20))
        try await expectFailedAndUntouched(harness, result, reason: "did not finish within 2 s (source_timeout_s)")
    }

    @Test("a read that fails after changed records sends and records none of them", .timeLimit(.minutes(2)))
    func failureAfterChangedRecords() async throws {
        let harness = try await syncedHarness()
        // Every product's price changed, then a line that inflates past the limit.
        let changed = WooCSV.catalog(ids: Array(1...10)) { 5 + $0 }
        let bomb = harness.workspace.path("changed.csv.gz")
        try Data(changed.utf8).write(to: URL(fileURLWithPath: harness.workspace.path("changed.csv")))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "(cat '\(harness.workspace.path("changed.csv"))'; head -c 104857600 /dev/zero | tr '\\0' x) | gzip -c > '\(bomb)'"]
        try process.run()
        await FeedsyncProcess.waitForExit(process)
        try await configure(harness, location: "changed.csv.gz", limits: "limits:\n  max_source_bytes: 1 MiB")

        let result = try await harness.run("sync", "--json")

        #expect(result.status == 1)
        #expect(result.stderr.contains("inflates to more than 1048576 bytes"))
        try await expectFailedAndUntouched(harness, result, reason: "inflates to more than 1048576 bytes")
    }

    @Test("a gzip bomb fails at the source's own limits.max_source_bytes and changes nothing", .timeLimit(.minutes(2)))
    func gzipBomb() async throws {
        let harness = try await syncedHarness()
        let bomb = harness.workspace.path("bomb.csv.gz")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "(echo '\(WooCSV.header)'; head -c 104857600 /dev/zero | tr '\\0' x) | gzip -c > '\(bomb)'"]
        try process.run()
        await FeedsyncProcess.waitForExit(process)
        try await configure(
            harness, location: "bomb.csv.gz", limits: "limits:\n  max_source_bytes: 1 GiB",
            sourceLimits: "    limits:\n      max_source_bytes: 1 MiB")

        let result = try await harness.run("sync", "--json")

        try await expectFailedAndUntouched(harness, result, reason: "inflates to more than 1048576 bytes")
    }
}
