import FeedSyncCore
import FeedSyncHTTP
import FeedSyncStore
import FeedSyncUpload
import Foundation
import Logging

/// Sends one batch of stored products to Affili and records the answer in the store.
///
/// Retries what may pass later (timeouts, dropped connections, 429, 5xx); splits a batch
/// Affili refuses (400/422) in halves until the refused products are isolated, marks
/// those refused and acknowledges the rest; stops at once on 401/403 or a wrong endpoint.
struct BatchUploader: Sendable {
    let client: AffiliClient
    let store: StateStore
    let destination: String
    let retry: RetryPolicy
    let sleep: RetryPolicy.Sleep
    let logger: Logger

    /// What became of a batch.
    struct Outcome: Sendable {
        var requests = 0
        var acknowledged = 0
        var refused: [(pid: String, reason: String)] = []
        /// Set when products stay unacknowledged: why.
        var failure: String?
        /// Whether the whole run must stop (token refused, wrong endpoint, endpoint down).
        var stopsRun = false
    }

    func send(_ batch: [PendingProduct]) async -> Outcome {
        var outcome = Outcome()
        await send(batch, into: &outcome)
        return outcome
    }

    private func send(_ batch: [PendingProduct], into outcome: inout Outcome) async {
        var attempt = 0
        while true {
            attempt += 1
            outcome.requests += 1
            let response: ImportResponse
            do {
                response = try await client.importProducts(jsonObjects: batch.map(\.body))
            } catch let error as TransportError {
                if error.isRetryable, attempt < retry.maxAttempts, await wait(after: attempt, retryAfter: nil) { continue }
                outcome.failure = "\(batch.count) products not acknowledged: \(error.description) (after \(attempt) tries)"
                outcome.stopsRun = true
                return
            } catch {
                outcome.failure = "\(batch.count) products not sent: \(error)"
                outcome.stopsRun = true
                return
            }
            switch response {
            case .accepted:
                do {
                    try store.acknowledge(batch, destination: destination, at: Date())
                    outcome.acknowledged += batch.count
                } catch {
                    outcome.failure = "Affili accepted \(batch.count) products but the state store could not record it: \(error)"
                    outcome.stopsRun = true
                }
                return
            case .failed(let failure) where failure.stopsRun:
                outcome.failure = failure.description
                outcome.stopsRun = true
                return
            case .failed(let failure) where failure.isRetryable:
                if attempt < retry.maxAttempts, await wait(after: attempt, retryAfter: failure.retryAfter) { continue }
                outcome.failure = "\(batch.count) products not acknowledged: \(failure.description) (after \(attempt) tries)"
                outcome.stopsRun = true
                return
            case .failed(let failure):
                await isolate(batch, failure: failure, into: &outcome)
                return
            }
        }
    }

    /// Splits a refused batch until the refused products stand alone.
    private func isolate(_ batch: [PendingProduct], failure: BatchFailure, into outcome: inout Outcome) async {
        guard batch.count > 1 else {
            guard let product = batch.first else { return }
            let reason = "Affili refused it (HTTP \(failure.status)): \(failure.bodySnippet)"
            do {
                try store.refuse(product, destination: destination, reason: reason)
            } catch {
                logger.error("could not record a refused product", metadata: ["product.pid": "\(product.pid)"])
            }
            outcome.refused.append((product.pid, reason))
            return
        }
        logger.debug("splitting a refused batch", metadata: ["batch.size": "\(batch.count)", "http.status": "\(failure.status)"])
        let middle = batch.count / 2
        await send(Array(batch[..<middle]), into: &outcome)
        if outcome.stopsRun { return }
        await send(Array(batch[middle...]), into: &outcome)
    }

    /// Waits before the next try; false when the server asks for too long a wait or the
    /// wait was cancelled (shutdown).
    private func wait(after attempt: Int, retryAfter: Duration?) async -> Bool {
        guard let delay = retry.delay(afterFailures: attempt, retryAfter: retryAfter) else { return false }
        logger.debug("retrying", metadata: ["retry.attempt": "\(attempt)", "retry.delay": "\(delay)"])
        do {
            try await sleep(delay)
            return true
        } catch {
            return false
        }
    }
}
