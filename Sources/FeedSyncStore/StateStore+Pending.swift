import Foundation
import GRDB

extension StateStore {
    /// Which products a run sends.
    public enum Selection: Sendable {
        /// Whatever the destination has not acknowledged in its current content (sync),
        /// except content it refused before and products withdrawn under `keep`.
        case unacknowledged
        /// Everything run `run` read, acknowledged or not (import).
        case readInRun(Int64)
    }

    /// The next products to send, in pid order after `after` (keyset paging, so a million
    /// pending products are never held at once).
    /// - Throws: ``StoreError``.
    public func pending(destination: String, selection: Selection, after: String?, limit: Int) throws -> [PendingProduct] {
        try read("read pending products") { db in
            switch selection {
            case .unacknowledged:
                return try Row.fetchAll(db, sql: """
                    SELECT p.pid, p.hash, b.body FROM product p JOIN product_body b ON b.id = p.id
                    WHERE p.destination = ? AND \(Self.unacknowledged) AND p.pid > ?
                    ORDER BY p.pid LIMIT ?
                    """, arguments: [destination, after ?? "", limit])
                    .map { PendingProduct(pid: $0["pid"], hash: $0["hash"], body: $0["body"]) }
            case .readInRun(let run):
                // The run's marks are in memory: walk the catalog in pid order and keep the marked.
                var products: [PendingProduct] = []
                let rows = try Row.fetchCursor(db, sql: """
                    SELECT p.id, p.pid, p.hash, b.body FROM product p JOIN product_body b ON b.id = p.id
                    WHERE p.destination = ? AND p.pid > ? ORDER BY p.pid
                    """, arguments: [destination, after ?? ""])
                while products.count < limit, let row = try rows.next() {
                    if marks.contains(row[0], run: run) {
                        products.append(PendingProduct(pid: row[1], hash: row[2], body: row[3]))
                    }
                }
                return products
            }
        }
    }

    /// How many products wait for acknowledgement.
    /// - Throws: ``StoreError``.
    public func pendingCount(destination: String, selection: Selection) throws -> Int {
        switch selection {
        case .unacknowledged:
            return try read("count pending products") { db in
                // Named, because without statistics SQLite picks any index on `destination`
                // and counts by visiting every product (0.2 s for a million, nothing pending).
                try Int.fetchOne(
                    db, sql: "SELECT COUNT(*) FROM product p INDEXED BY product_pending WHERE p.destination = ? AND \(Self.unacknowledged)",
                    arguments: [destination]) ?? 0
            }
        case .readInRun(let run):
            return marks.count(run: run)
        }
    }

    /// Products whose current content the destination has not acknowledged, has not
    /// refused, and that are not withdrawn under `keep`.
    private static let unacknowledged = """
        (p.acked_hash IS NULL OR p.acked_hash <> p.hash) AND (p.refused_hash IS NULL OR p.refused_hash <> p.hash) AND p.withdrawn <> 2
        """

    /// Records that the destination acknowledged these products (a 2xx answer), in one
    /// transaction; a product whose content changed meanwhile stays pending.
    /// - Throws: ``StoreError``.
    public func acknowledge(_ products: [PendingProduct], destination: String, at time: Date) throws {
        try write("record acknowledged batch") { db in
            let statement = try db.cachedStatement(sql: """
                UPDATE product SET acked_hash = ?, sent_at = ?, refused_hash = NULL, refused_reason = NULL
                WHERE destination = ? AND pid = ? AND hash = ?
                """)
            for product in products {
                try statement.execute(arguments: [product.hash, Int64(time.timeIntervalSince1970), destination, product.pid, product.hash])
            }
        }
    }

    /// Records that the destination refused this content (400/422), so it is not sent
    /// again until it changes.
    /// - Throws: ``StoreError``.
    public func refuse(_ product: PendingProduct, destination: String, reason: String) throws {
        try write("record refused product") { db in
            try db.execute(
                sql: "UPDATE product SET refused_hash = ?, refused_reason = ? WHERE destination = ? AND pid = ? AND hash = ?",
                arguments: [product.hash, String(reason.prefix(500)), destination, product.pid, product.hash])
        }
    }

    /// Forgets a dry run's list of seen pids.
    /// - Throws: ``StoreError``.
    public func beginDryRun() throws {
        try write("start a dry run") { db in
            try Self.createDryRunTable(db)
            try db.execute(sql: "DELETE FROM temp.dry_run_seen")
        }
    }
}
