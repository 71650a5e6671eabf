import FeedSyncCore
import FeedSyncStore
import Foundation

extension SyncRun {
    /// Sends what the run owes the destination and records the answers.
    func upload(run: Int64, report: inout RunReport) async throws {
        guard let client else { return }
        let loop = UploadLoop(
            uploader: BatchUploader(
                client: client, store: store, destination: Self.destination, retry: options.retry, sleep: options.sleep, logger: logger),
            batchSize: options.batchSize, inFlight: options.inFlight, shouldStop: shouldStop)
        let selection: StateStore.Selection = options.mode == .sync ? .unacknowledged : .readInRun(run)
        let toSend = try store.pendingCount(destination: Self.destination, selection: selection)
        let read = report.read
        let tally = try await loop.run(selection: selection) { sent, batches in
            progress(SyncProgress(phase: .sending, read: read, sent: sent, batches: batches, toSend: toSend))
        }
        report.sent = tally.sent
        report.batches = tally.batches
        report.failedBatches = tally.failedBatches
        report.errors += tally.errors
        for refused in tally.refused {
            report.errors.append("pid \(refused.pid): \(refused.reason); it is sent again when its content changes")
        }
        if tally.interrupted {
            report.errors.append("stopped before every batch was sent; the next run sends the rest")
        }
    }
}
