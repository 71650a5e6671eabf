import FeedSyncConfig
import FeedSyncCore
import Foundation
import Logging

/// `feedsync validate`: maps everything and reports every rejection; sends nothing.
public struct ValidateRun: Sendable {
    private let reader: CatalogReader
    private let sources: [SourceConfiguration]

    /// Creates a validation.
    /// - Throws: ``ConfigError`` when no source is named `sourceName`.
    public init(configuration: Configuration, sourceName: String?, logger: Logger) throws {
        reader = CatalogReader(configuration: configuration, logger: logger)
        sources = try configuration.sources(named: sourceName)
    }

    /// Reads and maps every source.
    /// - Parameters:
    ///   - rejection: called for every rejected record, in order.
    ///   - warning: called for every warning about a mapped record, in order.
    /// - Returns: the run report.
    /// - Throws: configuration and read errors.
    public func run(rejection: (Rejection) -> Void, warning: (RecordWarning) -> Void = { _ in }) async throws -> RunReport {
        let started = Date()
        let prepared = try reader.prepare(sources)
        var report = RunReport()
        for source in prepared {
            try await reader.read(source, into: &report, rejection: rejection, warning: warning) { _, _ in }
        }
        report.durationSeconds = Date().timeIntervalSince(started)
        return report
    }
}
