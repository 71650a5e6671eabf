import FeedSyncHTTP
/// How a location's bytes are fetched and decoded.
public struct LocationOptions: Sendable, Hashable {
    /// The text encoding named in the mapping; `nil` or ``TextEncoding/utf8`` passes bytes
    /// through as they are.
    public var encoding: TextEncoding?
    /// The most bytes gzip content may inflate to; 4 GiB by default.
    public var maxInflatedBytes: Int64
    /// Header fields sent with an HTTP download (secrets already resolved by the caller).
    public var headers: [String: String]
    /// How long to wait for a download's answer.
    public var timeout: Duration
    /// How a failing download is retried.
    public var retry: RetryPolicy

    /// Creates options.
    /// - Parameters:
    ///   - encoding: the text encoding, or `nil` for UTF-8.
    ///   - maxInflatedBytes: the most bytes gzip content may inflate to.
    ///   - headers: header fields for HTTP downloads.
    ///   - timeout: how long to wait for a download's answer (on Linux: for silence).
    ///   - retry: how a failing download is retried.
    public init(
        encoding: TextEncoding? = nil, maxInflatedBytes: Int64 = 4 << 30, headers: [String: String] = [:],
        timeout: Duration = .seconds(300), retry: RetryPolicy = RetryPolicy()
    ) {
        self.encoding = encoding
        self.maxInflatedBytes = maxInflatedBytes
        self.headers = headers
        self.timeout = timeout
        self.retry = retry
    }
}
