import FeedSyncCore
@testable import FeedSyncStore
import Foundation
import GRDB
import Testing

struct StoreFileTests {
    @Test("a store at a path in a new nested folder is created and works")
    func createsNestedFolder() throws {
        let folder = try TemporaryStoreFolder()
        defer { folder.remove() }
        let url = folder.file("state/nested/feedsync.sqlite")
        let store = try StateStore(url: url)
        #expect(store.location == url.path)
        #expect(FileManager.default.fileExists(atPath: url.path))
        let changes = try store.ingest(products: [makeProduct()], run: store.newRun(), now: firstRunTime)
        #expect(changes == [.new])
        #expect(try store.pendingCount(destination: destination, selection: .unacknowledged) == 1)
    }

    @Test("reopening a store keeps its products, acknowledgements and run log")
    func reopeningKeepsData() throws {
        let folder = try TemporaryStoreFolder()
        defer { folder.remove() }
        let url = folder.file("feedsync.sqlite")
        do {
            let store = try StateStore(url: url)
            let run = try store.newRun()
            try store.ingest(products: [makeProduct(pid: "a"), makeProduct(pid: "b")], run: run, now: firstRunTime)
            try store.acknowledge(
                try store.pending(destination: destination, selection: .unacknowledged, after: nil, limit: 1),
                destination: destination, at: firstRunTime)
            try store.finishRun(run, outcome: "ok", report: "{}", at: firstRunTime)
        }
        let reopened = try StateStore(url: url)
        #expect(try reopened.allPending().map(\.pid) == ["b"])
        #expect(try reopened.lastRun(destination: destination)?.outcome == "ok")
        let changes = try reopened.ingest(products: [makeProduct(pid: "a")], run: reopened.newRun(at: secondRunTime), now: secondRunTime)
        #expect(changes == [.unchanged])
    }

    @Test("every migration is recorded once, and reopening runs none again")
    func migrationsRecordedOnce() throws {
        let folder = try TemporaryStoreFolder()
        defer { folder.remove() }
        let url = folder.file("feedsync.sqlite")
        _ = try StateStore(url: url)
        _ = try StateStore(url: url)
        let queue = try DatabaseQueue(path: url.path)
        let identifiers = try queue.read { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid") }
        #expect(identifiers == StateStore.migrator.migrations)
        #expect(identifiers.first == "v1: products, categories, runs")
        #expect(try queue.read { db in try StateStore.migrator.hasCompletedMigrations(db) })
    }

    @Test("a file that is not a database gives a store error naming the path")
    func garbageFile() throws {
        let folder = try TemporaryStoreFolder()
        defer { folder.remove() }
        let url = folder.file("feedsync.sqlite")
        try Data(String(repeating: "this is not an SQLite database\n", count: 300).utf8).write(to: url)
        let error = try #require(throws: StoreError.self) { try StateStore(url: url) }
        #expect(error.location == url.path)
        #expect(error.operation == "open")
        #expect(error.description.hasPrefix("state store \(url.path): cannot open: "))
        #expect(error.reason.contains("not a database"), "\(error)")
        #expect(error.kind == .run)
    }

    @Test("a folder that cannot be made gives a store error naming the path")
    func folderCannotBeMade() throws {
        let folder = try TemporaryStoreFolder()
        defer { folder.remove() }
        let blocker = folder.file("blocker")
        try Data("a file, not a folder".utf8).write(to: blocker)
        let url = blocker.appendingPathComponent("feedsync.sqlite")
        let error = try #require(throws: StoreError.self) { try StateStore(url: url) }
        #expect(error.location == url.path)
        #expect(error.description.contains(url.path))
    }

    @Test("an in-memory store says so in its location")
    func inMemoryLocation() throws {
        #expect(try makeStore().location == ":memory:")
    }
}
