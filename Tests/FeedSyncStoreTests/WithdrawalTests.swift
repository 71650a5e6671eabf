import FeedSyncCore
import FeedSyncStore
import Foundation
import Testing

struct WithdrawalTests {
    /// A store whose first run read `a`, `b`, `c` from `shop` and `x`, `y` from `outlet`, all
    /// acknowledged, and whose second run (returned) read only `a` from `shop` and nothing from `outlet`.
    private func makeStoreWithLeavers() throws -> (store: StateStore, secondRun: Int64) {
        let store = try makeStore()
        let first = try store.newRun()
        try store.ingest(products: ["a", "b", "c"].map { makeProduct(pid: $0) }, run: first, now: firstRunTime, source: "shop")
        try store.ingest(products: ["x", "y"].map { makeProduct(pid: $0) }, run: first, now: firstRunTime, source: "outlet")
        try store.acknowledgeAllPending()
        let second = try store.newRun(at: secondRunTime)
        try store.ingest(products: [makeProduct(pid: "a")], run: second, now: secondRunTime, source: "shop")
        return (store, second)
    }

    @Test("candidates are the active products of the given sources that the run did not see")
    func candidatesAreUnseen() throws {
        let (store, run) = try makeStoreWithLeavers()
        #expect(try store.withdrawalCandidates(destination: destination, sources: ["shop"], run: run) == ["b", "c"])
    }

    @Test("products of sources not given are never candidates")
    func otherSourcesAreNotCandidates() throws {
        let (store, run) = try makeStoreWithLeavers()
        let candidates = try store.withdrawalCandidates(destination: destination, sources: ["shop"], run: run)
        #expect(!candidates.contains("x") && !candidates.contains("y"))
        #expect(try store.withdrawalCandidates(destination: destination, sources: ["shop", "outlet"], run: run) == ["b", "c", "x", "y"])
    }

    @Test("a product that moved to a source not given is not a candidate of its old source")
    func movedProductFollowsSource() throws {
        let (store, run) = try makeStoreWithLeavers()
        try store.ingest(products: [makeProduct(pid: "b")], run: run, now: secondRunTime, source: "outlet")
        #expect(try store.withdrawalCandidates(destination: destination, sources: ["shop"], run: run) == ["c"])
    }

    @Test("active count counts the not-withdrawn products of the given sources")
    func activeCount() throws {
        let (store, _) = try makeStoreWithLeavers()
        #expect(try store.activeCount(destination: destination, sources: ["shop"]) == 3)
        #expect(try store.activeCount(destination: destination, sources: ["shop", "outlet"]) == 5)
        try store.withdraw(["b"], destination: destination, outOfStock: false, now: secondRunTime)
        #expect(try store.activeCount(destination: destination, sources: ["shop"]) == 2)
    }

    @Test("no sources have no active products")
    func noSourcesNoActive() throws {
        let (store, _) = try makeStoreWithLeavers()
        #expect(try store.activeCount(destination: destination, sources: []) == 0)
    }

    @Test("no sources have no withdrawal candidates")
    func noSourcesNoCandidates() throws {
        let (store, run) = try makeStoreWithLeavers()
        #expect(try store.withdrawalCandidates(destination: destination, sources: [], run: run).isEmpty)
    }

    @Test("withdrawing out of stock re-sends the product with in_stock false and marks it withdrawn")
    func withdrawOutOfStock() throws {
        let (store, run) = try makeStoreWithLeavers()
        try store.withdraw(["b"], destination: destination, outOfStock: true, now: secondRunTime)

        let stored = try #require(try store.stored("b"))
        let body = try stored.decodedBody()
        #expect(body.inStock == false)
        #expect(stored.inStock == false)
        #expect(stored.withdrawn)
        #expect(stored.hash == makeProduct(pid: "b", inStock: false).storedHash)
        #expect(stored.hash != stored.ackedHash)
        #expect(try store.allPending().map(\.pid) == ["b"])
        #expect(try store.withdrawalCandidates(destination: destination, sources: ["shop"], run: run) == ["c"])
    }

    @Test("withdrawing out of stock changes only in_stock and updated_at in the body")
    func withdrawOutOfStockBody() throws {
        let (store, _) = try makeStoreWithLeavers()
        try store.withdraw(["b"], destination: destination, outOfStock: true, now: secondRunTime)
        let expected = makeProduct(pid: "b", inStock: false, createdAt: firstRunTime, updatedAt: secondRunTime)
        #expect(try store.stored("b")?.body == expected.jsonText)
        #expect(try store.stored("b")?.updatedAt == Int64(secondRunTime.timeIntervalSince1970))
        #expect(try store.storedCategories("b") == makeCategories())
    }

