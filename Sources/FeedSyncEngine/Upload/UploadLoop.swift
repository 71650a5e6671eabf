import FeedSyncCore
import FeedSyncStore
import Logging

/// Sends every selected product in batches, with a bounded number of batches in flight.
///
/// Batches are read from the store by keyset (pid order), so memory holds at most
/// `inFlight` batches whatever the catalog's size, and `ceil(pending / batchSize)`
/// requests are made when nothing fails.
struct UploadLoop: Sendable {
    let uploader: BatchUploader
    let batchSize: Int
    let inFlight: Int
    /// Checked before each new batch: true once a graceful shutdown was asked for.
    let shouldStop: @Sendable () -> Bool

    /// What the loop did.
    struct Tally: Sendable {
        var sent = 0
        var batches = 0
        var failedBatches = 0
        var refused: [(pid: String, reason: String)] = []
        var errors: [String] = []
        var interrupted = false
    }

    func run(selection: StateStore.Selection, progress: (_ sent: Int, _ batches: Int) -> Void = { _, _ in }) async throws -> Tally {
        var tally = Tally()
        var after: String?
        var stopping = false
        let store = uploader.store
        let destination = uploader.destination
        try await withThrowingTaskGroup(of: BatchUploader.Outcome.self) { group in
            var running = 0
            while true {
                while running < inFlight && !stopping {
                    if shouldStop() {
                        stopping = true
                        tally.interrupted = true
                        break
                    }
                    let batch = try store.pending(destination: destination, selection: selection, after: after, limit: batchSize)
                    guard let last = batch.last else {
                        stopping = true
                        break
                    }
                    after = last.pid
                    tally.batches += 1
                    group.addTask { await uploader.send(batch) }
                    running += 1
                }
                guard let outcome = try await group.next() else { break }
                running -= 1
                tally.sent += outcome.acknowledged
                tally.batches += max(0, outcome.requests - 1)
                tally.refused += outcome.refused
                if let failure = outcome.failure {
                    tally.failedBatches += 1
                    tally.errors.append(failure)
                }
                if outcome.stopsRun { stopping = true }
                progress(tally.sent, tally.batches)
            }
        }
        return tally
    }
}
