import ArgumentParser
import FeedSyncConfig
import FeedSyncEngine
import FeedSyncHTTP
import FeedSyncStore
import FeedSyncUpload
import Logging

/// The flags of the commands that send to Affili (`import`, `sync`), and what they build.
struct SendOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Products per request (1-1000); overrides affili.batch_size.", valueName: "n"))
    var batchSize: Int?

    func validate() throws {
        if let batchSize, !(1...AffiliClient.maximumBatchSize).contains(batchSize) {
            throw ValidationError("--batch-size must be from 1 to \(AffiliClient.maximumBatchSize)")
        }
    }

    /// The Affili client the configuration describes.
    /// - Throws: configuration errors (no `affili:` section, token variable not set).
    func client(for affili: AffiliConfiguration, logger: Logger) throws -> AffiliClient {
        if affili.token.isLiteral {
            Console.error("warning: \(affili.token.place.file):\(affili.token.place.line): affili.token is written in the file; use ${AFFILI_TOKEN} and keep it in the environment")
        }
        return AffiliClient(
            endpoint: affili.endpoint,
            token: try affili.token.value(),
            transport: URLSessionTransport(),
            logger: logger,
            userAgent: AffiliClient.userAgent(version: Feedsync.version),
            timeout: .seconds(affili.timeout))
    }

    /// The run options the configuration and flags describe.
    func syncOptions(_ mode: SyncOptions.Mode, affili: AffiliConfiguration, dryRun: Bool = false, allowMassWithdraw: Bool = false) -> SyncOptions {
        SyncOptions(
            mode: mode,
            dryRun: dryRun,
            allowMassWithdraw: allowMassWithdraw,
            maximumWithdrawShare: affili.maxWithdrawPercent / 100,
            batchSize: batchSize ?? affili.batchSize,
            inFlight: affili.maxInFlight,
            retry: RetryPolicy(maxAttempts: affili.retries))
    }
}
