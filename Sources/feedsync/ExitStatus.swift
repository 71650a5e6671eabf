import FeedSyncCore

/// The exit codes of the design, in one place.
enum ExitStatus {
    static let success: Int32 = 0
    static let failed: Int32 = 1
    static let usage: Int32 = 2
    static let rejected: Int32 = 3

    /// Thrown by a command to end with a code after it has reported.
    struct Code: Error {
        var value: Int32
    }

    /// The code a finished run ends with: failed batches or errors beat rejections.
    static func code(for report: RunReport) -> Int32 {
        if report.failedBatches > 0 || !report.errors.isEmpty { return failed }
        if report.rejected > 0 { return rejected }
        return success
    }
}
