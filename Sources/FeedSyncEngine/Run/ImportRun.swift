import FeedSyncConfig
import FeedSyncCore
import FeedSyncHTTP
import FeedSyncUpload
import Foundation
import Logging

/// `feedsync import`: sends every valid product to Affili in batches.
///
/// A batch counts as sent only when Affili answered it with a 2xx. A refused token or a
/// wrong endpoint stops the run at once (every later batch would fail the same way), as
/// does an endpoint that cannot be reached; any other refused batch is counted as failed
/// and the run goes on with the next one.
public struct ImportRun: Sendable {
    private let reader: CatalogReader
    private let sources: [SourceConfiguration]
    private let client: AffiliClient
    private let batchSize: Int
    private let logger: Logger

    /// Creates an import.
    /// - Parameters:
    ///   - configuration: the loaded configuration.
    ///   - sourceName: `--source`, or `nil` for all sources.
    ///   - client: the Affili client to send with.
    ///   - batchSize: products per request, at most ``AffiliClient/maximumBatchSize``.
    ///   - logger: where progress is logged.
    /// - Throws: ``ConfigError`` when no source is named `sourceName`.
    public init(configuration: Configuration, sourceName: String?, client: AffiliClient, batchSize: Int, logger: Logger) throws {
        reader = CatalogReader(configuration: configuration, logger: logger)
        sources = try configuration.sources(named: sourceName)
        self.client = client
        self.batchSize = min(max(1, batchSize), AffiliClient.maximumBatchSize)
        self.logger = logger
    }

    /// Reads, maps and sends.
    /// - Parameter rejection: called for each rejected record.
    /// - Returns: the run report; failed batches and the reasons are in it.
    /// - Throws: configuration errors (before anything is sent) and source read errors.
    public func run(rejection: (Rejection) -> Void = { _ in }) async throws -> RunReport {
        let started = Date()
        let prepared = try reader.prepare(sources)
        var report = RunReport()
        // Kept apart from `report`, which the reader holds while the closure runs.
        var upload = RunReport()
        var batch: [Product] = []
        batch.reserveCapacity(batchSize)
        do {
            for source in prepared {
                try await reader.read(source, into: &report, rejection: rejection) { product, _ in
                    batch.append(product)
                    if batch.count == batchSize {
                        try await send(batch, report: &upload)
                        batch.removeAll(keepingCapacity: true)
                    }
                }
            }
            if !batch.isEmpty { try await send(batch, report: &upload) }
        } catch is StopRun {
            logger.warning("import stopped", metadata: ["reason": "\(upload.errors.last ?? "")"])
        } catch let error as any UserFacingError where error.kind == .run {
            // A source that breaks off mid-way: what was sent stays counted in the report.
            upload.errors.append(error.description)
        }
        report.sent = upload.sent
        report.batches = upload.batches
        report.failedBatches = upload.failedBatches
        report.errors += upload.errors
        report.durationSeconds = Date().timeIntervalSince(started)
        return report
    }

    private func send(_ batch: [Product], report: inout RunReport) async throws {
        report.batches += 1
        let response: ImportResponse
        do {
            response = try await client.importProducts(batch)
        } catch let error as any UserFacingError {
            report.failedBatches += 1
            report.errors.append("batch \(report.batches) (\(batch.count) products) not sent: \(error.description)")
            throw StopRun()
        }
        switch response {
        case .accepted:
            report.sent += batch.count
            logger.debug("batch accepted", metadata: ["batch.number": "\(report.batches)", "batch.size": "\(batch.count)"])
        case .failed(let failure):
            report.failedBatches += 1
            report.errors.append("batch \(report.batches) (\(batch.count) products, pids \(batch.first?.pid ?? "")…\(batch.last?.pid ?? "")) failed: \(failure.description)")
            if failure.stopsRun { throw StopRun() }
        }
    }
}

/// Ends an import early after the reason was recorded in the report.
private struct StopRun: Error {}
