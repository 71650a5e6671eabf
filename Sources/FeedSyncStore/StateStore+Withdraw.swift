import FeedSyncCore
import Foundation
import GRDB
import GRDBSQLite

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
        return try write("find withdrawn products") { db in
            let active = "destination = ? AND withdrawn = 0 AND source IN (\(Self.placeholders(sources.count)))"
            if dryRun {
                try Self.createDryRunTable(db)
                return try String.fetchAll(db, sql: """
                    SELECT pid FROM product WHERE \(active) AND pid NOT IN (SELECT pid FROM temp.dry_run_seen) ORDER BY pid
                    """, arguments: StatementArguments([destination] + sources))
            }
            return try unseenProducts(
                db, sql: "SELECT id, pid FROM product NOT INDEXED WHERE \(active)", arguments: [destination] + sources, run: run)
        }
    }

    /// The pids of the rows `sql` selects (`id, pid`) that `run` has not seen, in pid order.
    ///
    /// Every active product of the sources is looked at once per sync, so the rows are read
    /// in table order through SQLite's C API and a pid is only made a `String` when unseen:
    /// reading them in pid order through GRDB's rows cost about 4,000 instructions a
    /// product (4.5% of a no-change sync), with the table rows read in random order.
    private func unseenProducts(_ db: Database, sql: String, arguments: [String], run: Int64) throws -> [String] {
        let statement = try db.cachedStatement(sql: sql)
        let sqlite = statement.sqliteStatement
        sqlite3_reset(sqlite)
        defer { sqlite3_reset(sqlite) }
        for (index, argument) in arguments.enumerated() { StoredState.bind(argument, at: Int32(index + 1), in: sqlite) }
        let seen = marks.seen(run: run)
        var unseen: [String] = []
        while true {
            let code = sqlite3_step(sqlite)
            if code == SQLITE_DONE { break }
            guard code == SQLITE_ROW else { throw StoredState.failure(code, statement) }
            guard !seen.contains(sqlite3_column_int64(sqlite, 0)), let text = sqlite3_column_text(sqlite, 1) else { continue }
            unseen.append(String(decoding: UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(sqlite, 1))), as: UTF8.self))
        }
        // SQLite's BINARY collation, which `ORDER BY pid` used: UTF-8 bytes, not String's order.
        unseen.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        return unseen
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
                guard let row = try Row.fetchOne(
                    db.cachedStatement(sql: "SELECT p.id, b.body FROM product p JOIN product_body b ON b.id = p.id WHERE p.destination = ? AND p.pid = ?"),
                    arguments: [destination, pid]),
                    var product = try? JSONDecoder().decode(Product.self, from: Data((row["body"] as String).utf8))
                else { continue }
                product.inStock = false
                product.updatedAt = now
                try replace(
                    product, id: row["id"], hash: Int64(bitPattern: product.contentHash), incoming: nil, db: db,
                    destination: destination, categoriesChanged: false, withdrawn: true)
            }
        }
    }

    static func placeholders(_ count: Int) -> String {
        Array(repeating: "?", count: count).joined(separator: ", ")
    }
}
