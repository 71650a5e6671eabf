import ArgumentParser
import FeedSyncConfig
import FeedSyncCore
import FeedSyncEngine
import FeedSyncStore
import Foundation
import Logging
import ServiceLifecycle

/// `feedsync sync`: send Affili only what changed since the last acknowledged run.
struct SyncCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Send Affili only the new, changed and withdrawn products.",
        discussion: """
            Reads and maps every source, compares each product with what Affili last \
            acknowledged (the state store, affili: state), and sends the difference in \
            batches of at most 1000. A product missing from a completely read source is \
            withdrawn (re-sent with in_stock: false, or left alone with withdraw: keep). \
            An interrupted run loses nothing: the next one sends what is still owed.
            """
    )

    @OptionGroup var options: GlobalOptions
    @OptionGroup var send: SendOptions

    @Flag(name: .long, help: "Print the plan (new, changed, withdrawn, unchanged) and send nothing.")
    var dryRun = false

    @Flag(name: .long, help: "Withdraw even when more than affili.max_withdraw_percent of a source's catalog left it.")
    var allowMassWithdraw = false

    @Option(name: .long, help: ArgumentHelp("Keep running: sync, pause this long (90s, 30m, 1h), sync again; stop with SIGINT/SIGTERM.", valueName: "interval"))
    var every: Interval?

    func validate() throws {
        if dryRun && every != nil { throw ValidationError("--dry-run and --every cannot be combined") }
    }

    func run() async throws {
        let logger = Reporting.logger(verbose: options.verbose)
        let configuration = try options.loadConfiguration()
        let affili = try configuration.requireAffili()
        let client = dryRun ? nil : try send.client(for: affili, logger: logger)
        let lock = dryRun ? nil : try StateLock(store: configuration.state)
        let store = try StateStore(url: configuration.state)
        let line = ProgressLine()
        let run = try SyncRun(
            configuration: configuration, sourceName: options.source, store: store, client: client,
            options: send.syncOptions(.sync, affili: affili, dryRun: dryRun, allowMassWithdraw: allowMassWithdraw),
            logger: logger, shouldStop: { Task.isShuttingDownGracefully }, progress: { line.update($0) })
        defer { withExtendedLifetime(lock) {} }
        guard let every else {
            let report = try await run.run()
            line.finish()
            if dryRun { Reporting.printPlan(report) }
            throw ExitStatus.Code(value: Reporting.finish(report, command: dryRun ? "sync --dry-run" : "sync", json: options.json))
        }
        let json = options.json
        let service = ScheduledSync(every: every.duration, logger: logger) {
            do {
                let report = try await run.run()
                line.finish()
                _ = Reporting.finish(report, command: "sync", json: json)
            } catch let error as any UserFacingError {
                Console.error(error.description)
            } catch {
                Console.error("\(error)")
            }
        }
        let group = ServiceGroup(services: [service], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        try await group.run()
    }
}
