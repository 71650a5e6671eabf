import FeedSyncHTTP
import ArgumentParser
import FeedSyncEngine
import FeedSyncUpload

/// `feedsync import`: one-off bulk import of every valid product to Affili.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Send every valid product to Affili's import API, in batches of at most 1000.",
        discussion: "Reads all sources (or --source), maps them, and POSTs {\"products\": [...]} to <affili.endpoint>/import with the Bearer token from affili.token."
    )

    @OptionGroup var options: GlobalOptions

    @Option(name: .long, help: ArgumentHelp("Products per request (1-1000); overrides affili.batch_size.", valueName: "n"))
    var batchSize: Int?

    func validate() throws {
        if let batchSize, !(1...AffiliClient.maximumBatchSize).contains(batchSize) {
            throw ValidationError("--batch-size must be from 1 to \(AffiliClient.maximumBatchSize)")
        }
    }

    func run() async throws {
        let logger = Reporting.logger(verbose: options.verbose)
        let configuration = try options.loadConfiguration()
        let affili = try configuration.requireAffili()
        let client = AffiliClient(
            endpoint: affili.endpoint,
            token: try affili.token.value(),
            transport: URLSessionTransport(),
            logger: logger,
            userAgent: AffiliClient.userAgent(version: Feedsync.version),
            timeout: .seconds(affili.timeout))
        let run = try ImportRun(
            configuration: configuration, sourceName: options.source, client: client,
            batchSize: batchSize ?? affili.batchSize, logger: logger)
        let report = try await run.run()
        throw ExitStatus.Code(value: Reporting.finish(report, command: "import", json: options.json))
    }
}
