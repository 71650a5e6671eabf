import FeedSyncCore
@testable import FeedSyncStore
import Foundation
import Testing

@Suite("A source recorded in one transaction")
struct SourceTransactionTests {
    @Test("a source ended without keeping leaves the store as it was")
    func failedSourceRolledBack() throws {
        let store = try makeStore()
        try store.ingest(products: [makeProduct(pid: "a")], run: store.newRun(), now: firstRunTime)
        let before = try store.productTablesSnapshot()
        let run = try store.newRun(at: secondRunTime)
        try store.beginSource(run: run)
        try store.ingest(products: [makeProduct(pid: "a", price: 5), makeProduct(pid: "b")], run: run, now: secondRunTime)
        try store.endSource(run: run, keep: false)
        #expect(try store.productTablesSnapshot() == before)
    }

    @Test("after a rolled-back source, a product of the next source taking a reused row id is new, not a duplicate")
    func marksRestoredAfterRollback() throws {
        let store = try makeStore()
        let run = try store.newRun()
        try store.beginSource(run: run)
        try store.ingest(products: [makeProduct(pid: "x")], run: run, now: firstRunTime, source: "broken")
        try store.endSource(run: run, keep: false)
        try store.beginSource(run: run)
        let changes = try store.ingest(products: [makeProduct(pid: "y")], run: run, now: firstRunTime, source: "shop")
        try store.endSource(run: run, keep: true)
        #expect(changes == [.new])
        #expect(try store.pendingCount(destination: destination, selection: .readInRun(run)) == 1)
        #expect(try store.stored("x") == nil)
    }

    @Test("a kept source is committed")
    func keptSourceCommitted() throws {
        let store = try makeStore()
        let run = try store.newRun()
        try store.beginSource(run: run)
        try store.ingest(products: [makeProduct(pid: "a")], run: run, now: firstRunTime)
        try store.endSource(run: run, keep: true)
        #expect(try store.stored("a") != nil)
        #expect(try store.withdrawalCandidates(destination: destination, sources: ["shop"], run: run).isEmpty)
    }
}
