import FeedSyncCore
import Foundation
import Logging

/// How commands show their results: the `--json` report on standard output, a human
/// summary on standard error.
enum Reporting {
    /// A logger writing to standard error; `--verbose` shows each batch and request.
    static func logger(verbose: Bool) -> Logger {
        var logger = Logger(label: "feedsync") { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = verbose ? .debug : .warning
        return logger
    }

    /// Prints the run's outcome and returns the exit code it deserves.
    /// - Parameters:
    ///   - report: the run report.
    ///   - command: the command's name, for the summary line.
    ///   - json: whether to print the report as JSON on standard output.
    ///   - listRejections: whether the summary lists rejections (validate already printed them).
    ///   - byReason: whether to print the counts by field and reason (validate does).
    static func finish(_ report: RunReport, command: String, json: Bool, listRejections: Bool = true, byReason: Bool = false) -> Int32 {
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            if let data = try? encoder.encode(report) {
                FileHandle.standardOutput.write(data + Data("\n".utf8))
            }
        }
        if listRejections {
            for entry in report.rejections.prefix(20) {
                Console.info("rejected: \(entry.source): \(entry.location)\(entry.pid.map { ": pid \($0)" } ?? "")\(entry.field.map { ": \($0)" } ?? ""): \(entry.reason)")
            }
            if report.rejected > 20 {
                Console.info("… and \(report.rejected - 20) more rejections (run `feedsync validate` to list them all)")
            }
        }
        if byReason { printByReason(report.summary) }
        for error in report.errors { Console.error(error) }
        Console.info(summary(report, command: command))
        return ExitStatus.code(for: report)
    }

    /// Prints a dry run's plan: how many products of each kind, with the first pids.
    static func printPlan(_ report: RunReport) {
        guard let plan = report.plan else { return }
        let rows: [(String, Int, [String])] = [
            ("new", report.new, plan.new), ("changed", report.changed, plan.changed),
            ("withdrawn", report.withdrawn, plan.withdrawn), ("unchanged", report.unchanged, plan.unchanged),
        ]
        for (label, count, pids) in rows {
            let more = count > pids.count ? ", …" : ""
            Console.info("\(label): \(count)\(pids.isEmpty ? "" : " (\(pids.joined(separator: ", "))\(more))")")
        }
    }

    /// Prints how many rejections and warnings each field and reason had, most first.
    static func printByReason(_ summary: ReasonSummary) {
        let entries = summary.byCount
        guard !entries.isEmpty else { return }
        Console.info("by reason:")
        let width = String(entries.map(\.count).max() ?? 0).count
        for entry in entries {
            let count = String(repeating: " ", count: width - String(entry.count).count) + String(entry.count)
            let kind = entry.kind == .rejected ? "rejected" : "warning "
            Console.info("  \(kind) \(count)  \(entry.field.map { "\($0): " } ?? "")\(entry.reason)  (first: \(entry.first))")
        }
    }

    static func summary(_ report: RunReport, command: String) -> String {
        var text = "\(command): read \(report.read), mapped \(report.mapped), rejected \(report.rejected), filtered \(report.filtered)"
        if report.merged > 0 { text += ", merged \(report.merged)" }
        if report.warnings > 0 { text += ", \(report.warnings) warning\(report.warnings == 1 ? "" : "s")" }
        if command.hasPrefix("sync") {
            text += "; new \(report.new), changed \(report.changed), unchanged \(report.unchanged), withdrawn \(report.withdrawn)"
        }
        if report.batches > 0 || command == "import" || command == "sync" {
            text += "; sent \(report.sent) in \(report.batches) batch\(report.batches == 1 ? "" : "es"), \(report.failedBatches) failed"
        }
        return text + String(format: " (%.2f s)", report.durationSeconds)
    }
}
