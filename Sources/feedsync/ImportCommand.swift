import ArgumentParser
import FeedSyncEngine
import FeedSyncStore

/// `feedsync import`: one-off bulk import of every valid product to Affili.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Send every valid product to Affili's import API, in batches of at most 1000.",
        discussion: """
            Reads all sources (or --source), maps them, and POSTs {"products": [...]} to \
            <affili.endpoint>/import with the Bearer token from affili.token. Every product \
            is sent whatever the state store says, and the store records what Affili \
            acknowledged, so a later `feedsync sync` sends only what changes.
            """
    )

    @OptionGroup var options: GlobalOptions
    @OptionGroup var send: SendOptions

    func run() async throws {
        let logger = Reporting.logger(verbose: options.verbose)
        let configuration = try options.loadConfiguration()
        let affili = try configuration.requireAffili()
        let client = try send.client(for: affili, logger: logger)
        let lock = try StateLock(store: configuration.state)
        let store = try StateStore(url: configuration.state)
        let line = ProgressLine()
        let run = try SyncRun(
            configuration: configuration, sourceName: options.source, store: store, client: client,
            options: send.syncOptions(.bulkImport, affili: affili), logger: logger, progress: { line.update($0) })
        let report = try await run.run()
        line.finish()
        withExtendedLifetime(lock) {}
        throw ExitStatus.Code(value: Reporting.finish(report, command: "import", json: options.json))
    }
}
