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
            let filter: String
            var arguments: [(any DatabaseValueConvertible)?] = [destination]
            switch selection {
            case .unacknowledged:
                filter = "(acked_hash IS NULL OR acked_hash <> hash) AND (refused_hash IS NULL OR refused_hash <> hash) AND withdrawn <> 2"
            case .readInRun(let run):
                filter = "seen_run = ?"
                arguments.append(run)
            }
            arguments.append(after ?? "")
            arguments.append(limit)
            return try Row.fetchAll(db, sql: """
                SELECT pid, hash, body FROM product
                WHERE destination = ? AND \(filter) AND pid > ?
                ORDER BY pid LIMIT ?
                """, arguments: StatementArguments(arguments))
                .map { PendingProduct(pid: $0["pid"], hash: $0["hash"], body: $0["body"]) }
        }
    }

    /// How many products wait for acknowledgement.
    /// - Throws: ``StoreError``.
    public func pendingCount(destination: String, selection: Selection) throws -> Int {
        try read("count pending products") { db in
            switch selection {
            case .unacknowledged:
                return try Int.fetchOne(db, sql: """
                    SELECT COUNT(*) FROM product WHERE destination = ?
                    AND (acked_hash IS NULL OR acked_hash <> hash) AND (refused_hash IS NULL OR refused_hash <> hash) AND withdrawn <> 2
                    """, arguments: [destination]) ?? 0
            case .readInRun(let run):
                return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM product WHERE destination = ? AND seen_run = ?", arguments: [destination, run]) ?? 0
            }
        }
    }

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
