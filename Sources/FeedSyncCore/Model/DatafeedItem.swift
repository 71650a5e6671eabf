import Foundation

/// A product as AccessTrade's datafeed lists it (`GET /v1/datafeeds`, `{"data": [item]}`).
///
/// Field names follow AccessTrade's document; the item is a projection of a ``Product``
/// and the campaign's settings (campaign, domain, deep-link base), see the engine's
/// `DatafeedProjector`.
public struct DatafeedItem: Sendable, Hashable {
    /// The affiliate deep link: the campaign's deep-link base with `url=` the product URL,
    /// percent-encoded.
    public var affLink: String
    /// The slug of the product's primary category (`thoi-trang-my-pham`); empty without one.
    public var cate: String
    /// The publisher's reward for the category, when the campaign configures one.
    public var categoryCommission: CategoryCommission?
    /// The description, or `nil` when the mapping gives none.
    public var desc: String?
    /// The price after promotion (the product's current price).
    public var discount: Double
    /// The campaign (merchant) name.
    public var campaign: String
    /// The shop's domain.
    public var domain: String
    /// The main image URL; empty when the product has none.
    public var image: String
    /// The product name.
    public var name: String
    /// The price before promotion: the old price when there is one, else the price.
    public var price: Double
    /// The product id.
    public var productId: String
    /// The stock-keeping unit.
    public var sku: String
    /// 1 when the product is discounted, else 0.
    public var statusDiscount: Int
    /// `price - discount`.
    public var discountAmount: Double
    /// The percentage off, rounded to two decimals (`14.86` for 26000 off 175000).
    public var discountRate: Double
    /// The last update time.
    public var updateTime: Date
    /// The offset from UTC, in seconds, at which ``updateTime`` is written
    /// (`dd-MM-yyyyTHH:mm:ss` carries no zone).
    public var updateTimeOffset: Int
    /// The product page URL.
    public var url: String

    /// Creates an item.
    public init(
        affLink: String, cate: String, categoryCommission: CategoryCommission? = nil, desc: String? = nil,
        discount: Double, campaign: String, domain: String, image: String, name: String, price: Double,
        productId: String, sku: String, statusDiscount: Int, discountAmount: Double, discountRate: Double,
        updateTime: Date, updateTimeOffset: Int = 0, url: String
    ) {
        self.affLink = affLink
        self.cate = cate
        self.categoryCommission = categoryCommission
        self.desc = desc
        self.discount = discount
        self.campaign = campaign
        self.domain = domain
        self.image = image
        self.name = name
        self.price = price
        self.productId = productId
        self.sku = sku
        self.statusDiscount = statusDiscount
        self.discountAmount = discountAmount
        self.discountRate = discountRate
        self.updateTime = updateTime
        self.updateTimeOffset = updateTimeOffset
        self.url = url
    }
}

/// A campaign's reward for a category, as AccessTrade writes it:
/// `{"partner_reward": "8.00%", "reward_type": "Amount sold"}`.
public struct CategoryCommission: Sendable, Hashable {
    /// The reward, as text (`8.00%`, `15000`).
    public var partnerReward: String
    /// What the reward is paid on (`Amount sold`).
    public var rewardType: String

    /// Creates a commission.
    public init(partnerReward: String, rewardType: String) {
        self.partnerReward = partnerReward
        self.rewardType = rewardType
    }
}
