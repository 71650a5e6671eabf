import FeedSyncConfig
import FeedSyncCore
import FeedSyncMapping
import FeedSyncSources
import Foundation
import Logging

/// Reads a configuration's sources and maps their records, one at a time.
///
/// Every record is counted in the report exactly once: as mapped, rejected, filtered or
/// merged (part of another record's product, under `group_by`).
public struct CatalogReader: Sendable {
    /// The configuration whose sources are read.
    public let configuration: Configuration
    /// The time given to products whose source has none.
    public let now: Date
    private let logger: Logger

    /// Creates a reader.
    /// - Parameters:
    ///   - configuration: the loaded configuration.
    ///   - now: the run's start time.
    ///   - logger: where progress is logged.
    public init(configuration: Configuration, now: Date = Date(), logger: Logger) {
        self.configuration = configuration
        self.now = now
        self.logger = logger
    }

    /// Loads and checks the mappings of `sources` before any record is read, so that a
    /// mapping error stops the run before anything is sent.
    /// - Throws: ``ConfigError`` naming the mapping or configuration file and line.
    public func prepare(_ sources: [SourceConfiguration]) throws -> [PreparedSource] {
        try sources.map { source in
            let mapping = try PresetLibrary.mapping(for: source.mapping, at: source.place)
            if let format = mapping.format, format != source.format.rawValue {
                throw source.place.error("the mapping \(source.mapping) is for \(format) sources, but this source's format is \(source.format.rawValue)")
            }
            if source.format == .jsonPages && mapping.sourceSettings.json == nil {
                throw source.place.error("the mapping \(source.mapping) has no json: section saying where the items are (json: { items: /data/products } or a json preset)")
            }
            return PreparedSource(configuration: source, mapping: mapping, path: source.location.description)
        }
    }

    /// Reads one prepared source, handing each product to `product` and each rejection to
    /// `rejection` as they come.
    /// - Parameters:
    ///   - source: the source, from ``prepare(_:)``.
    ///   - report: counts `read`, `mapped`, `rejected`, `filtered`, `merged` and `warnings`.
    ///   - rejection: called for each rejected record.
    ///   - warning: called for each warning about a mapped record.
    ///   - product: called for each mapped product with its record's location (a folded
    ///     group's first variant row); what it throws stops the read.
    /// - Throws: ``ConfigError`` when the source's header lacks the mapping's columns; the
    ///   source's read errors; whatever `product` throws.
    public func read(
        _ source: PreparedSource,
        into report: inout RunReport,
        rejection: (Rejection) -> Void = { _ in },
        warning: (RecordWarning) -> Void = { _ in },
        product: (Product, RecordLocation) async throws -> Void
    ) async throws {
        var variables: [String: String] = [:]
        if let baseURL = source.configuration.baseURL { variables["base_url"] = baseURL }
        let mapper = Mapper(mapping: source.mapping, context: MappingContext(variables: variables, now: now))
        try await SourceOpener.withSource(source) { records in
            if let header = records.sharedFieldNames { try mapper.check(header: header, sourceFile: source.path) }
            logger.debug("reading source", metadata: [
                "feed.source": "\(source.configuration.name)", "feed.location": "\(source.path)",
                "feed.format": "\(source.configuration.format.rawValue)",
            ])
            var grouper = GroupingMapper(mapper: mapper)
            // Reused for every record: a record usually gives one outcome, a finished group several.
            var outcomes: [MappedRecord] = []
            while let event = try await records.next() {
                report.read += 1
                switch event {
                case .rejected(let rejected):
                    report.record(rejected)
                    rejection(rejected)
                case .record(let record):
                    grouper.add(record, to: &outcomes)
                }
                try await deliver(&outcomes, into: &report, rejection: rejection, warning: warning, product: product)
            }
            grouper.finish(into: &outcomes)
            try await deliver(&outcomes, into: &report, rejection: rejection, warning: warning, product: product)
        }
    }

    /// Counts and hands on mapped outcomes, then empties the list.
    private func deliver(
        _ outcomes: inout [MappedRecord],
        into report: inout RunReport,
        rejection: (Rejection) -> Void,
        warning: (RecordWarning) -> Void,
        product: (Product, RecordLocation) async throws -> Void
    ) async throws {
        for mapped in outcomes {
            switch mapped.outcome {
            case .product(let item, let warnings):
                report.mapped += 1
                for found in warnings {
                    report.record(found)
                    warning(found)
                }
                try await product(item, mapped.location)
            case .rejected(let rejected):
                report.record(rejected)
                rejection(rejected)
            case .filtered:
                report.filtered += 1
            case .merged:
                report.merged += 1
            }
        }
        outcomes.removeAll(keepingCapacity: true)
    }
}

/// A source whose mapping is loaded and checked.
public struct PreparedSource: Sendable {
    /// The source's settings.
    public let configuration: SourceConfiguration
    /// Its mapping.
    public let mapping: Mapping
    /// The file or URL read, for messages.
    public let path: String
}
