import FeedSyncConfig
import FeedSyncSources

/// The configuration's `limits:` turned into the readers' options; a limit the
/// configuration leaves out keeps the reader's (or the mapping's) default.
extension Limits {
    /// How a CSV or XML location is fetched and decoded under these limits.
    func locationOptions(encoding: TextEncoding?, headers: [String: String]) -> LocationOptions {
        var options = LocationOptions(encoding: encoding, headers: headers)
        if let maxSourceBytes {
            options.maxInflatedBytes = maxSourceBytes
            options.maxDownloadBytes = maxSourceBytes
        }
        if let readTimeout { options.timeout = readTimeout }
        if let connectTimeout { options.responseTimeout = connectTimeout }
        if let sourceTimeout { options.totalTimeout = sourceTimeout }
        return options
    }

    /// `dialect` with these limits' record size.
    func applied(to dialect: CSVDialect) -> CSVDialect {
        var dialect = dialect
        if let maxRecordBytes { dialect.maxRecordSize = max(1, maxRecordBytes) }
        return dialect
    }

    /// `dialect` with these limits' record size.
    func applied(to dialect: XMLDialect) -> XMLDialect {
        var dialect = dialect
        if let maxRecordBytes { dialect.maxRecordSize = max(1, maxRecordBytes) }
        return dialect
    }

    /// `options` with these limits' sizes, page count, depth and times.
    func applied(to options: JSONPagesOptions) -> JSONPagesOptions {
        var options = options
        if let maxRecordBytes { options.records.maxRecordBytes = max(1, maxRecordBytes) }
        if let maxJSONDepth { options.records.maxDepth = max(1, maxJSONDepth) }
        if let maxSourceBytes { options.maxInflatedBytes = maxSourceBytes }
        if let maxPageBytes { options.maxPageBytes = maxPageBytes }
        if let maxPages { options.maxPages = max(1, maxPages) }
        if let readTimeout { options.timeout = readTimeout }
        if let connectTimeout { options.responseTimeout = connectTimeout }
        if let sourceTimeout { options.totalTimeout = sourceTimeout }
        return options
    }
}
