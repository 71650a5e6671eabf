import FeedSyncCore
import GRDB
@testable import FeedSyncStore
import Foundation
import Testing

struct IngestClassificationTests {
    @Test("a pid seen for the first time is new")
    func firstIngestIsNew() throws {
        let store = try makeStore()
        let changes = try store.ingest(products: [makeProduct(pid: "a"), makeProduct(pid: "b")], run: store.newRun(), now: firstRunTime)
        #expect(changes == [.new, .new])
    }

    @Test("a product read again but never acknowledged is still new")
    func unacknowledgedStaysNew() throws {
        let store = try makeStore()
        try store.ingest(products: [makeProduct()], run: store.newRun(), now: firstRunTime)
        let changes = try store.ingest(products: [makeProduct()], run: store.newRun(at: secondRunTime), now: secondRunTime)
        #expect(changes == [.new])
    }

    @Test("a product acknowledged with its current hash is unchanged in the next run")
    func acknowledgedIsUnchanged() throws {
        let store = try makeStore()
        try store.ingest(products: [makeProduct()], run: store.newRun(), now: firstRunTime)
        try store.acknowledgeAllPending()
        let changes = try store.ingest(products: [makeProduct()], run: store.newRun(at: secondRunTime), now: secondRunTime)
        #expect(changes == [.unchanged])
    }

    @Test("an acknowledged product whose content changed is changed")
    func contentChangeIsChanged() throws {
        let store = try makeStore()
        try store.ingest(products: [makeProduct()], run: store.newRun(), now: firstRunTime)
        try store.acknowledgeAllPending()
        let changes = try store.ingest(products: [makeProduct(price: 900)], run: store.newRun(at: secondRunTime), now: secondRunTime)
        #expect(changes == [.changed])
    }

    @Test("content that changes and changes back to what was acknowledged is unchanged and not pending")
    func changedBackIsUnchanged() throws {
        let store = try makeStore()
        try store.ingest(products: [makeProduct()], run: store.newRun(), now: firstRunTime)
        try store.acknowledgeAllPending()
        try store.ingest(products: [makeProduct(price: 900)], run: store.newRun(at: secondRunTime), now: secondRunTime)
        let changes = try store.ingest(products: [makeProduct()], run: store.newRun(at: thirdRunTime), now: thirdRunTime)
        #expect(changes == [.unchanged])
        #expect(try store.pendingCount(destination: destination, selection: .unacknowledged) == 0)
    }

    @Test("a pid read twice in one run is a duplicate naming the earlier record, and the later content wins")
    func duplicateInRun() throws {
        let store = try makeStore()
        let run = try store.newRun()
        let changes = try store.ingest([
            makeIncoming(makeProduct(name: "First"), origin: "catalog.csv:2"),
            makeIncoming(makeProduct(pid: "other"), origin: "catalog.csv:3"),
            makeIncoming(makeProduct(name: "Second"), origin: "catalog.csv:4"),
        ], destination: destination, run: run, now: firstRunTime)
        #expect(changes == [.new, .new, .duplicate(earlier: "catalog.csv:2 (record 1)")])
        let stored = try #require(try store.stored("p1"))
        #expect(try stored.decodedBody().name == "Second")
        #expect(stored.origin == "catalog.csv:4 (record 3)")
        #expect(stored.hash == makeProduct(name: "Second").storedHash)
        let pending = try store.allPending().first { $0.pid == "p1" }
        #expect(pending?.hash == makeProduct(name: "Second").storedHash)
    }

    @Test("a duplicate with the same content as the earlier record still names the earlier record")
    func identicalDuplicateInRun() throws {
        let store = try makeStore()
        let changes = try store.ingest([
            makeIncoming(makeProduct(), origin: "catalog.csv:2"),
            makeIncoming(makeProduct(), origin: "catalog.csv:9"),
        ], destination: destination, run: store.newRun(), now: firstRunTime)
        #expect(changes == [.new, .duplicate(earlier: "catalog.csv:2 (record 1)")])
        // The stored origin is where the stored content was read; the same content is not rewritten.
        #expect(try store.stored("p1")?.origin == "catalog.csv:2 (record 1)")
    }

