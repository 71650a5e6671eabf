import FeedSyncCore
import FeedSyncSources
import FeedSyncTesting
import Foundation

/// Reads CSV text the way the tests need it: all events, or all rows as strings.
enum CSVTestSupport {
    /// Every event the reader produces for `text`.
    static func events(
        _ text: String, dialect: CSVDialect = CSVDialect(), readSize: Int = .max, chunkSize: Int = 1 << 20
    ) throws -> [CSVReaderEvent] {
        try events(Array(text.utf8), dialect: dialect, readSize: readSize, chunkSize: chunkSize)
    }

    /// Every event the reader produces for `bytes`.
    static func events(
        _ bytes: [UInt8], dialect: CSVDialect = CSVDialect(), readSize: Int = .max, chunkSize: Int = 1 << 20
    ) throws -> [CSVReaderEvent] {
        var reader = CSVReader(
            stream: MemoryByteStream(bytes, maximumReadSize: readSize), dialect: dialect, chunkSize: chunkSize)
        var events: [CSVReaderEvent] = []
        while let event = try reader.next() { events.append(event) }
        return events
    }

    /// The fields of every row of `text`; a malformed row fails the caller's expectation.
    static func rows(_ text: String, dialect: CSVDialect = CSVDialect()) throws -> [[String]] {
        try events(text, dialect: dialect).map { event in
            guard case .row(let row) = event else { throw UnexpectedMalformedRow(event: event) }
            return row.values
        }
    }

    /// A CSV source over `text`, named `shop` reading `catalog.csv`.
    static func source(_ text: String, dialect: CSVDialect = CSVDialect()) throws -> CSVSource {
        try CSVSource(stream: MemoryByteStream(text), source: "shop", file: "catalog.csv", dialect: dialect)
    }

    /// Every event of a source.
    static func drain(_ source: inout CSVSource) throws -> [SourceEvent] {
        var events: [SourceEvent] = []
        while let event = try source.next() { events.append(event) }
        return events
    }

    struct UnexpectedMalformedRow: Error {
        let event: CSVReaderEvent
    }
}

extension SourceRecord {
    /// All values, decoded.
    var decodedValues: [String] { (0..<count).map(value(at:)) }
}

/// The shared folder (`../shared`) holding `realfeeds/` and `conformance/`.
///
/// `Fixtures.shared` is found from `#filePath`; when the sources are symlinked into
/// another package (a scratch build), that path is the link's, so fall back to this file's
/// real location.
enum SharedFolder {
    static let url: URL = {
        if FileManager.default.fileExists(atPath: Fixtures.shared.path) { return Fixtures.shared }
        return URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
            .deletingLastPathComponent()  // FeedSyncSourcesTests
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent()  // repository root
            .deletingLastPathComponent()
            .appendingPathComponent("shared")
    }()

    /// Every file under `realfeeds/` whose name ends in `.<ext>`, sorted.
    static func realFeeds(withExtension ext: String) -> [URL] {
        let found = Fixtures.realFeeds(withExtension: ext)
        if !found.isEmpty { return found }
        let root = url.appendingPathComponent("realfeeds")
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [] }
        return walker.compactMap { $0 as? URL }
            .filter { $0.pathExtension.lowercased() == ext.lowercased() }
            .sorted { $0.path < $1.path }
    }
}
