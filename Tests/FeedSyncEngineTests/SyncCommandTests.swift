import FeedSyncCore
import FeedSyncTesting
import Foundation
import Synchronization
import Testing

/// `feedsync sync` against the Affili stand-in: only what changed is sent, failures lose
/// nothing, and an interrupted run converges.
@Suite("feedsync sync")
struct SyncCommandTests {
    static let token = "sync-token-41b2"

    /// A stand-in, a workspace with a config, and helpers to run commands in it.
    final class Harness {
        let standIn = AffiliStandIn(token: SyncCommandTests.token)
        let workspace: Workspace

        init(batchSize: Int = 1000, extra: String = "") throws {
            workspace = try Workspace()
            try standIn.start()
            try workspace.writeConfig(
                endpoint: standIn.endpoint.absoluteString, extraAffili: "  batch_size: \(batchSize)\n  retries: 3" + extra)
        }

        deinit {
            standIn.stop()
            workspace.remove()
        }

        func catalog(_ ids: [Int], price: (Int) -> Int = { 1000 + $0 }) throws {
            try workspace.write("catalog.csv", WooCSV.catalog(ids: ids, price: price))
        }

        func run(_ arguments: String...) async throws -> FeedsyncProcess.Result {
            try await FeedsyncProcess.run(arguments + ["--config", workspace.path("feedsync.yml")], environment: ["AFFILI_TOKEN": SyncCommandTests.token])
        }

        func report(_ result: FeedsyncProcess.Result) async throws -> [String: Any] {
            try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result.stderr)")
        }

