import FeedSyncCore
import Foundation
import GRDB

extension StateStore {
    /// How many products of `sources` are active (not withdrawn) at `destination`.
    /// - Throws: ``StoreError``.
    public func activeCount(destination: String, sources: [String]) throws -> Int {
        guard !sources.isEmpty else { return 0 }
        return try read("count active products") { db in
            try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM product WHERE destination = ? AND withdrawn = 0 AND source IN (\(Self.placeholders(sources.count)))
                """, arguments: StatementArguments([destination] + sources)) ?? 0
        }
    }

    /// The active products of `sources` that run `run` did not see: the ones that left the catalog.
    /// - Parameters:
    ///   - dryRun: compare with the pids a dry run recorded instead of the run's marks.
    /// - Returns: their pids, sorted.
    /// - Throws: ``StoreError``.
    public func withdrawalCandidates(destination: String, sources: [String], run: Int64, dryRun: Bool = false) throws -> [String] {
        guard !sources.isEmpty else { return [] }
        let unseen = dryRun ? "pid NOT IN (SELECT pid FROM temp.dry_run_seen)" : "seen_run <> ?"
        return try write("find withdrawn products") { db in
            if dryRun { try Self.createDryRunTable(db) }
            var arguments: [(any DatabaseValueConvertible)?] = [destination]
            arguments += sources
            if !dryRun { arguments.append(run) }
            return try String.fetchAll(db, sql: """
                SELECT pid FROM product
                WHERE destination = ? AND withdrawn = 0 AND source IN (\(Self.placeholders(sources.count))) AND \(unseen)
                ORDER BY pid
                """, arguments: StatementArguments(arguments))
        }
    }

    /// Marks products withdrawn, in one transaction.
    /// - Parameters:
    ///   - pids: the products that left the catalog.
    ///   - outOfStock: re-import them with `in_stock: false` (they become pending); otherwise
    ///     only mark them, leaving the destination as it is.
    ///   - now: their new `updated_at` when they change.
    /// - Throws: ``StoreError``.
    public func withdraw(_ pids: [String], destination: String, outOfStock: Bool, now: Date) throws {
        try write("record withdrawn products") { db in
            for pid in pids {
                guard outOfStock else {
                    // 2: withdrawn but kept as it was at the destination, so never sent for it.
                    try db.cachedStatement(sql: "UPDATE product SET withdrawn = 2 WHERE destination = ? AND pid = ?")
                        .execute(arguments: [destination, pid])
                    continue
                }
                guard let body = try String.fetchOne(
                    db.cachedStatement(sql: "SELECT body FROM product WHERE destination = ? AND pid = ?"), arguments: [destination, pid]),
                    var product = try? JSONDecoder().decode(Product.self, from: Data(body.utf8))
                else { continue }
                product.inStock = false
                product.updatedAt = now
                try replace(
                    product, hash: Int64(bitPattern: product.contentHash), incoming: nil, db: db, destination: destination,
                    run: nil, categoriesChanged: false, withdrawn: true)
            }
        }
    }

    static func placeholders(_ count: Int) -> String {
        Array(repeating: "?", count: count).joined(separator: ", ")
    }
}
