import FeedSyncStore
import Logging
import Prometheus

/// What `feedsync serve` serves and how.
public struct ServerConfiguration: Sendable {
    /// The address to listen on (loopback by default).
    public var host: String
    /// The port; 0 asks the system for a free one (tests).
    public var port: Int
    /// The Bearer token clients must send, or `nil` for no authentication.
    public var token: String?
    /// The path of the Affili webhook.
    public var affiliPath: String
    /// The destination whose stored catalog is served.
    public var destination: String

    /// Creates a configuration.
    public init(host: String = "127.0.0.1", port: Int = 8080, token: String? = nil, affiliPath: String = "/affili/products", destination: String = "affili") {
        self.host = host
        self.port = port
        self.token = token
        self.affiliPath = affiliPath
        self.destination = destination
    }
}
