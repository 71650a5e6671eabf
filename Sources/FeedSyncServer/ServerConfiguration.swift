import FeedSyncCore
import Foundation
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
    /// The AccessTrade datafeed, when the configuration has an `accesstrade:` section.
    public var accessTrade: AccessTradeFeed?
    /// Request size, connection and time limits.
    public var limits = ServerLimits()

    /// What the AccessTrade datafeed endpoint needs: the shop's campaign and domain for the
    /// filters, the day boundaries' time zone, and how a product becomes an item.
    public struct AccessTradeFeed: Sendable {
        /// The endpoint's path.
        public var path: String
        /// The shop's campaign name.
        public var campaign: String
        /// The shop's domain.
        public var domain: String
        /// The zone `update_from`/`update_to` days are read in.
        public var timeZone: TimeZone
        /// Projects a stored product to a datafeed item.
        public var project: @Sendable ([Product]) -> [DatafeedItem]

        /// Creates the feed's settings.
        public init(path: String = "/accesstrade/datafeeds", campaign: String, domain: String, timeZone: TimeZone, project: @escaping @Sendable ([Product]) -> [DatafeedItem]) {
            self.path = path
            self.campaign = campaign
            self.domain = domain
            self.timeZone = timeZone
            self.project = project
        }
    }

    /// Creates a configuration.
    public init(
        host: String = "127.0.0.1", port: Int = 8080, token: String? = nil, affiliPath: String = "/affili/products",
        destination: String = "affili", accessTrade: AccessTradeFeed? = nil
    ) {
        self.accessTrade = accessTrade
        self.host = host
        self.port = port
        self.token = token
        self.affiliPath = affiliPath
        self.destination = destination
    }
}
