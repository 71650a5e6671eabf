import FeedSyncCore
import FeedSyncStore
import Foundation
import Testing

struct StateLockTests {
    @Test("a second lock on the same store fails, naming the holder's process id")
    func secondLockFails() throws {
        let folder = try TemporaryStoreFolder()
        defer { folder.remove() }
        let store = folder.file("feedsync.sqlite")
        let first = try StateLock(store: store)
        defer { withExtendedLifetime(first) {} }
        let error = try #require(throws: StateLockError.self) { try StateLock(store: store) }
        #expect(error.holder == String(getpid()))
        #expect(error.path == store.path + ".lock")
        #expect(error.reason == nil)
        #expect(error.description.contains("process \(getpid())"), "\(error)")
        #expect(error.description.contains(store.path + ".lock"), "\(error)")
        #expect(error.kind == .run)
    }

    @Test("after the first lock is released, a new lock succeeds")
    func relockAfterRelease() throws {
        let folder = try TemporaryStoreFolder()
        defer { folder.remove() }
        let store = folder.file("feedsync.sqlite")
        do {
            let first = try StateLock(store: store)
            withExtendedLifetime(first) {}
        }
        let second = try StateLock(store: store)
        withExtendedLifetime(second) {}
    }

    @Test("a failed attempt does not release the holder's lock")
    func failedAttemptKeepsLock() throws {
        let folder = try TemporaryStoreFolder()
        defer { folder.remove() }
        let store = folder.file("feedsync.sqlite")
        let first = try StateLock(store: store)
        defer { withExtendedLifetime(first) {} }
        #expect(throws: StateLockError.self) { try StateLock(store: store) }
        #expect(throws: StateLockError.self) { try StateLock(store: store) }
    }

    @Test("the lock file is made beside the store, in a new folder, and holds the process id")
    func lockFileHoldsPid() throws {
        let folder = try TemporaryStoreFolder()
        defer { folder.remove() }
        let store = folder.file("state/feedsync.sqlite")
        let lock = try StateLock(store: store)
        defer { withExtendedLifetime(lock) {} }
        let text = try String(contentsOfFile: store.path + ".lock", encoding: .utf8)
        #expect(text == "\(getpid())\n")
    }

    @Test("locks on different stores do not conflict")
    func differentStores() throws {
        let folder = try TemporaryStoreFolder()
        defer { folder.remove() }
        let first = try StateLock(store: folder.file("one.sqlite"))
        let second = try StateLock(store: folder.file("two.sqlite"))
        withExtendedLifetime((first, second)) {}
    }

    @Test("a lock file that cannot be made gives an error naming it and the reason")
    func lockFileCannotBeMade() throws {
        let folder = try TemporaryStoreFolder()
        defer { folder.remove() }
        let blocker = folder.file("blocker")
        try Data("a file, not a folder".utf8).write(to: blocker)
        let store = blocker.appendingPathComponent("feedsync.sqlite")
        let error = try #require(throws: StateLockError.self) { try StateLock(store: store) }
        #expect(error.reason != nil)
        #expect(error.description.hasPrefix("cannot open the state lock \(store.path).lock: "), "\(error)")
    }

    @Test("a lock held by a holder that wrote no pid names no process")
    func holderWithoutPid() throws {
        let folder = try TemporaryStoreFolder()
        defer { folder.remove() }
        let store = folder.file("feedsync.sqlite")
        let path = store.path + ".lock"
        let descriptor = open(path, O_RDWR | O_CREAT, 0o644)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        try #require(flock(descriptor, LOCK_EX | LOCK_NB) == 0)
        let error = try #require(throws: StateLockError.self) { try StateLock(store: store) }
        #expect(error.holder == nil)
        #expect(error.description.hasPrefix("another feedsync process is already syncing"), "\(error)")
    }
}