    @Test("a duplicate in a later chunk of the same run, or from another source, is still a duplicate")
    func duplicateAcrossChunksAndSources() throws {
        let store = try makeStore()
        let run = try store.newRun()
        _ = try store.ingest([makeIncoming(makeProduct(), source: "shop", origin: "shop.csv:2")], destination: destination, run: run, now: firstRunTime)
        let changes = try store.ingest(
            [makeIncoming(makeProduct(price: 5), source: "outlet", origin: "outlet.csv:7")], destination: destination, run: run, now: firstRunTime)
        #expect(changes == [.duplicate(earlier: "shop.csv:2 (record 1)")])
        #expect(try store.stored("p1")?.source == "outlet")
    }

    @Test("an unchanged product that moved to another line is named at its new line when a duplicate follows")
    func movedProductDuplicateNamesNewLine() throws {
        let store = try makeStore()
        _ = try store.ingest([makeIncoming(makeProduct(), origin: "shop.csv:2")], destination: destination, run: store.newRun(), now: firstRunTime)
        let run = try store.newRun(at: secondRunTime)
        _ = try store.ingest([makeIncoming(makeProduct(), origin: "shop.csv:40")], destination: destination, run: run, now: secondRunTime)
        let changes = try store.ingest([makeIncoming(makeProduct(), origin: "shop.csv:41")], destination: destination, run: run, now: secondRunTime)
        #expect(changes == [.duplicate(earlier: "shop.csv:40 (record 39)")])
    }

    @Test("an unchanged product writes nothing, even read from another line")
    func unchangedSamePlaceWritesNothing() throws {
        let store = try makeStore()
        _ = try store.ingest([makeIncoming(makeProduct(), origin: "shop.csv:2")], destination: destination, run: store.newRun(), now: firstRunTime)
        let before = try store.productTablesSnapshot()
        let version = try store.writer.read { db in try Int64.fetchOne(db, sql: "SELECT version FROM catalog_version") }
        _ = try store.ingest([makeIncoming(makeProduct(), origin: "shop.csv:3")], destination: destination, run: store.newRun(at: secondRunTime), now: secondRunTime)
        #expect(try store.productTablesSnapshot() == before)
        #expect(try store.writer.read { db in try Int64.fetchOne(db, sql: "SELECT version FROM catalog_version") } == version)
    }

    @Test("a third record of a pid names the second, the one it supersedes")
    func thirdDuplicateNamesSecond() throws {
        let store = try makeStore()
        let changes = try store.ingest([
            makeIncoming(makeProduct(name: "One"), origin: "catalog.csv:2"),
            makeIncoming(makeProduct(name: "Two"), origin: "catalog.csv:3"),
            makeIncoming(makeProduct(name: "Three"), origin: "catalog.csv:4"),
        ], destination: destination, run: store.newRun(), now: firstRunTime)
        #expect(changes == [.new, .duplicate(earlier: "catalog.csv:2 (record 1)"), .duplicate(earlier: "catalog.csv:3 (record 2)")])
        #expect(try store.stored("p1")?.decodedBody().name == "Three")
    }

    @Test("the same pid in a later run is not a duplicate")
    func laterRunIsNotDuplicate() throws {
        let store = try makeStore()
        try store.ingest(products: [makeProduct()], run: store.newRun(), now: firstRunTime)
        try store.acknowledgeAllPending()
        let changes = try store.ingest(products: [makeProduct(), makeProduct(pid: "p2")], run: store.newRun(at: secondRunTime), now: secondRunTime)
        #expect(changes == [.unchanged, .new])
    }

    @Test("each destination keeps its own state for a pid")
    func destinationsAreSeparate() throws {
        let store = try makeStore()
        let run = try store.newRun()
        _ = try store.ingest([makeIncoming(makeProduct())], destination: destination, run: run, now: firstRunTime)
        try store.acknowledgeAllPending()
        let other = try store.ingest([makeIncoming(makeProduct())], destination: "other", run: run, now: firstRunTime)
        #expect(other == [.new])
        #expect(try store.pendingCount(destination: destination, selection: .unacknowledged) == 0)
        #expect(try store.pendingCount(destination: "other", selection: .unacknowledged) == 1)
    }

    @Test("the stored categories follow the content, in order")
    func categoriesFollowContent() throws {
        let store = try makeStore()
        try store.ingest(products: [makeProduct()], run: store.newRun(), now: firstRunTime)
        #expect(try store.storedCategories("p1") == makeCategories())
        let fewer = [Category(cid: "20", name: "Garden", url: "https://shop.example/c/garden", isPrimary: true)]
        try store.ingest(products: [makeProduct(categories: fewer)], run: store.newRun(at: secondRunTime), now: secondRunTime)
        #expect(try store.storedCategories("p1") == fewer)
    }
}
