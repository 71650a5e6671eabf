import GRDB
import GRDBSQLite
import Synchronization

/// The stored states of the rows that follow the last product looked up, read ahead in one
/// range scan, so that a run reading its catalog in the order it was first recorded finds
/// most products without an index search.
///
/// Rows are numbered in the order a source first gave them, and a shop exports its catalog
/// in much the same order every time. One index search (`destination, pid`) with its row
/// fetch cost about 12,700 instructions a product, 13% of a no-change sync of 100,000
/// products (callgrind), and misses the CPU caches across a large B-tree; walking the next
/// ``size`` rows by id costs a fraction of that. A product not in the window is searched
/// for as before, and the window moves on only when that product lies just past it, so a
/// feed in another order costs one search a product, as without the window.
///
/// The window holds rows as they are in the store. It is used only inside a source's
/// transaction (``open()`` to ``close()``), where this run's ingest is the only writer and
/// forgets a pid it rewrites; it is emptied when the transaction ends, since a rollback
/// restores rows it may have seen changed. At most ``size`` states are held.
final class StoredStateWindow: Sendable {
    /// Rows read ahead at once.
    static let size = 1000

    private struct Window {
        /// The rows read, in id order; a state is `nil` once its row was rewritten.
        var rows: [(pid: String, state: StoredState?)] = []
        /// The row the next product is expected at: a feed in its recorded order is
        /// matched by comparing one pid, without hashing.
        var cursor = 0
        /// Row positions by pid, built at the first product out of order.
        var positions: [String: Int]?
        /// One past the highest row id read.
        var end: Int64 = 0
        /// What the states were read for: another destination or source reads afresh.
        var destination = ""
        var source = ""
        /// Whether a source's transaction is open, so that reading ahead is safe.
        var isOpen = false

        func covers(destination: String, source: String) -> Bool {
            isOpen && !rows.isEmpty && self.destination == destination && self.source == source
        }

        /// The position of `pid`'s row, if the window holds it.
        mutating func position(of pid: String) -> Int? {
            if cursor < rows.count, rows[cursor].pid == pid { return cursor }
            if positions == nil {
                var built: [String: Int] = [:]
                built.reserveCapacity(rows.count)
                for index in rows.indices { built[rows[index].pid] = index }
                positions = built
            }
            return positions?[pid]
        }

        /// `pid`'s state, moving the cursor past its row.
        mutating func state(of pid: String) -> StoredState? {
            guard let index = position(of: pid) else { return nil }
            cursor = index + 1
            return rows[index].state
        }

        mutating func forget(_ pid: String) {
            // Usually the product just looked up, just before the cursor.
            if cursor > 0, cursor <= rows.count, rows[cursor - 1].pid == pid {
                rows[cursor - 1].state = nil
            } else if let index = position(of: pid) {
                rows[index].state = nil
            }
        }
    }

    private let window = Mutex(Window())

    /// Starts reading ahead, empty: a source's transaction begins.
    func open() {
        window.withLock { $0 = Window(isOpen: true) }
    }

    /// Stops reading ahead and forgets every state read: the transaction ended, or a new run begins.
    func close() {
        window.withLock { $0 = Window() }
    }

    /// Forgets `pid`'s state, after its row was written.
    func forget(_ pid: String) {
        window.withLock { $0.forget(pid) }
    }

    /// The stored state of `pid`, from the window when it holds it, else by index search
    /// (then reading ahead from there when the product lies just past the window).
    func state(of pid: String, destination: String, source: String, db: Database) throws -> StoredState? {
        let held = window.withLock { window in
            window.covers(destination: destination, source: source) ? window.state(of: pid) : nil
        }
        if let held { return held }
        guard let found = try StoredState.fetch(StoredState.statement(db), destination: destination, pid: pid, source: source) else {
            return nil
        }
        let readAhead = window.withLock { window in
            window.isOpen && (!window.covers(destination: destination, source: source)
                || (found.id >= window.end && found.id < window.end + Int64(Self.size)))
        }
        if readAhead { try read(after: found.id, destination: destination, source: source, db: db) }
        return found
    }

    /// Replaces the window with the states of the ``size`` rows of `destination` after row `id`.
    ///
    /// `NOT INDEXED`: otherwise SQLite answers `destination = ?` from the key index and
    /// sorts the whole destination by id for every window (measured: a sync 2.5× slower).
    private func read(after id: Int64, destination: String, source: String, db: Database) throws {
        let statement = try db.cachedStatement(sql: """
            SELECT id, hash, acked_hash, created_at, updated_at, withdrawn, source = ?, pid
            FROM product NOT INDEXED WHERE id > ? AND destination = ? ORDER BY id LIMIT ?
            """)
        let sqlite = statement.sqliteStatement
        sqlite3_reset(sqlite)
        defer { sqlite3_reset(sqlite) }
        StoredState.bind(source, at: 1, in: sqlite)
        sqlite3_bind_int64(sqlite, 2, id)
        StoredState.bind(destination, at: 3, in: sqlite)
        sqlite3_bind_int64(sqlite, 4, Int64(Self.size))
        var rows: [(pid: String, state: StoredState?)] = []
        rows.reserveCapacity(Self.size)
        var end = id + 1
        while true {
            let code = sqlite3_step(sqlite)
            if code == SQLITE_DONE { break }
            guard code == SQLITE_ROW else { throw StoredState.failure(code, statement) }
            let state = StoredState(columnsOf: sqlite)
            let length = Int(sqlite3_column_bytes(sqlite, 7))
            guard let text = sqlite3_column_text(sqlite, 7) else { continue }
            let pid = String(decoding: UnsafeBufferPointer(start: text, count: length), as: UTF8.self)
            rows.append((pid, state))
            end = state.id + 1
        }
        window.withLock { window in
            window = Window(rows: rows, end: end, destination: destination, source: source, isOpen: true)
        }
    }
}
