import FeedSyncHTTP
/// How a location's bytes are fetched and decoded.
public struct LocationOptions: Sendable, Hashable {
    /// The most bytes a download may have by default, and gzip content may inflate to: 4 GiB.
    public static let defaultMaxSourceBytes: Int64 = 4 << 30
    /// How long a server may take to start its answer by default: 60 s.
    public static let defaultResponseTimeout: Duration = .seconds(60)
    /// How long a download may take as a whole by default: 4 hours.
    public static let defaultTotalTimeout: Duration = .seconds(4 * 3600)

    /// The text encoding named in the mapping; `nil` or ``TextEncoding/utf8`` passes bytes
    /// through as they are.
    public var encoding: TextEncoding?
    /// The most bytes gzip content may inflate to; 4 GiB by default.
    public var maxInflatedBytes: Int64
    /// The most bytes a download may have; 4 GiB by default.
    public var maxDownloadBytes: Int64
    /// Header fields sent with an HTTP download (secrets already resolved by the caller).
    public var headers: [String: String]
    /// How long a download may stay silent; 300 s by default.
    public var timeout: Duration
    /// How long the server may take to start its answer; 60 s by default.
    public var responseTimeout: Duration
    /// How long a download may take as a whole, retries included; 4 hours by default.
    public var totalTimeout: Duration
    /// How a failing download is retried.
    public var retry: RetryPolicy

    /// Creates options.
    /// - Parameters:
    ///   - encoding: the text encoding, or `nil` for UTF-8.
    ///   - maxInflatedBytes: the most bytes gzip content may inflate to.
    ///   - maxDownloadBytes: the most bytes a download may have.
    ///   - headers: header fields for HTTP downloads.
    ///   - timeout: how long a download may stay silent (on Linux the timer restarts when data moves).
    ///   - responseTimeout: how long the server may take to start its answer.
    ///   - totalTimeout: how long a download may take as a whole.
    ///   - retry: how a failing download is retried.
    public init(
        encoding: TextEncoding? = nil, maxInflatedBytes: Int64 = LocationOptions.defaultMaxSourceBytes,
        maxDownloadBytes: Int64 = LocationOptions.defaultMaxSourceBytes, headers: [String: String] = [:],
        timeout: Duration = .seconds(300), responseTimeout: Duration = LocationOptions.defaultResponseTimeout,
        totalTimeout: Duration = LocationOptions.defaultTotalTimeout, retry: RetryPolicy = RetryPolicy()
    ) {
        self.encoding = encoding
        self.maxInflatedBytes = maxInflatedBytes
        self.maxDownloadBytes = maxDownloadBytes
        self.headers = headers
        self.timeout = timeout
        self.responseTimeout = responseTimeout
        self.totalTimeout = totalTimeout
        self.retry = retry
    }

    /// The transfer limits of one download, its deadline counted from now.
    var transferLimits: TransferLimits {
        TransferLimits(maxBytes: maxDownloadBytes, responseTimeout: responseTimeout, budget: totalTimeout)
    }
}
