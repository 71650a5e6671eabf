import FeedSyncCore
import FeedSyncStore
import Foundation
import Testing

struct PendingTests {
    /// A store whose first run read `a` to `d`, all acknowledged, and whose second run (returned)
    /// read `a` unchanged, `b` changed, `c` unchanged and `e` new (`d` not read).
    private func makeStoreAfterTwoRuns() throws -> (store: StateStore, secondRun: Int64) {
        let store = try makeStore()
        try store.ingest(products: ["a", "b", "c", "d"].map { makeProduct(pid: $0) }, run: store.newRun(), now: firstRunTime)
        try store.acknowledgeAllPending()
        let run = try store.newRun(at: secondRunTime)
        try store.ingest(
            products: [makeProduct(pid: "a"), makeProduct(pid: "b", price: 5), makeProduct(pid: "c"), makeProduct(pid: "e")],
            run: run, now: secondRunTime)
        return (store, run)
    }

    @Test("unacknowledged lists the new and changed products but not the acknowledged unchanged ones")
    func unacknowledgedListsNewAndChanged() throws {
        let (store, _) = try makeStoreAfterTwoRuns()
        let pending = try store.pending(destination: destination, selection: .unacknowledged, after: nil, limit: 10)
        #expect(pending.map(\.pid) == ["b", "e"])
        #expect(try store.pendingCount(destination: destination, selection: .unacknowledged) == 2)
    }

    @Test("a pending product carries its current hash and body")
    func pendingCarriesHashAndBody() throws {
        let store = try makeStore()
        let product = makeProduct()
        try store.ingest(products: [product], run: store.newRun(), now: firstRunTime)
        let pending = try store.pending(destination: destination, selection: .unacknowledged, after: nil, limit: 10)
        #expect(pending == [PendingProduct(pid: "p1", hash: product.storedHash, body: product.jsonText)])
    }

    @Test("keyset paging in pages of 3 returns every pending product exactly once, in pid order")
    func keysetPaging() throws {
        let store = try makeStore()
        let pids = (1...10).map { String(format: "p%02d", $0) }.shuffled()
        try store.ingest(products: pids.map { makeProduct(pid: $0) }, run: store.newRun(), now: firstRunTime)
        try store.acknowledge(
            try store.pending(destination: destination, selection: .unacknowledged, after: "p04", limit: 1),
            destination: destination, at: firstRunTime)

        var pages: [[String]] = []
        var after: String?
        repeat {
            let page = try store.pending(destination: destination, selection: .unacknowledged, after: after, limit: 3)
            pages.append(page.map(\.pid))
            after = page.last?.pid
        } while pages.last?.isEmpty == false
        #expect(pages == [["p01", "p02", "p03"], ["p04", "p06", "p07"], ["p08", "p09", "p10"], []])
    }

    @Test("read in run lists what the run in progress read, acknowledged or not; an earlier run's marks are gone")
    func readInRunListsRead() throws {
        let (store, run) = try makeStoreAfterTwoRuns()
        #expect(try store.allPending(.readInRun(run), pageSize: 3).map(\.pid) == ["a", "b", "c", "e"])
        #expect(try store.pendingCount(destination: destination, selection: .readInRun(run)) == 4)
        #expect(try store.allPending(.readInRun(run - 1)).isEmpty)
    }

    @Test("acknowledging makes a product no longer pending")
    func acknowledgeClearsPending() throws {
        let store = try makeStore()
        try store.ingest(products: [makeProduct(pid: "a"), makeProduct(pid: "b")], run: store.newRun(), now: firstRunTime)
        let batch = try store.pending(destination: destination, selection: .unacknowledged, after: nil, limit: 1)
        try store.acknowledge(batch, destination: destination, at: firstRunTime)
        #expect(try store.allPending().map(\.pid) == ["b"])
        #expect(try store.stored("a")?.ackedHash == makeProduct(pid: "a").storedHash)
    }

    @Test("acknowledging a batch read before the content changed leaves the product pending with its new content")
    func staleAcknowledgeLeavesPending() throws {
        let store = try makeStore()
        try store.ingest(products: [makeProduct()], run: store.newRun(), now: firstRunTime)
        let batch = try store.allPending()
        try store.ingest(products: [makeProduct(price: 900)], run: store.newRun(at: secondRunTime), now: secondRunTime)
        try store.acknowledge(batch, destination: destination, at: secondRunTime)

        let pending = try store.allPending()
        #expect(pending.map(\.hash) == [makeProduct(price: 900).storedHash])
        #expect(try store.stored("p1")?.ackedHash == nil)
    }

    @Test("refused content is not listed as unacknowledged until the content changes")
    func refusedUntilChanged() throws {
        let store = try makeStore()
        try store.ingest(products: [makeProduct(pid: "a"), makeProduct(pid: "b")], run: store.newRun(), now: firstRunTime)
        let refused = try #require(try store.allPending().first)
        try store.refuse(refused, destination: destination, reason: "422 price must be positive")
        #expect(try store.allPending().map(\.pid) == ["b"])
        #expect(try store.pendingCount(destination: destination, selection: .unacknowledged) == 1)

        try store.ingest(products: [makeProduct(pid: "a")], run: store.newRun(at: secondRunTime), now: secondRunTime)
        #expect(try store.allPending().map(\.pid) == ["b"])

        try store.ingest(products: [makeProduct(pid: "a", price: 7)], run: store.newRun(at: thirdRunTime), now: thirdRunTime)
        #expect(try store.allPending().map(\.pid) == ["a", "b"])
    }

    @Test("refusing a batch read before the content changed does not hide the new content")
    func staleRefuseIsIgnored() throws {
        let store = try makeStore()
        try store.ingest(products: [makeProduct()], run: store.newRun(), now: firstRunTime)
        let batch = try #require(try store.allPending().first)
        try store.ingest(products: [makeProduct(price: 900)], run: store.newRun(at: secondRunTime), now: secondRunTime)
        try store.refuse(batch, destination: destination, reason: "400")
        #expect(try store.allPending().map(\.hash) == [makeProduct(price: 900).storedHash])
    }

    @Test("refused content is still read in its run, for import")
    func refusedStillReadInRun() throws {
        let store = try makeStore()
        let run = try store.newRun()
        try store.ingest(products: [makeProduct()], run: run, now: firstRunTime)
        try store.refuse(try #require(try store.allPending().first), destination: destination, reason: "400")
        #expect(try store.allPending(.readInRun(run)).map(\.pid) == ["p1"])
    }
}
