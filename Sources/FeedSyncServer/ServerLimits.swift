import Hummingbird
import HummingbirdCore
import Logging

/// How much a client may ask of `feedsync serve`: the size of a request, the number of
/// connections and how long a request or a silent connection may last.
///
/// The defaults suit a webhook Affili pages through (short queries, one client at a time)
/// while leaving room for monitoring; each is a `serve:` key (see the README's "Limits
/// and guarantees").
public struct ServerLimits: Sendable, Hashable {
    /// `max_query_bytes`: the longest request target (path and query) answered; longer is
    /// 414 with a JSON error. 4 KiB by default; real filters are a few hundred bytes.
    public var maxQueryBytes: Int
    /// `max_header_bytes`: the most bytes of header fields a request may have; more is
    /// refused by the HTTP decoder, which Hummingbird answers 400 (no body) and closes
    /// the connection. 16 KiB by default.
    public var maxHeaderBytes: Int
    /// `max_connections`: how many connections are served at once; further ones wait in
    /// the listen backlog until one closes. 256 by default.
    public var maxConnections: Int
    /// `request_timeout_s`: how long handling one request may take before it is answered
    /// 503 with a JSON error. 30 s by default.
    public var requestTimeout: Duration
    /// `idle_timeout_s`: how long a connection may go without a complete request head,
    /// counted from connecting or from the last answer, before it is closed. 60 s by
    /// default. Hummingbird's timer sees decoded requests, not bytes, so a head trickled a
    /// byte at a time (slowloris) does not reset it.
    public var idleTimeout: Duration

    /// Creates limits.
    public init(
        maxQueryBytes: Int = 4096, maxHeaderBytes: Int = 16 << 10, maxConnections: Int = 256,
        requestTimeout: Duration = .seconds(30), idleTimeout: Duration = .seconds(60)
    ) {
        self.maxQueryBytes = max(1, maxQueryBytes)
        self.maxHeaderBytes = max(1, maxHeaderBytes)
        self.maxConnections = max(1, maxConnections)
        self.requestTimeout = requestTimeout
        self.idleTimeout = idleTimeout
    }

    /// HTTP/1.1 with these header and idle limits (Hummingbird's own settings).
    var serverBuilder: HTTPServerBuilder {
        let milliseconds = idleTimeout.components.seconds * 1000 + idleTimeout.components.attoseconds / 1_000_000_000_000_000
        return .http1(configuration: HTTP1Channel.Configuration(
            idleTimeout: .milliseconds(milliseconds),
            httpDecoderConfiguration: .init(maxHeaderFieldSize: maxHeaderBytes, maxHeaderListSize: maxHeaderBytes)))
    }

    /// The application settings for `address`, with these limits' connection cap.
    func applicationConfiguration(address: BindAddress, logger: Logger) -> ApplicationConfiguration {
        ApplicationConfiguration(
            address: address, serverName: "feedsync",
            availableConnectionsDelegate: MaximumAvailableConnections(maxConnections, logger: logger))
    }
}
