import Foundation

/// The `affili:` section: where and how to push products.
public struct AffiliConfiguration: Sendable {
    /// What a product that left the catalog becomes.
    public enum WithdrawPolicy: String, Sendable, CaseIterable {
        /// Re-import it with `in_stock: false` (Affili has no delete).
        case outOfStock = "out-of-stock"
        /// Leave it at Affili as it was.
        case keep
    }

    /// The product service's base URL; batches go to `<endpoint>/import`.
    public var endpoint: URL
    /// The shop's Bearer token.
    public var token: Secret
    /// What withdrawn products become.
    public var withdraw: WithdrawPolicy
    /// Products per request, at most 1000 (Affili's limit).
    public var batchSize: Int
    /// Seconds to wait for one request's answer.
    public var timeout: Double
    /// Requests in flight at once.
    public var maxInFlight: Int
    /// Tries per request, the first included, before a batch counts as failed.
    public var retries: Int
    /// The largest share of a source's catalog one sync may withdraw, in percent.
    public var maxWithdrawPercent: Double

    /// Creates the section.
    public init(
        endpoint: URL, token: Secret, withdraw: WithdrawPolicy = .outOfStock, batchSize: Int = 1000, timeout: Double = 60,
        maxInFlight: Int = 2, retries: Int = 5, maxWithdrawPercent: Double = 20
    ) {
        self.endpoint = endpoint
        self.token = token
        self.withdraw = withdraw
        self.batchSize = batchSize
        self.timeout = timeout
        self.maxInFlight = maxInFlight
        self.retries = retries
        self.maxWithdrawPercent = maxWithdrawPercent
    }
}

/// The `serve:` section.
public struct ServeConfiguration: Sendable {
    /// The address to listen on.
    public var host: String
    /// The port to listen on.
    public var port: Int
    /// The Bearer token clients must send, or `nil` for no authentication.
    public var token: Secret?
    /// `max_query_bytes`: the longest request target answered, or `nil` for the server's default.
    public var maxQueryBytes: Int?
    /// `max_header_bytes`: the most header bytes a request may have, or `nil` for the default.
    public var maxHeaderBytes: Int?
    /// `max_connections`: connections served at once, or `nil` for the default.
    public var maxConnections: Int?
    /// `request_timeout_s`: how long handling a request may take, or `nil` for the default.
    public var requestTimeout: Duration?
    /// `idle_timeout_s`: how long a connection may stay silent, or `nil` for the default.
    public var idleTimeout: Duration?

    /// Creates the section.
    public init(host: String = "127.0.0.1", port: Int = 8080, token: Secret? = nil) {
        self.host = host
        self.port = port
        self.token = token
    }
}
