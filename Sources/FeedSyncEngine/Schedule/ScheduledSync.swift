import Logging
import ServiceLifecycle

/// Runs a job again and again with a pause between runs, as a `Service`, so that
/// `sync --every` stops gracefully on SIGINT/SIGTERM: the run in progress finishes its
/// batch in flight, no new batch starts, and the pause is cut short.
///
/// Runs never overlap: the next one starts only after the previous one returned.
public struct ScheduledSync: Service {
    private let interval: Duration
    private let job: @Sendable () async -> Void
    private let logger: Logger

    /// Creates the service.
    /// - Parameters:
    ///   - interval: the pause between the end of one run and the start of the next.
    ///   - logger: where the schedule is logged.
    ///   - job: one run; it should check `Task.isShuttingDownGracefully` between batches.
    public init(every interval: Duration, logger: Logger, job: @escaping @Sendable () async -> Void) {
        self.interval = interval
        self.job = job
        self.logger = logger
    }

    public func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            await job()
            guard !Task.isShuttingDownGracefully else { break }
            logger.info("next run", metadata: ["schedule.interval": "\(interval)"])
            let interval = interval
            // A shutdown during the pause ends it at once.
            _ = try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
        }
        logger.info("schedule stopped")
    }
}
