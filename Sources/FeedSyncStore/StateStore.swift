import FeedSyncCore
import Foundation
import GRDB

/// What feedsync remembers between runs, per destination and pid: the current mapped
/// product, its content hash, what the destination acknowledged, and what was withdrawn.
///
/// SQLite through GRDB: one file the user can copy and inspect, safe against `kill -9`
/// (every acknowledged batch is one transaction), and queryable by the server with
/// indexes rather than by loading the catalog.
public struct StateStore: Sendable {
    let writer: any DatabaseWriter
    /// The products the run in progress has seen.
    let marks = RunMarks()
    /// Stored states read ahead for the source being recorded.
    let window = StoredStateWindow()
    /// Result lists of recent webhook queries.
    public let snapshots: CatalogSnapshots
    /// Where the store lives, for messages (`:memory:` for in-memory stores).
    public let location: String

    /// Opens (creating when needed) the store at `url` and brings its schema up to date.
    /// - Parameters:
    ///   - url: the SQLite file; its folder is created when missing.
    ///   - snapshots: the cache of webhook result lists (a server may pass its own settings).
    /// - Throws: ``StoreError`` naming the file and the reason.
    public init(url: URL, snapshots: CatalogSnapshots = CatalogSnapshots()) throws {
        location = url.path
        self.snapshots = snapshots
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            var configuration = Configuration()
            // A second process (serve, or a sync waiting on the lock) may hold the file briefly.
            configuration.busyMode = .timeout(10)
            // A source is recorded in one transaction that spans the chunks of its read
            // (beginSource/endSource), so GRDB must let it stay open between accesses.
            configuration.allowsUnsafeTransactions = true
            configuration.prepareDatabase { db in
                // In WAL mode NORMAL syncs at checkpoints, not at every commit: a power loss
                // may undo the last commits (a batch is then sent again, a chunk read again),
                // never corrupt the file; a killed process loses nothing. FULL cost a sync
                // of a million new products one fsync per chunk of 1000.
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
            }
            writer = try DatabasePool(path: url.path, configuration: configuration)
            try Self.migrator.migrate(writer)
        } catch {
            throw StoreError(location: url.path, operation: "open", underlying: error)
        }
    }

    /// An empty in-memory store, for tests and dry runs of tools.
    /// - Parameter snapshots: the cache of webhook result lists.
    public init(snapshots: CatalogSnapshots = CatalogSnapshots()) throws {
        location = ":memory:"
        self.snapshots = snapshots
        var configuration = Configuration()
        configuration.allowsUnsafeTransactions = true
        writer = try DatabaseQueue(configuration: configuration)
        try Self.migrator.migrate(writer)
    }

    /// Runs `body` in one write transaction (or in the source's transaction when one is open),
    /// turning database errors into ``StoreError``.
    func write<T>(_ operation: String, _ body: (Database) throws -> T) throws -> T {
        do {
            return try writer.writeWithoutTransaction { db in
                // Inside a source's transaction a failure undoes the whole source, so the
                // chunk needs no savepoint of its own.
                if db.isInsideTransaction { return try body(db) }
                var result: T?
                try db.inTransaction {
                    result = try body(db)
                    return .commit
                }
                guard let result else { throw StoreError(location: location, operation: operation, reason: "the transaction was rolled back") }
                return result
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(location: location, operation: operation, underlying: error)
        }
    }

    /// Runs `body` with read access, turning database errors into ``StoreError``.
    func read<T>(_ operation: String, _ body: (Database) throws -> T) throws -> T {
        do {
            return try writer.read(body)
        } catch {
            throw StoreError(location: location, operation: operation, underlying: error)
        }
    }
}
