import FeedSyncConfig
import FeedSyncCore
import Foundation
import Logging

/// `feedsync export`: writes the mapped catalog without sending it anywhere.
public struct ExportRun: Sendable {
    private let reader: CatalogReader
    private let sources: [SourceConfiguration]
    private let format: ExportFormat
    private let accessTrade: AccessTradeConfiguration?

    /// Creates an export.
    /// - Parameters:
    ///   - configuration: the loaded configuration.
    ///   - sourceName: `--source`, or `nil` for all sources.
    ///   - format: the shape to write.
    ///   - logger: where progress is logged.
    /// - Throws: ``ConfigError`` when no source has that name, or when the AccessTrade
    ///   format is asked for without an `accesstrade:` section.
    public init(configuration: Configuration, sourceName: String?, format: ExportFormat, logger: Logger) throws {
        reader = CatalogReader(configuration: configuration, logger: logger)
        sources = try configuration.sources(named: sourceName)
        self.format = format
        accessTrade = format == .accesstrade ? try configuration.requireAccessTrade() : nil
    }

    /// Reads, maps and writes every product to `output`.
    /// - Parameters:
    ///   - output: where to write.
    ///   - rejection: called for each rejected record.
    /// - Returns: the run report.
    /// - Throws: configuration errors before anything is written; read and write errors.
    public func run(to output: OutputFile, rejection: (Rejection) -> Void = { _ in }) async throws -> RunReport {
        let started = Date()
        let prepared = try reader.prepare(sources)
        var report = RunReport()
        var writer = try ProductStreamWriter(format: format, output: output, accessTrade: accessTrade)
        for source in prepared {
            try await reader.read(source, into: &report, rejection: rejection) { product, _ in
                try writer.write(product)
            }
        }
        try writer.finish()
        report.durationSeconds = Date().timeIntervalSince(started)
        return report
    }
}
