import FeedSyncCore
import Foundation

/// An exclusive lock beside the state store, so two processes never sync the same store
/// at once. `flock` locks die with their process, so a `kill -9` leaves no stale lock.
public final class StateLock: Sendable {
    private let descriptor: Int32

    /// Takes the lock on `<store>.lock`, or fails at once when another process holds it.
    /// - Parameter store: the state store's file.
    /// - Throws: ``StateLockError`` naming the holder's process id when known.
    public init(store: URL) throws {
        let path = store.path + ".lock"
        try? FileManager.default.createDirectory(at: store.deletingLastPathComponent(), withIntermediateDirectories: true)
        let descriptor = open(path, O_RDWR | O_CREAT, 0o644)
        guard descriptor >= 0 else { throw StateLockError(path: path, holder: nil, reason: String(cString: strerror(errno))) }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            var buffer = [UInt8](repeating: 0, count: 32)
            let count = read(descriptor, &buffer, buffer.count)
            close(descriptor)
            let holder = count > 0 ? String(decoding: buffer.prefix(count), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) : nil
            throw StateLockError(path: path, holder: holder, reason: nil)
        }
        ftruncate(descriptor, 0)
        let text = "\(getpid())\n"
        _ = text.withCString { write(descriptor, $0, strlen($0)) }
        self.descriptor = descriptor
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}

/// The state store is locked by another process, or the lock file cannot be made.
public struct StateLockError: UserFacingError {
    /// The lock file.
    public var path: String
    /// The process id written by the holder, when known.
    public var holder: String?
    /// Why the lock file could not be opened, when that is the problem.
    public var reason: String?

    public var kind: FailureKind { .run }
    public var description: String {
        if let reason { return "cannot open the state lock \(path): \(reason)" }
        let who = holder.map { "process \($0)" } ?? "another feedsync process"
        return "\(who) is already syncing with this state store (lock \(path)); wait for it to finish"
    }
}
