import FeedSyncEngine
import Foundation
import Synchronization

/// A live progress line on a terminal (records read, products sent, rate, ETA), redrawn
/// at most twice a second; nothing at all when standard error is not a terminal, so logs
/// and cron mails stay plain.
final class ProgressLine: Sendable {
    private let enabled = isatty(STDERR_FILENO) == 1
    private let started = Date()
    // The run reports from its own tasks; the last drawing time is shared between them.
    private let lastDrawn = Mutex<Date>(.distantPast)

    /// Draws `progress` when half a second passed since the last drawing.
    func update(_ progress: SyncProgress) {
        guard enabled else { return }
        let now = Date()
        let due = lastDrawn.withLock { last in
            guard now.timeIntervalSince(last) >= 0.5 else { return false }
            last = now
            return true
        }
        guard due else { return }
        let elapsed = max(now.timeIntervalSince(started), 0.001)
        var text: String
        switch progress.phase {
        case .reading:
            text = "reading: \(progress.read) records (\(Int(Double(progress.read) / elapsed))/s)"
        case .sending:
            text = "sending: \(progress.sent)"
            if let total = progress.toSend, total > 0 {
                text += " of \(total) in \(progress.batches) requests"
                let rate = Double(progress.sent) / elapsed
                if rate > 0 { text += String(format: ", about %.0f s left", Double(total - progress.sent) / rate) }
            }
        }
        FileHandle.standardError.write(Data(("\r\u{1B}[2K" + text).utf8))
    }

    /// Clears the line before the summary is printed.
    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
    }
}
