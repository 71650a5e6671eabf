/// The `limits:` section, at the top of the configuration or in one source: how much a
/// source may send and how long it may take before the read fails with a reason.
///
/// Every limit is optional here; one left out falls back to the top-level section, then
/// to the reader's default (listed on each property and in the README's "Limits and
/// guarantees"). A source's own `limits:` overrides the top-level one key by key.
public struct Limits: Sendable, Hashable {
    /// `max_record_bytes`: the most bytes one record (a CSV row, an XML item, a JSON item)
    /// may hold; a larger record is rejected with a reason and reading goes on.
    /// Default 16 MiB for CSV and XML, 64 MiB for JSON items.
    public var maxRecordBytes: Int?
    /// `max_source_bytes`: the most bytes a download may have and gzip content may
    /// inflate to; beyond it the read fails. Default 4 GiB.
    public var maxSourceBytes: Int64?
    /// `max_page_bytes`: the most bytes one JSON page's answer may have (a page is held in
    /// memory); beyond it the read fails. Default 256 MiB.
    public var maxPageBytes: Int64?
    /// `max_pages`: the most pages a paged JSON source may have before the read fails as a
    /// probable loop. Default 100,000, or the mapping's `json.max_pages`.
    public var maxPages: Int?
    /// `max_json_depth`: how deeply JSON objects and arrays may nest. Default 64.
    public var maxJSONDepth: Int?
    /// `connect_timeout_s`: how long a server may take to connect and start its answer. Default 60 s.
    public var connectTimeout: Duration?
    /// `read_timeout_s`: how long a transfer may stay silent. Default 300 s for downloads,
    /// 60 s for a JSON page.
    public var readTimeout: Duration?
    /// `source_timeout_s`: how long reading a remote source may take as a whole, every
    /// page and retry included. Default 4 hours.
    public var sourceTimeout: Duration?

    /// Creates limits; `nil` leaves a limit to the enclosing section or the default.
    public init(
        maxRecordBytes: Int? = nil, maxSourceBytes: Int64? = nil, maxPageBytes: Int64? = nil, maxPages: Int? = nil,
        maxJSONDepth: Int? = nil, connectTimeout: Duration? = nil, readTimeout: Duration? = nil,
        sourceTimeout: Duration? = nil
    ) {
        self.maxRecordBytes = maxRecordBytes
        self.maxSourceBytes = maxSourceBytes
        self.maxPageBytes = maxPageBytes
        self.maxPages = maxPages
        self.maxJSONDepth = maxJSONDepth
        self.connectTimeout = connectTimeout
        self.readTimeout = readTimeout
        self.sourceTimeout = sourceTimeout
    }

    /// These limits with every limit `other` sets replacing this one's.
    /// - Parameter other: the more specific section (a source's).
    /// - Returns: the merged limits.
    public func overridden(by other: Limits) -> Limits {
        Limits(
            maxRecordBytes: other.maxRecordBytes ?? maxRecordBytes, maxSourceBytes: other.maxSourceBytes ?? maxSourceBytes,
            maxPageBytes: other.maxPageBytes ?? maxPageBytes, maxPages: other.maxPages ?? maxPages,
            maxJSONDepth: other.maxJSONDepth ?? maxJSONDepth, connectTimeout: other.connectTimeout ?? connectTimeout,
            readTimeout: other.readTimeout ?? readTimeout, sourceTimeout: other.sourceTimeout ?? sourceTimeout)
    }

    /// The keys a `limits:` section may have.
    public static let keys: Set<String> = [
        "max_record_bytes", "max_source_bytes", "max_page_bytes", "max_pages", "max_json_depth", "connect_timeout_s",
        "read_timeout_s", "source_timeout_s",
    ]
}
