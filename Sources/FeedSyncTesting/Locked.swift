import Foundation

/// A value behind an `NSLock`, for state that server threads and test tasks share.
///
/// `@unchecked Sendable` because the compiler cannot see that every access goes through
/// ``withLock(_:)``, which holds the lock for the whole access. `Synchronization.Mutex`
/// would say this without `@unchecked`, but needs macOS 15 and the package supports 14.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) {
        self.value = value
    }

    /// Runs `body` with exclusive access to the value.
    func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
