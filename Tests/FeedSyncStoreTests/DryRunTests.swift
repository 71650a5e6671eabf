import FeedSyncCore
import FeedSyncStore
import Foundation
import Testing

struct DryRunTests {
    /// The first run's catalog: `a` to `d`, all acknowledged afterwards.
    private let firstCatalog = ["a", "b", "c", "d"].map { makeProduct(pid: $0) }

    /// The next catalog: `a` unchanged, `b` changed, `c` and `d` gone, `e` new, `a` again later (a duplicate).
    private let nextCatalog = [
        makeProduct(pid: "a"), makeProduct(pid: "b", price: 5), makeProduct(pid: "e"), makeProduct(pid: "a", name: "Again"),
    ]

    /// A store after a first real run of `firstCatalog`, all acknowledged, with `d` withdrawn out of stock and acknowledged.
    private func makeSeededStore() throws -> StateStore {
        let store = try makeStore()
        try seed(store)
        return store
    }

    private func seed(_ store: StateStore) throws {
        try store.ingest(products: firstCatalog, run: store.newRun(), now: firstRunTime)
        try store.acknowledgeAllPending()
        try store.withdraw(["d"], destination: destination, outOfStock: true, now: firstRunTime)
        try store.acknowledgeAllPending()
    }

    /// A dry run of `nextCatalog`, as the engine does it: its changes and its candidates.
    private func dryRun(_ store: StateStore) throws -> (changes: [ProductChange], candidates: [String]) {
        try store.beginDryRun()
        let changes = try store.ingest(products: nextCatalog, run: 0, now: secondRunTime, dryRun: true)
        let candidates = try store.withdrawalCandidates(destination: destination, sources: ["shop"], run: 0, dryRun: true)
        return (changes, candidates)
    }

    /// A real run of `nextCatalog`: its changes and its candidates.
    private func realRun(_ store: StateStore) throws -> (changes: [ProductChange], candidates: [String]) {
        let run = try store.newRun(at: secondRunTime)
        let changes = try store.ingest(products: nextCatalog, run: run, now: secondRunTime)
        let candidates = try store.withdrawalCandidates(destination: destination, sources: ["shop"], run: run)
        return (changes, candidates)
    }

    @Test("a dry run writes nothing to the product tables")
    func writesNothing() throws {
        let store = try makeSeededStore()
        let before = try store.productTablesSnapshot()
        let pendingBefore = try store.pendingCount(destination: destination, selection: .unacknowledged)
        _ = try dryRun(store)
        #expect(try store.productTablesSnapshot() == before)
        #expect(try store.pendingCount(destination: destination, selection: .unacknowledged) == pendingBefore)
        #expect(try store.activeCount(destination: destination, sources: ["shop"]) == 3)
    }

    @Test("a dry run reports the classification and candidates the real run then reports")
    func sameAsRealRun() throws {
        let store = try makeSeededStore()
        let dry = try dryRun(store)
        let real = try realRun(store)
        #expect(dry.changes == [.unchanged, .changed, .new, .duplicate(earlier: "shop.csv:2 (record 1)")])
        #expect(dry.changes == real.changes)
        #expect(dry.candidates == ["c"])
        #expect(dry.candidates == real.candidates)
    }

    @Test("a dry run on a file-backed store reports what the real run then reports")
    func sameAsRealRunOnFile() throws {
        let folder = try TemporaryStoreFolder()
        defer { folder.remove() }
        let store = try StateStore(url: folder.file("state.sqlite"))
        try seed(store)
        let before = try store.productTablesSnapshot()
        let dry = try dryRun(store)
        #expect(try store.productTablesSnapshot() == before)
        let real = try realRun(store)
        #expect(dry.changes == real.changes)
        #expect(dry.candidates == real.candidates)
    }

    @Test("a dry run's duplicates span its chunks")
    func duplicatesAcrossChunks() throws {
        let store = try makeSeededStore()
        try store.beginDryRun()
        _ = try store.ingest([makeIncoming(makeProduct(pid: "e"), origin: "shop.csv:2")], destination: destination, run: 0, now: secondRunTime, dryRun: true)
        let changes = try store.ingest(
            [makeIncoming(makeProduct(pid: "e"), origin: "shop.csv:3"), makeIncoming(makeProduct(pid: "e"), origin: "shop.csv:4")],
            destination: destination, run: 0, now: secondRunTime, dryRun: true)
        #expect(changes == [.duplicate(earlier: "shop.csv:2 (record 1)"), .duplicate(earlier: "shop.csv:3 (record 2)")])
    }

    @Test("beginning a dry run forgets the pids an earlier dry run saw")
    func beginDryRunForgets() throws {
        let store = try makeSeededStore()
        _ = try dryRun(store)
        try store.beginDryRun()
        let changes = try store.ingest(products: [makeProduct(pid: "a")], run: 0, now: secondRunTime, dryRun: true)
        #expect(changes == [.unchanged])
        let candidates = try store.withdrawalCandidates(destination: destination, sources: ["shop"], run: 0, dryRun: true)
        #expect(candidates == ["b", "c"])
    }

    @Test("a dry run after real runs does not take the real run's marks for its own")
    func dryRunIgnoresRealMarks() throws {
        let store = try makeSeededStore()
        try store.beginDryRun()
        let candidates = try store.withdrawalCandidates(destination: destination, sources: ["shop"], run: 0, dryRun: true)
        #expect(candidates == ["a", "b", "c"])
    }
}