        /// The pids of the requests after the first `skip`, in order.
        func sentPids(skippingRequests skip: Int) -> [String] {
            standIn.acceptedBatches.filter { $0.requestNumber > skip }.flatMap { $0.products.map(\.pid) }
        }
    }

    @Test("after an import, a sync with 1% changed, 0.5% removed and 0.5% added sends exactly those, in ceil(n/size) requests")
    func sendsOnlyChanges() async throws {
        let harness = try Harness(batchSize: 7)
        let ids = Array(1...1000)
        try harness.catalog(ids)
        await #expect(try harness.run("import").status == 0)
        let afterImport = harness.standIn.requests.count
        #expect(afterImport == 143)

        let changed = Set(stride(from: 3, through: 1000, by: 100))  // 10 products, 1%
        let removed = Set(stride(from: 50, through: 1000, by: 200))  // 5 products, 0.5%
        let added = Array(2001...2005)  // 5 products, 0.5%
        try harness.catalog(ids.filter { !removed.contains($0) } + added) { changed.contains($0) ? 5 + $0 : 1000 + $0 }
        let result = try await harness.run("sync", "--json")
        let report = try await harness.report(result)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(report["new"] as? Int == 5)
        #expect(report["changed"] as? Int == 10)
        #expect(report["withdrawn"] as? Int == 5)
        #expect(report["unchanged"] as? Int == 985)
        #expect(report["sent"] as? Int == 20)
        #expect(report["batches"] as? Int == 3)  // ceil(20 / 7)
        let sent = harness.sentPids(skippingRequests: afterImport)
        let expected = (changed.map(String.init) + removed.map(String.init) + added.map(String.init)).sorted()
        #expect(sent.sorted() == expected)  // two batches are in flight at once, so arrival order varies
        for pid in removed.map(String.init) {
            #expect(harness.standIn.acceptedProducts[pid]?.inStock == false)
        }
        #expect(harness.standIn.acceptedProducts["103"]?.price == 108)
    }

    @Test("a second sync with nothing changed sends nothing")
    func noChangeSendsNothing() async throws {
        let harness = try Harness()
        try harness.catalog(Array(1...50))
        await #expect(try harness.run("sync").status == 0)
        let before = harness.standIn.requests.count
        let report = try await harness.report(try harness.run("sync", "--json"))
        #expect(harness.standIn.requests.count == before)
        #expect(report["unchanged"] as? Int == 50)
        #expect(report["sent"] as? Int == 0)
    }

    @Test("sync --dry-run prints the plan and sends and records nothing")
    func dryRun() async throws {
        let harness = try Harness()
        try harness.catalog(Array(1...20))
        await #expect(try harness.run("sync").status == 0)
        try harness.catalog(Array(1...18) + [30]) { $0 == 5 ? 1 : 1000 + $0 }
        let before = harness.standIn.requests.count
        let result = try await harness.run("sync", "--dry-run", "--json")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(harness.standIn.requests.count == before)
        let report = try await harness.report(result)
        let plan = try #require(report["plan"] as? [String: [String]])
        #expect(plan["new"] == ["30"])
        #expect(plan["changed"] == ["5"])
        #expect(plan["withdrawn"] == ["19", "20"])
        #expect(result.stderr.contains("withdrawn: 2 (19, 20)"))
        // Nothing was recorded: the real sync finds the same plan.
        let real = try await harness.report(try harness.run("sync", "--json"))
        #expect(real["new"] as? Int == 1)
        #expect(real["withdrawn"] as? Int == 2)
    }

    @Test("500s, 429 with Retry-After, dropped connections and slow answers end in the same state as a clean run")
    func faultsConverge() async throws {
        let clean = try Harness(batchSize: 10)
        try clean.catalog(Array(1...95))
        await #expect(try clean.run("sync").status == 0)

        let faulty = try Harness(batchSize: 10)
        try faulty.catalog(Array(1...95))
        faulty.standIn.onRequest { number, _ in
            switch number {
            case 1: return .json(500, #"{"error":"down"}"#)
            case 2: return .json(429, #"{"error":"slow down"}"#, headers: [HeaderField(name: "Retry-After", value: "1")])
            case 3: return .dropConnection
            case 4:
                Thread.sleep(forTimeInterval: 0.5)
                return nil
            case 6: return .json(503, "{}")
            default: return nil
            }
        }
        let result = try await faulty.run("sync", "--json")
        #expect(result.status == 0, "\(result.stderr)")
        // Times are the runs' own; everything else must match.
        func content(_ products: [String: Product]) -> [String: String] {
            products.mapValues { product in
                var product = product
                product.createdAt = Date(timeIntervalSince1970: 0)
                product.updatedAt = product.createdAt
                return product.jsonText
            }
        }
        let same = content(faulty.standIn.acceptedProducts) == content(clean.standIn.acceptedProducts)
        #expect(same)
        #expect(Set(faulty.standIn.acceptedProducts.keys) == Set((1...95).map(String.init)))
    }

    @Test("a source that cannot be read withdraws nothing and fails the run")
    func failedReadWithdrawsNothing() async throws {
        let harness = try Harness()
        try harness.catalog(Array(1...10))
        await #expect(try harness.run("sync").status == 0)
        try FileManager.default.removeItem(atPath: harness.workspace.path("catalog.csv"))
        let result = try await harness.run("sync", "--json")
        #expect(result.status == 1)
        let report = try await harness.report(result)
        #expect(report["withdrawn"] as? Int == 0)
        #expect(harness.standIn.acceptedProducts.values.allSatisfy { $0.inStock })
    }

    @Test("withdrawing more than the allowed share is refused unless --allow-mass-withdraw")
    func massWithdrawGuard() async throws {
        let harness = try Harness()
        try harness.catalog(Array(1...10))
        await #expect(try harness.run("sync").status == 0)
        try harness.catalog(Array(1...5))
        let refused = try await harness.run("sync", "--json")
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("--allow-mass-withdraw"))
        #expect(harness.standIn.acceptedProducts["9"]?.inStock == true)
        let allowed = try await harness.run("sync", "--allow-mass-withdraw", "--json")
        #expect(allowed.status == 0)
        await #expect(try harness.report(allowed)["withdrawn"] as? Int == 5)
        #expect(harness.standIn.acceptedProducts["9"]?.inStock == false)
    }

    @Test("withdraw: keep leaves a removed product as it is at Affili")
    func withdrawKeep() async throws {
        let harness = try Harness()
        try harness.workspace.writeConfig(
            endpoint: harness.standIn.endpoint.absoluteString, extraAffili: "  withdraw: keep")
        try harness.catalog(Array(1...10))
        await #expect(try harness.run("sync").status == 0)
        let before = harness.standIn.requests.count
        try harness.catalog(Array(1...9))
        let report = try await harness.report(try harness.run("sync", "--json"))
        #expect(report["withdrawn"] as? Int == 1)
        #expect(harness.standIn.requests.count == before)
    }

    @Test("a product Affili refuses (400) is isolated by splitting its batch; the others are acknowledged")
    func refusedProductIsIsolated() async throws {
        let harness = try Harness(batchSize: 8)
        try harness.catalog(Array(1...8))
        harness.standIn.onRequest { _, request in
            request.bodyText.contains(#""pid":"6""#) ? .json(400, #"{"error":"bad product 6"}"#) : nil
        }
        let result = try await harness.run("sync", "--json")
        #expect(result.status == 1)
        #expect(result.stderr.contains("pid 6"))
        #expect(Set(harness.standIn.acceptedProducts.keys) == Set(["1", "2", "3", "4", "5", "7", "8"]))
        // The refused content is not sent again until it changes.
        harness.standIn.onRequest(nil)
        let before = harness.standIn.requests.count
        _ = try await harness.run("sync")
        #expect(harness.standIn.requests.count == before)
    }

    @Test("a duplicate pid is reported and the later record wins")
    func duplicatePid() async throws {
        let harness = try Harness()
        let csv = WooCSV.header + "\n"
            + "1,simple,a,First,1,1,,100,Shoes,https://shop.example/a.jpg\n"
            + "1,simple,a,Second,1,1,,200,Shoes,https://shop.example/a.jpg\n"
        try harness.workspace.write("catalog.csv", csv)
        let result = try await harness.run("sync", "--json")
        #expect(result.status == 3)
        #expect(result.stderr.contains("duplicate pid"))
        #expect(harness.standIn.acceptedProducts["1"]?.name == "Second")
    }

    @Test("a 401 stops the run at once; nothing is recorded as acknowledged")
    func unauthorizedStops() async throws {
        let harness = try Harness(batchSize: 5)
        try harness.catalog(Array(1...20))
        harness.standIn.onRequest { _, _ in .json(401, #"{"error":"bad token"}"#) }
        let result = try await harness.run("sync", "--json")
        #expect(result.status == 1)
        #expect(harness.standIn.requests.count <= 2)
        harness.standIn.onRequest(nil)
        let report = try await harness.report(try harness.run("sync", "--json"))
        #expect(report["sent"] as? Int == 20)
    }

    @Test("killing sync with SIGKILL mid-run and running again converges; nothing acknowledged is sent twice")
    func killAndResume() async throws {
        let harness = try Harness(batchSize: 10)
        try harness.catalog(Array(1...300))
        // Requests after the fifth wait until the kill, so a test task that wakes late
        // (a busy machine) still kills the run mid-way.
        let gate = Gate()
        harness.standIn.onRequest { number, _ in
            if number > 5 { gate.wait() } else { Thread.sleep(forTimeInterval: 0.1) }
            return nil
        }
        let process = try FeedsyncProcess.start(
            ["sync", "--config", harness.workspace.path("feedsync.yml")], environment: ["AFFILI_TOKEN": Self.token])
        let deadline = Date().addingTimeInterval(60)
        while harness.standIn.acceptedBatches.count < 5 && Date() < deadline { try await Task.sleep(for: .milliseconds(20)) }
        kill(process.processIdentifier, SIGKILL)
        await FeedsyncProcess.waitForExit(process)
        gate.open()
        let firstRun = harness.standIn.acceptedBatches.count
        #expect(firstRun >= 5 && firstRun < 30)

        harness.standIn.onRequest(nil)
        let result = try await harness.run("sync", "--json")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Set(harness.standIn.acceptedProducts.keys) == Set((1...300).map(String.init)))
        var times: [String: Int] = [:]
        for batch in harness.standIn.acceptedBatches {
            for product in batch.products { times[product.pid, default: 0] += 1 }
        }
        let resent = times.filter { $0.value > 1 }
        // Only batches in flight at the kill (at most 2 of 10) can be sent again.
        #expect(resent.count <= 20)
        #expect(resent.values.allSatisfy { $0 == 2 })
    }

    @Test("a second sync on the same state store is refused while the first runs")
    func lockRefusesSecondProcess() async throws {
        let harness = try Harness(batchSize: 10)
        try harness.catalog(Array(1...100))
        // The first run's requests wait until the second run is over, so the first holds
        // the lock throughout, however late this task wakes.
        let gate = Gate()
        harness.standIn.onRequest { _, _ in
            gate.wait()
            return nil
        }
        let first = try FeedsyncProcess.start(
            ["sync", "--config", harness.workspace.path("feedsync.yml")], environment: ["AFFILI_TOKEN": Self.token])
        let deadline = Date().addingTimeInterval(60)
        while harness.standIn.requests.isEmpty && Date() < deadline { try await Task.sleep(for: .milliseconds(20)) }
        let second = try await harness.run("sync")
        gate.open()
        await FeedsyncProcess.waitForExit(first)
        #expect(second.status == 1)
        #expect(second.stderr.contains("already syncing"))
        #expect(first.terminationStatus == 0)
    }

    @Test("sync --every stops gracefully on SIGTERM after the batch in flight")
    func everyStopsOnSigterm() async throws {
        let harness = try Harness(batchSize: 10)
        try harness.catalog(Array(1...200))
        // Requests after the second wait until the signal is sent, so the run is still
        // uploading when it arrives, however late this task wakes; then they are answered.
        let gate = Gate()
        harness.standIn.onRequest { number, _ in
            if number > 2 { gate.wait() } else { Thread.sleep(forTimeInterval: 0.2) }
            return nil
        }
        let process = try FeedsyncProcess.start(
            ["sync", "--every", "1h", "--config", harness.workspace.path("feedsync.yml")], environment: ["AFFILI_TOKEN": Self.token])
        let deadline = Date().addingTimeInterval(60)
        while harness.standIn.acceptedBatches.count < 2 && Date() < deadline { try await Task.sleep(for: .milliseconds(20)) }
        kill(process.processIdentifier, SIGTERM)
        gate.open()
        await FeedsyncProcess.waitForExit(process)
        #expect(process.terminationReason == .exit)
        let sentBeforeStop = harness.standIn.acceptedBatches.count
        #expect(sentBeforeStop < 20)
        // What was accepted was recorded: the next sync sends only the rest.
        harness.standIn.onRequest(nil)
        let report = try await harness.report(try harness.run("sync", "--json"))
        #expect(report["sent"] as? Int == 200 - sentBeforeStop * 10)
    }
}

/// A barrier the stand-in's request threads wait at until the test opens it: a test whose
/// task wakes late on a busy machine still finds the run where it left it.
final class Gate: Sendable {
    private let isOpen = Mutex(false)

    func open() {
        isOpen.withLock { $0 = true }
    }

    /// Blocks the calling (stand-in) thread until the gate opens, at most `seconds`.
    func wait(atMost seconds: Double = 120) {
        let deadline = Date().addingTimeInterval(seconds)
        while !isOpen.withLock({ $0 }) && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
    }
}
