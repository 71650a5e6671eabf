import FeedSyncConfig
import FeedSyncCore
import FeedSyncSources
import Foundation

/// Opens a prepared source as a ``RecordSource`` of its format and hands it to `body`,
/// closing what it opened afterwards.
///
/// CSV and XML read bytes through ``LocationOpener`` (files, `http(s)` downloads, gzip,
/// encodings); JSON pages are fetched by ``JSONPagesSource`` with one page prefetched.
enum SourceOpener {
    static func withSource<T>(_ prepared: PreparedSource, _ body: (inout any RecordSource) async throws -> T) async throws -> T {
        let source = prepared.configuration
        let settings = prepared.mapping.sourceSettings
        let location: SourceLocation = switch source.location {
        case .file(let url): .file(url.path)
        case .remote(let url): .remote(url)
        }
        switch source.format {
        case .csv, .xml:
            let options = source.limits.locationOptions(encoding: settings.encoding, headers: source.headers)
            let opened = try await LocationOpener(options: options).open(location)
            var records: any RecordSource
            if source.format == .csv {
                records = try CSVSource(
                    stream: opened.stream, source: source.name, file: opened.name,
                    dialect: source.limits.applied(to: CSVDialect(delimiter: prepared.mapping.csvDelimiter)))
            } else {
                var dialect = source.limits.applied(to: settings.xml)
                if settings.encoding != nil { dialect.encoding = "UTF-8" }
                records = try XMLSource(stream: opened.stream, source: source.name, file: opened.name, dialect: dialect)
            }
            return try await body(&records)
        case .jsonPages:
            var options = source.limits.applied(
                to: settings.json ?? JSONPagesOptions(items: JSONPointer(tokens: []), paging: .single))
            options.encoding = settings.encoding ?? options.encoding
            for (name, value) in source.headers { options.headers[name] = value }
            return try await JSONPagesSource.withPrefetching(location: location, source: source.name, options: options) { pages in
                var records: any RecordSource = pages
                return try await body(&records)
            }
        }
    }
}
