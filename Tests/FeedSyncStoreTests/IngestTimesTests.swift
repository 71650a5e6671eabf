import FeedSyncCore
import FeedSyncStore
import Foundation
import Testing

struct IngestTimesTests {
    /// The product as a source without times gives it in a run at `time`: both times are the run's time.
    private func makeTimeless(price: Double = 1000, at time: Date) -> Product {
        makeProduct(price: price, createdAt: time, updatedAt: time)
    }

    @Test("without own times, created_at stays the first-seen time across runs")
    func createdAtIsFirstSeen() throws {
        let store = try makeStore()
        try store.ingest(products: [makeTimeless(at: firstRunTime)], run: store.newRun(), now: firstRunTime)
        try store.ingest(products: [makeTimeless(at: secondRunTime)], run: store.newRun(at: secondRunTime), now: secondRunTime)
        try store.ingest(products: [makeTimeless(price: 900, at: thirdRunTime)], run: store.newRun(at: thirdRunTime), now: thirdRunTime)
        let stored = try #require(try store.stored("p1"))
        #expect(try stored.decodedBody().createdAt == firstRunTime)
        #expect(stored.createdAt == Int64(firstRunTime.timeIntervalSince1970))
        #expect(stored.body.contains(#""created_at":"2023-11-14T22:13:20+00:00""#))
    }

    @Test("without own times, an unchanged product keeps its updated_at and its body byte for byte")
    func unchangedKeepsBody() throws {
        let store = try makeStore()
        try store.ingest(products: [makeTimeless(at: firstRunTime)], run: store.newRun(), now: firstRunTime)
        let before = try #require(try store.stored("p1"))
        try store.ingest(products: [makeTimeless(at: secondRunTime)], run: store.newRun(at: secondRunTime), now: secondRunTime)
        let after = try #require(try store.stored("p1"))
        #expect(after.body == before.body)
        #expect(after.updatedAt == Int64(firstRunTime.timeIntervalSince1970))
    }

    @Test("without own times, updated_at moves to the run's time when the content changes, and only then")
    func updatedAtMovesOnChange() throws {
        let store = try makeStore()
        try store.ingest(products: [makeTimeless(at: firstRunTime)], run: store.newRun(), now: firstRunTime)
        try store.ingest(products: [makeTimeless(price: 900, at: secondRunTime)], run: store.newRun(at: secondRunTime), now: secondRunTime)
        #expect(try store.stored("p1")?.decodedBody().updatedAt == secondRunTime)
        try store.ingest(products: [makeTimeless(price: 900, at: thirdRunTime)], run: store.newRun(at: thirdRunTime), now: thirdRunTime)
        let stored = try #require(try store.stored("p1"))
        #expect(try stored.decodedBody().updatedAt == secondRunTime)
        #expect(try stored.decodedBody().createdAt == firstRunTime)
        #expect(stored.updatedAt == Int64(secondRunTime.timeIntervalSince1970))
    }

    @Test("the pending body carries the kept times")
    func pendingBodyHasKeptTimes() throws {
        let store = try makeStore()
        try store.ingest(products: [makeTimeless(at: firstRunTime)], run: store.newRun(), now: firstRunTime)
        try store.ingest(products: [makeTimeless(price: 900, at: thirdRunTime)], run: store.newRun(at: secondRunTime), now: secondRunTime)
        let pending = try #require(try store.allPending().first)
        #expect(pending.body == makeProduct(price: 900, createdAt: firstRunTime, updatedAt: secondRunTime).jsonText)
        #expect(pending.hash == makeProduct(price: 900).storedHash)
    }

    @Test("a first-seen time with a fraction of a second is written and kept as the same whole second")
    func fractionalRunTime() throws {
        let store = try makeStore()
        let fractional = firstRunTime.addingTimeInterval(0.75)
        try store.ingest(products: [makeTimeless(at: fractional)], run: store.newRun(), now: fractional)
        let before = try #require(try store.stored("p1"))
        try store.ingest(products: [makeTimeless(at: secondRunTime)], run: store.newRun(at: secondRunTime), now: secondRunTime)
        let after = try #require(try store.stored("p1"))
        #expect(after.body == before.body)
        #expect(after.body.contains(#""created_at":"2023-11-14T22:13:20+00:00","updated_at":"2023-11-14T22:13:20+00:00""#))
    }

    @Test("with own times, the times are kept as the source gives them")
    func ownTimesAreKept() throws {
        let store = try makeStore()
        let created = Date(timeIntervalSince1970: 1_600_000_000)
        let updated = Date(timeIntervalSince1970: 1_650_000_000)
        let later = Date(timeIntervalSince1970: 1_690_000_000)
        let first = makeProduct(createdAt: created, updatedAt: updated)
        _ = try store.ingest([makeIncoming(first, ownTimes: true)], destination: destination, run: store.newRun(), now: firstRunTime)
        #expect(try store.stored("p1")?.body == first.jsonText)

        let second = makeProduct(createdAt: created, updatedAt: later)
        _ = try store.ingest([makeIncoming(second, ownTimes: true)], destination: destination, run: store.newRun(at: secondRunTime), now: secondRunTime)
        let stored = try #require(try store.stored("p1"))
        #expect(stored.body == second.jsonText)
        #expect(stored.createdAt == 1_600_000_000)
        #expect(stored.updatedAt == 1_690_000_000)
    }

    @Test("with own times, a content change keeps the source's updated_at rather than the run's time")
    func ownTimesOnContentChange() throws {
        let store = try makeStore()
        let created = Date(timeIntervalSince1970: 1_600_000_000)
        let updated = Date(timeIntervalSince1970: 1_650_000_000)
        _ = try store.ingest([makeIncoming(makeProduct(createdAt: created, updatedAt: updated), ownTimes: true)],
                             destination: destination, run: store.newRun(), now: firstRunTime)
        let changed = makeProduct(price: 900, createdAt: created, updatedAt: updated)
        _ = try store.ingest([makeIncoming(changed, ownTimes: true)], destination: destination, run: store.newRun(at: secondRunTime), now: secondRunTime)
        #expect(try store.stored("p1")?.body == changed.jsonText)
    }

    @Test("a change of the source's own times alone is not a content change")
    func ownTimeChangeIsNotContentChange() throws {
        let store = try makeStore()
        let created = Date(timeIntervalSince1970: 1_600_000_000)
        _ = try store.ingest([makeIncoming(makeProduct(createdAt: created, updatedAt: created), ownTimes: true)],
                             destination: destination, run: store.newRun(), now: firstRunTime)
        try store.acknowledgeAllPending()
        let touched = makeProduct(createdAt: created, updatedAt: secondRunTime)
        let changes = try store.ingest([makeIncoming(touched, ownTimes: true)], destination: destination,
                                       run: store.newRun(at: secondRunTime), now: secondRunTime)
        #expect(changes == [.unchanged])
        #expect(try store.pendingCount(destination: destination, selection: .unacknowledged) == 0)
        #expect(try store.stored("p1")?.body == touched.jsonText)
    }
}
