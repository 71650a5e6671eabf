import ArgumentParser
import FeedSyncConfig
import FeedSyncCore
import FeedSyncEngine
import FeedSyncServer
import FeedSyncStore
import Foundation
import Logging
import ServiceLifecycle

/// `feedsync serve`: serve the stored catalog as the Affili webhook.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the catalog in the state store as Affili's webhook (GET /affili/products) and an AccessTrade datafeed (GET /accesstrade/datafeeds), with /healthz and /metrics.",
        discussion: """
            The catalog is the one import and sync recorded, or the one --refresh reads \
            from the sources on a schedule in the same process. Stops gracefully on \
            SIGINT/SIGTERM.
            """
    )

    @OptionGroup var options: GlobalOptions

    @Option(name: .long, help: ArgumentHelp("The address to listen on; overrides serve.host.", valueName: "host"))
    var host: String?

    @Option(name: .long, help: ArgumentHelp("The port to listen on; overrides serve.port.", valueName: "port"))
    var port: Int?

    @Option(name: .long, help: ArgumentHelp("Re-read the sources into the store this often (90s, 30m, 1h).", valueName: "interval"))
    var refresh: Interval?

    func validate() throws {
        if let port, !(0...65535).contains(port) { throw ValidationError("--port must be from 0 to 65535") }
    }

    func run() async throws {
        var logger = Reporting.logger(verbose: options.verbose)
        logger.logLevel = options.verbose ? .debug : .info
        let configuration = try options.loadConfiguration()
        let serve = configuration.serve ?? ServeConfiguration()
        if let token = serve.token, token.isLiteral {
            Console.error("warning: \(token.place.file):\(token.place.line): serve.token is written in the file; use ${VAR} and keep it in the environment")
        }
        let store = try StateStore(url: configuration.state)
        var feed: ServerConfiguration.AccessTradeFeed?
        if let accessTrade = configuration.accessTrade {
            feed = ServerConfiguration.AccessTradeFeed(
                campaign: accessTrade.campaign, domain: accessTrade.domain, timeZone: accessTrade.timeZone
            ) { products in
                var projector = DatafeedProjector(configuration: accessTrade)
                return products.map { projector.item(for: $0) }
            }
        }
        var serverConfiguration = ServerConfiguration(
            host: host ?? serve.host, port: port ?? serve.port, token: try serve.token?.value(), accessTrade: feed)
        serverConfiguration.limits = ServerLimits(serve)
        let server = CatalogServer.application(
            configuration: serverConfiguration,
            store: store, logger: logger,
            onRunning: { port in Console.info("feedsync: serving on http://\(host ?? serve.host):\(port)/affili/products") })
        var services: [any Service] = [server]
        if let refresh {
            let run = try SyncRun(
                configuration: configuration, sourceName: options.source, store: store, client: nil,
                options: SyncOptions(mode: .sync, maximumWithdrawShare: (configuration.affili?.maxWithdrawPercent ?? 20) / 100),
                logger: logger)
            let state = configuration.state
            services.append(ScheduledSync(every: refresh.duration, logger: logger) {
                do {
                    let lock = try StateLock(store: state)
                    let report = try await run.run()
                    withExtendedLifetime(lock) {}
                    Console.info(Reporting.summary(report, command: "refresh"))
                    for error in report.errors { Console.error(error) }
                } catch let error as any UserFacingError {
                    Console.error("refresh: \(error.description)")
                } catch {
                    Console.error("refresh: \(error)")
                }
            })
        }
        let group = ServiceGroup(services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        try await group.run()
    }
}

extension ServerLimits {
    /// The `serve:` section's limits over the server's defaults.
    init(_ serve: ServeConfiguration) {
        self.init()
        if let bytes = serve.maxQueryBytes { maxQueryBytes = bytes }
        if let bytes = serve.maxHeaderBytes { maxHeaderBytes = bytes }
        if let count = serve.maxConnections { maxConnections = count }
        if let time = serve.requestTimeout { requestTimeout = time }
        if let time = serve.idleTimeout { idleTimeout = time }
    }
}
