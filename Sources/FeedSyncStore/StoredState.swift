import GRDB
import GRDBSQLite

/// What the store holds for a pid a run reads again: enough to classify it without its body.
struct StoredState {
    var id: Int64
    var hash: Int64
    var ackedHash: Int64?
    var createdAt: Int64
    var updatedAt: Int64
    var withdrawn: Int
    /// Whether the stored source is the one given to the lookup.
    var sameSource: Bool

    /// The statement ``fetch(_:destination:pid:source:)`` runs, prepared once per connection.
    static func statement(_ db: Database) throws -> Statement {
        try db.cachedStatement(sql: """
            SELECT id, hash, acked_hash, created_at, updated_at, withdrawn, source = ?
            FROM product WHERE destination = ? AND pid = ?
            """)
    }

    /// Binds `text` to parameter `index` of `sqlite`, SQLite keeping its own copy.
    static func bind(_ text: String, at index: Int32, in sqlite: OpaquePointer) {
        var text = text
        text.withUTF8 { bytes in
            // SQLITE_TRANSIENT: SQLite copies the text; an empty buffer has no address, so "" stands in.
            let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
            if let base = bytes.baseAddress {
                _ = base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                    sqlite3_bind_text(sqlite, index, $0, Int32(bytes.count), transient)
                }
            } else {
                _ = sqlite3_bind_text(sqlite, index, "", 0, transient)
            }
        }
    }

    /// Looks `pid` up through SQLite's C API on GRDB's prepared statement.
    ///
    /// This is the one query a sync runs per product. GRDB's `Row.fetchOne` copies the row
    /// and finds columns by case-insensitive name: about 30,000 instructions a lookup,
    /// a quarter of a no-change sync of 100,000 products (callgrind), and binding through
    /// `StatementArguments` another 10,000. Binding and reading by position on the
    /// stepped statement leaves SQLite's own search (about 10,000).
    static func fetch(_ statement: Statement, destination: String, pid: String, source: String) throws -> StoredState? {
        let sqlite = statement.sqliteStatement
        sqlite3_reset(sqlite)
        defer { sqlite3_reset(sqlite) }
        // Bound directly: GRDB's StatementArguments cost as much again as the lookup itself.
        bind(source, at: 1, in: sqlite)
        bind(destination, at: 2, in: sqlite)
        bind(pid, at: 3, in: sqlite)
        let code = sqlite3_step(sqlite)
        switch code {
        case SQLITE_ROW:
            return StoredState(columnsOf: sqlite)
        case SQLITE_DONE:
            return nil
        default:
            throw failure(code, statement)
        }
    }

    /// The state in the first seven result columns of the row `sqlite` is stepped onto:
    /// id, hash, acked_hash, created_at, updated_at, withdrawn, and whether the source matched.
    init(columnsOf sqlite: OpaquePointer) {
        id = sqlite3_column_int64(sqlite, 0)
        hash = sqlite3_column_int64(sqlite, 1)
        ackedHash = sqlite3_column_type(sqlite, 2) == SQLITE_NULL ? nil : sqlite3_column_int64(sqlite, 2)
        createdAt = sqlite3_column_int64(sqlite, 3)
        updatedAt = sqlite3_column_int64(sqlite, 4)
        withdrawn = Int(sqlite3_column_int64(sqlite, 5))
        sameSource = sqlite3_column_int64(sqlite, 6) != 0
    }

    /// The error SQLite reported with result `code` while stepping `statement`.
    static func failure(_ code: Int32, _ statement: Statement) -> DatabaseError {
        DatabaseError(
            resultCode: ResultCode(rawValue: code),
            message: String(cString: sqlite3_errmsg(sqlite3_db_handle(statement.sqliteStatement))), sql: statement.sql)
    }
}
