import FeedSyncCore
import Foundation

/// The `accesstrade:` section: how products become AccessTrade datafeed items.
public struct AccessTradeConfiguration: Sendable {
    /// The time zone AccessTrade's `update_time` is written in when none is configured.
    public static let defaultTimeZone = "Asia/Ho_Chi_Minh"

    /// The campaign (merchant) name, e.g. `myshop`.
    public var campaign: String
    /// The shop's domain, e.g. `myshop.vn`.
    public var domain: String
    /// The deep-link base that `aff_link` is built from.
    public var deepLink: String
    /// The zone `update_time` is written in (`timezone:`); Vietnam's by default.
    public var timeZone: TimeZone
    /// The reward per category slug (`cate`), with `*` for every other category
    /// (`category_commission:`); empty writes `category_commission: null`.
    public var categoryCommission: [String: CategoryCommission]

    /// Creates the section.
    public init(
        campaign: String, domain: String, deepLink: String,
        timeZone: TimeZone = TimeZone(identifier: defaultTimeZone) ?? TimeZone(secondsFromGMT: 7 * 3600) ?? .gmt,
        categoryCommission: [String: CategoryCommission] = [:]
    ) {
        self.campaign = campaign
        self.domain = domain
        self.deepLink = deepLink
        self.timeZone = timeZone
        self.categoryCommission = categoryCommission
    }

    /// The commission of a category slug: its own, else the `*` one, else `nil`.
    public func commission(forCategory cate: String) -> CategoryCommission? {
        categoryCommission[cate] ?? categoryCommission["*"]
    }
}