    @Test("withdrawing without out of stock marks the product withdrawn without making it pending")
    func withdrawOnlyMarks() throws {
        let (store, run) = try makeStoreWithLeavers()
        let before = try #require(try store.stored("b"))
        try store.withdraw(["b"], destination: destination, outOfStock: false, now: secondRunTime)

        let after = try #require(try store.stored("b"))
        #expect(after.withdrawn)
        #expect(after.body == before.body)
        #expect(after.hash == before.hash)
        #expect(try store.allPending().isEmpty)
        #expect(try store.withdrawalCandidates(destination: destination, sources: ["shop"], run: run) == ["c"])
    }

    @Test("a product withdrawn out of stock that reappears is active again and pending with in_stock true")
    func reappearingAfterOutOfStock() throws {
        let (store, _) = try makeStoreWithLeavers()
        try store.withdraw(["b", "c"], destination: destination, outOfStock: true, now: secondRunTime)
        try store.acknowledgeAllPending(at: secondRunTime)

        let run = try store.newRun(at: thirdRunTime)
        let changes = try store.ingest(products: ["a", "b", "c"].map { makeProduct(pid: $0) }, run: run, now: thirdRunTime)
        #expect(changes == [.unchanged, .changed, .changed])
        let stored = try #require(try store.stored("b"))
        #expect(!stored.withdrawn)
        #expect(try stored.decodedBody().inStock)
        #expect(try stored.decodedBody().updatedAt == thirdRunTime)
        #expect(try store.allPending().map(\.pid) == ["b", "c"])
        #expect(try store.activeCount(destination: destination, sources: ["shop"]) == 3)
        #expect(try store.withdrawalCandidates(destination: destination, sources: ["shop"], run: run).isEmpty)
    }

    @Test("a product withdrawn out of stock that reappears before the withdrawal was sent owes the destination nothing")
    func reappearingBeforeWithdrawalSent() throws {
        let (store, _) = try makeStoreWithLeavers()
        try store.withdraw(["b"], destination: destination, outOfStock: true, now: secondRunTime)
        let changes = try store.ingest(products: [makeProduct(pid: "b")], run: store.newRun(at: thirdRunTime), now: thirdRunTime)
        #expect(changes == [.unchanged])
        #expect(try store.stored("b")?.withdrawn == false)
        #expect(try store.allPending().isEmpty)
    }

    @Test("a product only marked withdrawn that reappears is active again")
    func reappearingAfterMark() throws {
        let (store, _) = try makeStoreWithLeavers()
        try store.withdraw(["b"], destination: destination, outOfStock: false, now: secondRunTime)
        let run = try store.newRun(at: thirdRunTime)
        let changes = try store.ingest(products: [makeProduct(pid: "b")], run: run, now: thirdRunTime)
        #expect(changes == [.unchanged])
        #expect(try store.stored("b")?.withdrawn == false)
        #expect(try store.activeCount(destination: destination, sources: ["shop"]) == 3)
    }

    @Test("a product only marked withdrawn that reappears unchanged keeps its body byte for byte")
    func reappearingAfterMarkKeepsBody() throws {
        let (store, _) = try makeStoreWithLeavers()
        let before = try #require(try store.stored("b"))
        try store.withdraw(["b"], destination: destination, outOfStock: false, now: secondRunTime)
        try store.ingest(products: [makeProduct(pid: "b", createdAt: thirdRunTime, updatedAt: thirdRunTime)],
                         run: store.newRun(at: thirdRunTime), now: thirdRunTime)
        let after = try #require(try store.stored("b"))
        #expect(after.body == before.body)
    }

    @Test("a product that leaves the catalog before it was ever acknowledged is not sent when only marked withdrawn")
    func keepWithdrawalOfUnsentProduct() throws {
        let store = try makeStore()
        try store.ingest(products: [makeProduct(pid: "a"), makeProduct(pid: "b")], run: store.newRun(), now: firstRunTime)
        // The first run's upload failed: nothing was acknowledged. Then b leaves the catalog.
        let run = try store.newRun(at: secondRunTime)
        try store.ingest(products: [makeProduct(pid: "a")], run: run, now: secondRunTime)
        let candidates = try store.withdrawalCandidates(destination: destination, sources: ["shop"], run: run)
        #expect(candidates == ["b"])
        try store.withdraw(candidates, destination: destination, outOfStock: false, now: secondRunTime)
        let pending = try store.allPending().map(\.pid)
        #expect(pending == ["a"])
    }
}
