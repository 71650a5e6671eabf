import Foundation

/// Hands pages from the prefetching task to the reading one, one at a time.
///
/// A rendezvous: ``send(_:)`` returns only once the reader has taken the page, so the
/// producer starts fetching page N+2 only when the reader has moved on to page N+1. At
/// most two pages are held at once: the one being read, and the one being fetched or
/// waiting. An `NSLock` guards the state (`Mutex` needs macOS 15; the package supports 14),
/// hence `@unchecked Sendable`.
final class PageChannel: @unchecked Sendable {
    private let lock = NSLock()
    private var offered: FetchedPage?
    private var sender: CheckedContinuation<Void, any Error>?
    private var receiver: CheckedContinuation<FetchedPage?, any Error>?
    private var end: Result<Void, any Error>?
    private var cancelled = false

    /// Offers `page` and waits until the reader takes it.
    /// - Throws: `CancellationError` when the reader has gone or the task is cancelled.
    func send(_ page: FetchedPage) async throws {
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                lock.lock()
                if cancelled {
                    lock.unlock()
                    continuation.resume(throwing: CancellationError())
                } else if let waiting = receiver {
                    receiver = nil
                    lock.unlock()
                    waiting.resume(returning: page)
                    continuation.resume()
                } else {
                    offered = page
                    sender = continuation
                    lock.unlock()
                }
            }
        } onCancel: {
            cancel()
        }
    }

    /// Takes the next page.
    /// - Returns: the page, or `nil` after the producer finished.
    /// - Throws: the producer's error once every page before it has been taken;
    ///   `CancellationError` when the reading task is cancelled.
    func receive() async throws -> FetchedPage? {
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<FetchedPage?, any Error>) in
                lock.lock()
                if let page = offered {
                    offered = nil
                    let waiting = sender
                    sender = nil
                    lock.unlock()
                    waiting?.resume()
                    continuation.resume(returning: page)
                } else if let end {
                    lock.unlock()
                    continuation.resume(with: end.map { nil })
                } else if cancelled {
                    lock.unlock()
                    continuation.resume(throwing: CancellationError())
                } else {
                    receiver = continuation
                    lock.unlock()
                }
            }
        } onCancel: {
            cancel()
        }
    }

    /// Records that the producer stopped, after its last page or with `error`.
    func finish(_ error: (any Error)?) {
        lock.lock()
        end = error.map { .failure($0) } ?? .success(())
        let waiting = receiver
        receiver = nil
        lock.unlock()
        if let error { waiting?.resume(throwing: error) } else { waiting?.resume(returning: nil) }
    }

    /// Stops both sides: a waiting producer or reader is resumed with `CancellationError`.
    func cancel() {
        lock.lock()
        cancelled = true
        offered = nil
        let waitingSender = sender
        let waitingReceiver = receiver
        sender = nil
        receiver = nil
        lock.unlock()
        waitingSender?.resume(throwing: CancellationError())
        waitingReceiver?.resume(throwing: CancellationError())
    }
}
