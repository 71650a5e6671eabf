import FeedSyncCore
@testable import FeedSyncStore
import Foundation
import GRDB
import Testing

@Suite("Schema migrations")
struct MigrationTests {
    @Test("a store written by the v3 schema opens with its products, bodies, categories and acknowledgements")
    func v3StoreMigrates() throws {
        let folder = try TemporaryStoreFolder()
        defer { folder.remove() }
        let url = folder.file("state.sqlite")
        let product = makeProduct(pid: "p7", price: 4200)
        let hash = Int64(bitPattern: product.contentHash)
        do {
            let queue = try DatabaseQueue(path: url.path)
            try StateStore.migrator.migrate(queue, upTo: "v3: a key-only index for paging the whole catalog")
            try queue.write { db in
                try db.execute(sql: """
                    INSERT INTO product (destination, pid, source, origin, hash, body, name, url, price, old_price, in_stock,
                                         created_at, updated_at, seen_run, withdrawn, acked_hash, sent_at)
                    VALUES (?, 'p7', 'shop', 'catalog.csv:9', ?, ?, ?, ?, 4200, 1200, 1, 1700000000, 1700000000, 1, 0, ?, 1700000000)
                    """, arguments: [destination, hash, product.jsonText, product.name, product.url, hash])
                try db.execute(sql: """
                    INSERT INTO product_category (destination, pid, position, cid, name, url, parent_cid, is_primary)
                    VALUES (?, 'p7', 0, '10', 'Lighting', 'https://shop.example/c/lighting', NULL, 1)
                    """, arguments: [destination])
            }
        }
        let store = try StateStore(url: url)
        let stored = try #require(try store.stored("p7"))
        #expect(stored.body == product.jsonText)
        #expect(stored.ackedHash == hash)
        #expect(stored.origin == "catalog.csv:9")
        #expect(try store.storedCategories("p7").map(\.cid) == ["10"])
        #expect(try store.catalogPage(CatalogQuery(destination: destination)).bodies == [product.jsonText])
        let changes = try store.ingest(products: [product], run: store.newRun(), now: secondRunTime)
        #expect(changes == [.unchanged])
    }
}
