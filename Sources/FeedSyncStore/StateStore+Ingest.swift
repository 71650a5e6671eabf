import FeedSyncCore
import Foundation
import GRDB

extension StateStore {
    /// Records a chunk of mapped products read in run `run`, in one transaction.
    ///
    /// Times the source does not give are kept stable: `created_at` is the first time the
    /// pid was seen and `updated_at` the last time its content changed, so an unchanged
    /// product stays byte-for-byte the same. An unchanged product from the same source costs
    /// one lookup and no write; where this run read each product is kept in memory.
    /// - Parameters:
    ///   - products: the chunk, in read order.
    ///   - destination: the network the state is kept for (`affili`).
    ///   - run: the run reading them.
    ///   - now: the run's time.
    ///   - dryRun: compare only: nothing but a per-connection list of seen pids is written.
    /// - Returns: each product's change, in order.
    /// - Throws: ``StoreError``.
    public func ingest(_ products: [IncomingProduct], destination: String, run: Int64, now: Date, dryRun: Bool = false) throws -> [ProductChange] {
        try write("record read products") { db in
            if dryRun { try Self.createDryRunTable(db) }
            let scratch = ContentHashScratch()
            return try products.map {
                try ingest($0, db: db, destination: destination, run: run, now: now, dryRun: dryRun, scratch: scratch)
            }
        }
    }

    private func ingest(
        _ incoming: IncomingProduct, db: Database, destination: String, run: Int64, now: Date, dryRun: Bool,
        scratch: ContentHashScratch
    ) throws -> ProductChange {
        var product = incoming.product
        let hash = Int64(bitPattern: product.contentHash(scratch: scratch))
        let existing = try window.state(of: product.pid, destination: destination, source: incoming.source, db: db)
        if dryRun, let earlier = try String.fetchOne(
            db.cachedStatement(sql: "SELECT origin FROM temp.dry_run_seen WHERE pid = ?"), arguments: [product.pid]) {
            try db.cachedStatement(sql: "UPDATE temp.dry_run_seen SET origin = ? WHERE pid = ?").execute(arguments: [incoming.origin, product.pid])
            return .duplicate(earlier: earlier)
        }
        if dryRun {
            try db.cachedStatement(sql: "INSERT INTO temp.dry_run_seen (pid, origin) VALUES (?, ?)").execute(arguments: [product.pid, incoming.origin])
        }
        guard let existing else {
            if !dryRun {
                try insert(product, hash: hash, incoming: incoming, db: db, destination: destination)
                _ = marks.mark(db.lastInsertedRowID, at: incoming.location, run: run)
            }
            return .new
        }
        let id = existing.id
        let duplicateOf = dryRun ? nil : marks.mark(id, at: incoming.location, run: run)?.description
        // An out-of-stock withdrawal changed the stored body; a kept one (2) did not.
        let contentChanged = existing.hash != hash || existing.withdrawn == 1
        if !incoming.hasOwnCreatedAt { product.createdAt = Date(timeIntervalSince1970: Double(existing.createdAt)) }
        if !incoming.hasOwnUpdatedAt {
            product.updatedAt = contentChanged ? now : Date(timeIntervalSince1970: Double(existing.updatedAt))
        }
        if !dryRun {
            let timesChanged = Int64(product.createdAt.timeIntervalSince1970) != existing.createdAt
                || Int64(product.updatedAt.timeIntervalSince1970) != existing.updatedAt
            if contentChanged || timesChanged || existing.withdrawn != 0 {
                window.forget(product.pid)
                try replace(product, id: id, hash: hash, incoming: incoming, db: db, destination: destination, categoriesChanged: contentChanged)
            } else if !existing.sameSource {
                window.forget(product.pid)
                try db.cachedStatement(sql: "UPDATE product SET origin = ?, source = ? WHERE id = ?")
                    .execute(arguments: [incoming.origin, incoming.source, id])
            }
        }
        if let duplicateOf { return .duplicate(earlier: duplicateOf) }
        guard let ackedHash = existing.ackedHash else { return .new }
        return ackedHash == hash ? .unchanged : .changed
    }

    private func insert(_ product: Product, hash: Int64, incoming: IncomingProduct, db: Database, destination: String) throws {
        try db.cachedStatement(sql: """
            INSERT INTO product (destination, pid, source, origin, hash, name, url, price, old_price, in_stock,
                                 created_at, updated_at, withdrawn)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)
            """).execute(arguments: [
                destination, product.pid, incoming.source, incoming.origin, hash, product.name, product.url,
                product.price, product.oldPrice, product.inStock, Int64(product.createdAt.timeIntervalSince1970),
                Int64(product.updatedAt.timeIntervalSince1970),
            ])
        try db.cachedStatement(sql: "INSERT INTO product_body (id, body) VALUES (?, ?)")
            .execute(arguments: [db.lastInsertedRowID, product.jsonText])
        try writeCategories(product, db: db, destination: destination)
    }

    /// Rewrites the stored product `id` (row, body and, when `categoriesChanged`, its categories).
    func replace(_ product: Product, id: Int64, hash: Int64, incoming: IncomingProduct?, db: Database, destination: String, categoriesChanged: Bool, withdrawn: Bool = false) throws {
        try db.cachedStatement(sql: """
            UPDATE product SET source = COALESCE(?, source), origin = COALESCE(?, origin), hash = ?, name = ?, url = ?,
                price = ?, old_price = ?, in_stock = ?, created_at = ?, updated_at = ?, withdrawn = ?
            WHERE id = ?
            """).execute(arguments: [
                incoming?.source, incoming?.origin, hash, product.name, product.url, product.price,
                product.oldPrice, product.inStock, Int64(product.createdAt.timeIntervalSince1970),
                Int64(product.updatedAt.timeIntervalSince1970), withdrawn, id,
            ])
        try db.cachedStatement(sql: "UPDATE product_body SET body = ? WHERE id = ?").execute(arguments: [product.jsonText, id])
        if categoriesChanged {
            try db.cachedStatement(sql: "DELETE FROM product_category WHERE destination = ? AND pid = ?").execute(arguments: [destination, product.pid])
            try writeCategories(product, db: db, destination: destination)
        }
    }

    private func writeCategories(_ product: Product, db: Database, destination: String) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO product_category (destination, pid, position, cid, name, url, parent_cid, is_primary)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for (position, category) in product.categories.enumerated() {
            try statement.execute(arguments: [
                destination, product.pid, position, category.cid, category.name, category.url, category.parentCid, category.isPrimary,
            ])
        }
    }

    static func createDryRunTable(_ db: Database) throws {
        try db.execute(sql: "CREATE TEMP TABLE IF NOT EXISTS dry_run_seen (pid TEXT PRIMARY KEY, origin TEXT NOT NULL)")
    }
}
