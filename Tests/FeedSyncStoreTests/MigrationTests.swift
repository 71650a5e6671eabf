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

@Suite("Schema migrations: v5 re-hashes content")
struct RehashMigrationTests {
    /// A v4 store holding `products`, each with the given (old-style) hashes.
    private func makeV4Store(at url: URL, _ rows: [(product: Product, hash: Int64, acked: Int64?, refused: Int64?)]) throws {
        let queue = try DatabaseQueue(path: url.path)
        try StateStore.migrator.migrate(queue, upTo: "v4: compact product rows, bodies apart, a catalog version")
        try queue.write { db in
            for row in rows {
                try db.execute(sql: """
                    INSERT INTO product (destination, pid, source, origin, hash, name, url, price, old_price, in_stock,
                                         created_at, updated_at, withdrawn, acked_hash, refused_hash)
                    VALUES (?, ?, 'shop', 'catalog.csv:2', ?, ?, ?, ?, ?, 1, 1700000000, 1700000000, 0, ?, ?)
                    """, arguments: [
                        destination, row.product.pid, row.hash, row.product.name, row.product.url, row.product.price,
                        row.product.oldPrice, row.acked, row.refused,
                    ])
                try db.execute(sql: "INSERT INTO product_body (id, body) VALUES (?, ?)",
                               arguments: [db.lastInsertedRowID, row.product.jsonText])
            }
        }
    }

    /// Opens (so migrates) a v4 store holding `rows` in `folder`, after `edit` changed it.
    private func migratedStore(
        _ rows: [(product: Product, hash: Int64, acked: Int64?, refused: Int64?)], in folder: TemporaryStoreFolder,
        editing edit: (DatabaseQueue) throws -> Void = { _ in }
    ) throws -> StateStore {
        let url = folder.file("state.sqlite")
        try makeV4Store(at: url, rows)
        let queue = try DatabaseQueue(path: url.path)
        try edit(queue)
        try queue.close()
        return try StateStore(url: url)
    }

    @Test("an acknowledged product is unchanged after the re-hash, and its hash is the new content hash")
    func acknowledgedStaysUnchanged() throws {
        let folder = try TemporaryStoreFolder()
        defer { folder.remove() }
        let product = makeProduct(pid: "p1")
        let store = try migratedStore([(product, 111, 111, nil)], in: folder)
        let stored = try #require(try store.stored("p1"))
        #expect(stored.hash == product.storedHash)
        #expect(stored.ackedHash == product.storedHash)
        #expect(try store.ingest(products: [product], run: store.newRun(), now: secondRunTime) == [.unchanged])
    }

    @Test("a product whose acknowledged content is older stays pending after the re-hash")
    func olderAcknowledgementStaysPending() throws {
        let folder = try TemporaryStoreFolder()
        defer { folder.remove() }
        let product = makeProduct(pid: "p2")
        let store = try migratedStore([(product, 222, 999, nil)], in: folder)
        #expect(try store.allPending().map(\.pid) == ["p2"])
        #expect(try store.ingest(products: [product], run: store.newRun(), now: secondRunTime) == [.changed])
    }

    @Test("a never-sent product stays new, and a refusal of the current content is kept")
    func newAndRefusedKeepTheirState() throws {
        let folder = try TemporaryStoreFolder()
        defer { folder.remove() }
        let fresh = makeProduct(pid: "p3")
        let refused = makeProduct(pid: "p4", price: 5)
        let store = try migratedStore([(fresh, 333, nil, nil), (refused, 444, nil, 444)], in: folder)
        #expect(try store.stored("p4")?.refusedHash == refused.storedHash)
        #expect(try store.allPending().map(\.pid) == ["p3"])
        #expect(try store.ingest(products: [fresh, refused], run: store.newRun(), now: secondRunTime) == [.new, .new])
    }

    @Test("a body that no longer decodes gets a hash no read product has, so the next read replaces it")
    func undecodableBodyIsReplaced() throws {
        let folder = try TemporaryStoreFolder()
        defer { folder.remove() }
        let product = makeProduct(pid: "p5")
        let store = try migratedStore([(product, 555, 555, nil)], in: folder) { queue in
            try queue.write { try $0.execute(sql: "UPDATE product_body SET body = '{\"pid\":'") }
        }
        #expect(try store.stored("p5")?.hash != product.storedHash)
        #expect(try store.ingest(products: [product], run: store.newRun(), now: secondRunTime) == [.changed])
        #expect(try store.stored("p5")?.hash == product.storedHash)
        #expect(try store.stored("p5")?.decodedBody().pid == "p5")
    }
}
