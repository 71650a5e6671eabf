import FeedSyncConfig
import FeedSyncCore
import FeedSyncMapping
import FeedSyncSources
import FeedSyncTesting
import Foundation
import Testing

/// Maps a real feed with a bundled preset, as the engine does, and keeps every outcome.
struct PresetRun {
    var products: [Product] = []
    var rejections: [Rejection] = []
    var warnings: [RecordWarning] = []
    var filtered = 0
    var merged = 0
    var read = 0

    /// - Parameters:
    ///   - preset: the preset's name.
    ///   - file: the feed under `../shared/realfeeds/`, or `fixtures/…` for one of this repository's.
    ///   - baseURL: the source's `base_url`.
    ///   - now: the run's time.
    ///   - overrides: YAML added to `extends: <preset>`, to change a setting of the preset.
    init(_ preset: String, _ file: String, baseURL: String? = nil, now: Date = MappingFactory.now, overrides: String? = nil) throws {
        let mapping = try overrides.map {
            try Mapping(root: YAMLValue.parse("extends: \(preset)\n" + $0, file: "override.yml"))
        } ?? PresetLibrary.mapping(named: preset)
        var variables: [String: String] = [:]
        if let baseURL { variables["base_url"] = baseURL }
        let mapper = Mapper(mapping: mapping, context: MappingContext(variables: variables, now: now))
        let path = file.hasPrefix("fixtures/") ? Fixtures.fixture(String(file.dropFirst(9))).path : Fixtures.realFeed(file).path
        var grouper = GroupingMapper(mapper: mapper)
        var outcomes: [MappedRecord] = []
        let next = try Self.reader(for: mapping, path: path, mapper: mapper)
        while let event = try next() {
            read += 1
            switch event {
            case .rejected(let rejection): rejections.append(rejection)
            case .record(let record): grouper.add(record, to: &outcomes)
            }
        }
        grouper.finish(into: &outcomes)
        for mapped in outcomes {
            switch mapped.outcome {
            case .product(let product, let found):
                products.append(product)
                warnings += found
            case .rejected(let rejection): rejections.append(rejection)
            case .filtered: filtered += 1
            case .merged: merged += 1
            }
        }
    }

    /// The real source reader for the mapping's format, as the engine opens it: CSV with
    /// the mapping's delimiter (header checked), XML with its record element and
    /// namespaces, JSON with its items pointer (a local file reads as one page).
    private static func reader(for mapping: Mapping, path: String, mapper: Mapper) throws -> () throws -> SourceEvent? {
        switch mapping.format {
        case "xml":
            var source = try XMLSource(path: path, source: "feed", dialect: mapping.sourceSettings.xml)
            return { try source.next() }
        case "json-pages":
            let items = mapping.sourceSettings.json?.items ?? JSONPointer(tokens: [])
            var source = JSONRecordReader(stream: try FileByteStream(path: path), items: items, source: "feed", file: path)
            return { try source.next() }
        default:
            var source = try CSVSource(path: path, source: "feed", dialect: CSVDialect(delimiter: mapping.csvDelimiter))
            try mapper.check(header: source.names, sourceFile: path)
            return { try source.next() }
        }
    }

    /// The product with this pid.
    func product(_ pid: String) throws -> Product {
        try #require(products.first { $0.pid == pid }, "no product \(pid) among \(products.map(\.pid))")
    }

    /// Every record was counted once.
    var countsAddUp: Bool {
        read == products.count + rejections.count + filtered + merged
    }
}

extension Product {
    /// The cids of the category chain, root first, and the primary one.
    var categoryChain: (cids: [String], primary: String?) {
        (categories.map(\.cid), categories.first(where: \.isPrimary)?.cid)
    }
}
