import FeedSyncCore
import FeedSyncStore
import Foundation

extension SyncRun {
    /// Withdraws the products of completely read sources that the run did not see,
    /// unless they are more than the allowed share of those sources' catalog.
    func withdraw(from sources: [String], run: Int64, now: Date, report: inout RunReport) throws {
        guard !sources.isEmpty else { return }
        let candidates = try store.withdrawalCandidates(destination: Self.destination, sources: sources, run: run, dryRun: options.dryRun)
        guard !candidates.isEmpty else { return }
        let active = try store.activeCount(destination: Self.destination, sources: sources)
        let share = Double(candidates.count) / Double(max(active, 1))
        if share > options.maximumWithdrawShare && !options.allowMassWithdraw {
            report.errors.append(String(
                format: "refusing to withdraw %d of %d products (%.1f%%, more than the %.0f%% allowed): a broken export looks like this; check the sources, or run with --allow-mass-withdraw",
                candidates.count, active, share * 100, options.maximumWithdrawShare * 100))
            return
        }
        report.withdrawn = candidates.count
        if report.plan != nil {
            report.plan?.withdrawn = Array(candidates.prefix(RunReport.Plan.listed))
            return
        }
        try store.withdraw(candidates, destination: Self.destination, outOfStock: withdrawPolicy == .outOfStock, now: now)
    }
}
