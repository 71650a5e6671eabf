import FeedSyncCore
@testable import FeedSyncStore
import Foundation
import Testing

/// Ingest inside a source's transaction reads stored states ahead by row id
/// (`StoredStateWindow`); these runs span several windows and check that what a product is
/// classified as never depends on it.
@Suite("Reading stored states ahead")
struct StoredStateWindowTests {
    static let count = 2500

    static func catalog(changing changed: Set<Int> = []) -> [Product] {
        (1...count).map { number in
            makeProduct(pid: "p\(number)", price: Double(1000 + number) + (changed.contains(number) ? 0.5 : 0))
        }
    }

    /// Records `products` as one source of `run`, in chunks of 1000 as a sync does.
    static func record(_ products: [Product], in store: StateStore, run: Int64, keep: Bool = true) throws -> [ProductChange] {
        try store.beginSource(run: run)
        var changes: [ProductChange] = []
        for start in stride(from: 0, to: products.count, by: 1000) {
            changes += try store.ingest(products: Array(products[start..<min(start + 1000, products.count)]), run: run, now: secondRunTime)
        }
        try store.endSource(run: run, keep: keep)
        return changes
    }

    /// A store holding the catalog, acknowledged.
    static func acknowledgedStore() throws -> StateStore {
        let store = try makeStore()
        _ = try record(catalog(), in: store, run: store.newRun())
        try store.acknowledgeAllPending()
        return store
    }

    @Test("a catalog read again in its order is unchanged but for the products that changed, across windows")
    func changesFoundAcrossWindows() throws {
        let store = try Self.acknowledgedStore()
        let changed: Set<Int> = [1, 999, 1000, 1001, 1002, 2500]
        let changes = try Self.record(Self.catalog(changing: changed), in: store, run: store.newRun(at: secondRunTime))
        let expected = (1...Self.count).map { changed.contains($0) ? ProductChange.changed : .unchanged }
        #expect(changes == expected)
        #expect(try store.stored("p1001")?.hash == Self.catalog(changing: changed)[1000].storedHash)
    }

    @Test("a catalog read in reverse order is classified as in its own order")
    func reverseOrder() throws {
        let store = try Self.acknowledgedStore()
        let changed: Set<Int> = [7, 1500]
        let changes = try Self.record(Self.catalog(changing: changed).reversed(), in: store, run: store.newRun(at: secondRunTime))
        let expected = (1...Self.count).reversed().map { changed.contains($0) ? ProductChange.changed : .unchanged }
        #expect(changes == expected)
    }

    @Test("a product read twice is a duplicate the second time, and the later record is the one stored")
    func duplicateWithinWindow() throws {
        let store = try Self.acknowledgedStore()
        // The first p10 changes (a write), the later one is the stored content again.
        var products = Self.catalog(changing: [10])
        let later = Self.catalog()[9]
        products.insert(later, at: 20)
        let changes = try Self.record(products, in: store, run: store.newRun(at: secondRunTime))
        #expect(changes[9] == .changed)
        guard case .duplicate = changes[20] else {
            Issue.record("expected a duplicate, got \(changes[20])")
            return
        }
        #expect(try store.stored("p10")?.hash == later.storedHash)
    }

    @Test("after a source is rolled back, the next read of the same run sees the store as it was")
    func rollbackLeavesNothingAhead() throws {
        let store = try Self.acknowledgedStore()
        let run = try store.newRun(at: secondRunTime)
        _ = try Self.record(Self.catalog(changing: [10, 1200, 2400]), in: store, run: run, keep: false)
        let changes = try Self.record(Self.catalog(changing: [1200]), in: store, run: run)
        #expect(changes == (1...Self.count).map { $0 == 1200 ? .changed : .unchanged })
    }

    @Test("outside a source's transaction nothing is read ahead, so a write between two ingests is seen")
    func noReadAheadOutsideASource() throws {
        let store = try makeStore()
        let run = try store.newRun()
        _ = try store.ingest(products: Self.catalog(), run: run, now: firstRunTime)
        try store.acknowledgeAllPending()
        let run2 = try store.newRun(at: secondRunTime)
        #expect(try store.ingest(products: Array(Self.catalog().prefix(1000)), run: run2, now: secondRunTime).allSatisfy { $0 == .unchanged })
        // As if the destination's acknowledgement of p1500 had been lost.
        try store.writer.write { try $0.execute(sql: "UPDATE product SET acked_hash = NULL WHERE pid = 'p1500'") }
        let rest = try store.ingest(products: Array(Self.catalog().suffix(from: 1000)), run: run2, now: secondRunTime)
        #expect(rest[499] == .new)
        #expect(rest.enumerated().allSatisfy { $0.offset == 499 || $0.element == .unchanged })
    }
}
