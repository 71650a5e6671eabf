import FeedSyncCore
@testable import FeedSyncStore
import Foundation
import Testing

@Suite("Webhook result lists and passes")
struct CatalogSnapshotTests {
    /// A store file opened twice, as `serve` and `sync` open it from two processes.
    struct TwoOpenings {
        let folder: TemporaryStoreFolder
        let server: StateStore
        let sync: StateStore

        init(passTimeout: TimeInterval = 600) throws {
            folder = try TemporaryStoreFolder()
            let url = folder.file("state.sqlite")
            sync = try StateStore(url: url)
            server = try StateStore(url: url, snapshots: CatalogSnapshots(passTimeout: passTimeout))
        }
    }

    private func page(_ store: StateStore, _ number: Int, perPage: Int = 2) throws -> [String] {
        try store.catalogPage(CatalogQuery(destination: destination, page: number, perPage: perPage)).bodies
            .map { try JSONDecoder().decode(Product.self, from: Data($0.utf8)).pid }
    }

    @Test("a pass from page 1 to the last page sees each product once while another process inserts products before it")
    func passIsStableAcrossAWriter() throws {
        let stores = try TwoOpenings()
        defer { stores.folder.remove() }
        try stores.sync.ingest(products: ["b", "d", "f", "h"].map { makeProduct(pid: $0) }, run: stores.sync.newRun(), now: firstRunTime)
        var seen = try page(stores.server, 1)
        try stores.sync.ingest(products: ["a", "c"].map { makeProduct(pid: $0) }, run: stores.sync.newRun(), now: secondRunTime)
        seen += try page(stores.server, 2)
        seen += try page(stores.server, 3)
        #expect(seen == ["b", "d", "f", "h"])
    }

    @Test("page 1 after another process wrote starts from the current catalog")
    func pageOneSeesTheWriter() throws {
        let stores = try TwoOpenings()
        defer { stores.folder.remove() }
        try stores.sync.ingest(products: ["b", "d"].map { makeProduct(pid: $0) }, run: stores.sync.newRun(), now: firstRunTime)
        #expect(try page(stores.server, 1) == ["b", "d"])
        try stores.sync.ingest(products: ["a"].map { makeProduct(pid: $0) }, run: stores.sync.newRun(), now: secondRunTime)
        #expect(try page(stores.server, 1) == ["a", "b"])
        #expect(try stores.server.catalogPage(CatalogQuery(destination: destination, page: 1, perPage: 2)).total == 3)
    }

    @Test("a page of a pass shows the product's current content")
    func pagesShowCurrentContent() throws {
        let stores = try TwoOpenings()
        defer { stores.folder.remove() }
        try stores.sync.ingest(products: ["a", "b", "c"].map { makeProduct(pid: $0) }, run: stores.sync.newRun(), now: firstRunTime)
        _ = try page(stores.server, 1)
        try stores.sync.ingest(products: [makeProduct(pid: "c", price: 777)], run: stores.sync.newRun(), now: secondRunTime)
        let body = try #require(stores.server.catalogPage(CatalogQuery(destination: destination, page: 2, perPage: 2)).bodies.first)
        #expect(try JSONDecoder().decode(Product.self, from: Data(body.utf8)).price == 777)
    }

    @Test("a pass idle for longer than the pass timeout ends: its next page reads the current catalog")
    func idlePassEnds() throws {
        let stores = try TwoOpenings(passTimeout: 0)
        defer { stores.folder.remove() }
        try stores.sync.ingest(products: ["b", "d", "f"].map { makeProduct(pid: $0) }, run: stores.sync.newRun(), now: firstRunTime)
        _ = try page(stores.server, 1)
        try stores.sync.ingest(products: ["a"].map { makeProduct(pid: $0) }, run: stores.sync.newRun(), now: secondRunTime)
        #expect(try page(stores.server, 2) == ["d", "f"])
    }

    @Test("filtered and unfiltered queries keep separate lists")
    func listsPerQuery() throws {
        let store = try makeStore()
        try store.ingest(products: [makeProduct(pid: "a", price: 10), makeProduct(pid: "b", price: 2000)], run: store.newRun(), now: firstRunTime)
        var cheap = CatalogQuery(destination: destination, page: 1, perPage: 10)
        cheap.product = [(column: .price, comparison: .atMost, value: .number(100))]
        #expect(try store.catalogPage(cheap).total == 1)
        #expect(try store.catalogPage(CatalogQuery(destination: destination, page: 1, perPage: 10)).total == 2)
        #expect(try store.catalogPage(cheap).total == 1)
    }

    @Test("lists beyond the capacity push out the least recently used")
    func capacityEvictsLeastRecentlyUsed() throws {
        let snapshots = CatalogSnapshots(capacity: 5)
        var builds: [String] = []
        func ids(_ key: String, _ count: Int) -> [Int64] {
            snapshots.ids(for: key, version: 1, page: 1) {
                builds.append(key)
                return Array(0..<Int64(count))
            }
        }
        _ = ids("a", 2)
        _ = ids("b", 2)
        _ = ids("a", 2)
        _ = ids("c", 2)
        _ = ids("a", 2)
        _ = ids("b", 2)
        #expect(builds == ["a", "b", "c", "b"])
    }

    @Test("a list larger than the capacity is served but not kept")
    func oversizedListNotKept() throws {
        let snapshots = CatalogSnapshots(capacity: 1)
        var builds = 0
        for _ in 0..<2 {
            _ = snapshots.ids(for: "all", version: 1, page: 1) {
                builds += 1
                return [1, 2, 3]
            }
        }
        #expect(builds == 2)
    }
}
