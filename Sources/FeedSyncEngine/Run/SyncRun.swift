import FeedSyncConfig
import FeedSyncCore
import FeedSyncStore
import FeedSyncUpload
import Foundation
import Logging

/// `feedsync sync` and `feedsync import`: read, record in the state store, withdraw,
/// and send what the destination still has to acknowledge.
///
/// The store is the ledger: products are recorded as they are read, a batch is marked
/// acknowledged only after a 2xx answer, and the next run sends whatever is still owed.
/// So a run killed at any moment loses nothing and sends nothing twice once acknowledged.
public struct SyncRun: Sendable {
    /// The destination the state is kept for.
    public static let destination = "affili"
    /// Products recorded in the store per transaction.
    static let chunkSize = 1000

    let reader: CatalogReader
    let sources: [SourceConfiguration]
    let store: StateStore
    let client: AffiliClient?
    let withdrawPolicy: AffiliConfiguration.WithdrawPolicy
    let options: SyncOptions
    let logger: Logger
    let shouldStop: @Sendable () -> Bool
    let progress: @Sendable (SyncProgress) -> Void

    /// Creates a run.
    /// - Parameters:
    ///   - configuration: the loaded configuration.
    ///   - sourceName: `--source`, or `nil` for all sources.
    ///   - store: the state store.
    ///   - client: the Affili client; may be `nil` for a dry run.
    ///   - options: sync or import, batch size, retries...
    ///   - logger: where progress is logged.
    ///   - shouldStop: checked before each batch; true stops the run gracefully.
    ///   - progress: told how far the run is, every 1000 records and every batch.
    /// - Throws: ``ConfigError`` when no source is named `sourceName`.
    public init(
        configuration: Configuration,
        sourceName: String?,
        store: StateStore,
        client: AffiliClient?,
        options: SyncOptions,
        logger: Logger,
        shouldStop: @escaping @Sendable () -> Bool = { false },
        progress: @escaping @Sendable (SyncProgress) -> Void = { _ in }
    ) throws {
        reader = CatalogReader(configuration: configuration, logger: logger)
        sources = try configuration.sources(named: sourceName)
        self.store = store
        self.client = client
        withdrawPolicy = configuration.affili?.withdraw ?? .outOfStock
        self.options = options
        self.logger = logger
        self.shouldStop = shouldStop
        self.progress = progress
    }

    var command: String { options.mode == .sync ? "sync" : "import" }

    /// Runs once.
    /// - Parameter rejection: called for each rejected record.
    /// - Returns: the run report (with the plan on a dry run).
    /// - Throws: configuration errors before anything is read or sent; state store errors.
    public func run(rejection: (Rejection) -> Void = { _ in }) async throws -> RunReport {
        let started = Date()
        let prepared = try reader.prepare(sources)
        var report = RunReport()
        if options.dryRun {
            report.plan = RunReport.Plan()
            try store.beginDryRun()
        }
        let run = options.dryRun ? 0 : try store.beginRun(command: command, destination: Self.destination, at: started)
        var complete: [String] = []
        for source in prepared {
            if try await ingest(source, run: run, now: started, report: &report, rejection: rejection) {
                complete.append(source.configuration.name)
            }
        }
        if options.mode == .sync {
            try withdraw(from: complete, run: run, now: started, report: &report)
        }
        if !options.dryRun {
            try await upload(run: run, report: &report)
        }
        report.durationSeconds = Date().timeIntervalSince(started)
        if !options.dryRun {
            let outcome = report.errors.isEmpty && report.failedBatches == 0 ? "ok" : "failed"
            let encoded = (try? JSONEncoder().encode(report)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
            try store.finishRun(run, outcome: outcome, report: encoded, at: Date())
        }
        return report
    }
}
