import FeedSyncHTTP

/// How a sync or import run behaves.
public struct SyncOptions: Sendable {
    /// What the run sends.
    public enum Mode: Sendable, Equatable {
        /// Only what changed since the last acknowledgement, plus withdrawals.
        case sync
        /// Everything read, whatever the store says (one-off bulk import).
        case bulkImport
    }

    /// Sync or import.
    public var mode: Mode
    /// Compare and print the plan, send and record nothing.
    public var dryRun: Bool
    /// Withdraw even when more than ``maximumWithdrawShare`` of the catalog left it.
    public var allowMassWithdraw: Bool
    /// The share of a source's active products one run may withdraw (0...1).
    public var maximumWithdrawShare: Double
    /// Products per request (at most 1000).
    public var batchSize: Int
    /// Requests in flight at once.
    public var inFlight: Int
    /// Retries of failing requests.
    public var retry: RetryPolicy
    /// How retries wait; injectable so tests do not wait.
    public var sleep: RetryPolicy.Sleep

    /// Creates options.
    public init(
        mode: Mode,
        dryRun: Bool = false,
        allowMassWithdraw: Bool = false,
        maximumWithdrawShare: Double = 0.2,
        batchSize: Int = 1000,
        inFlight: Int = 2,
        retry: RetryPolicy = RetryPolicy(),
        sleep: @escaping RetryPolicy.Sleep = RetryPolicy.realSleep
    ) {
        self.mode = mode
        self.dryRun = dryRun
        self.allowMassWithdraw = allowMassWithdraw
        self.maximumWithdrawShare = maximumWithdrawShare
        self.batchSize = batchSize
        self.inFlight = inFlight
        self.retry = retry
        self.sleep = sleep
    }
}
