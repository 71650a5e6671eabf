import Foundation

/// A product as Affili's product service knows it (import body and webhook pages).
///
/// Field names and JSON types follow the Affili document exactly: `old_price` is `null`
/// when there is no previous price, `in_stock` is a JSON boolean, prices are numbers and
/// times are ISO-8601 with an offset.
///
/// ``sku`` and ``details`` are not part of Affili's product; they are carried for the
/// AccessTrade datafeed item (`sku`, `desc`) and never written to Affili.
public struct Product: Sendable, Hashable {
    /// Unique product id in the shop.
    public var pid: String
    /// Product name.
    public var name: String
    /// Product page URL on the shop.
    public var url: String
    /// Current price, in the shop's currency unit.
    public var price: Double
    /// Previous price, or `nil` when there is none.
    public var oldPrice: Double?
    /// Whether the product can be bought now.
    public var inStock: Bool
    /// Image URLs, first one is the main image.
    public var images: [String]
    /// The product's categories; exactly one is primary when the list is not empty.
    public var categories: [Category]
    /// Creation time.
    public var createdAt: Date
    /// Last update time.
    public var updatedAt: Date
    /// The shop's stock-keeping unit, when the mapping gives one apart from ``pid``.
    public var sku: String? = nil
    /// The product's description as plain text, when the mapping gives one.
    public var details: String? = nil

    /// Creates a product.
    public init(
        pid: String,
        name: String,
        url: String,
        price: Double,
        oldPrice: Double? = nil,
        inStock: Bool = true,
        images: [String] = [],
        categories: [Category] = [],
        createdAt: Date,
        updatedAt: Date,
        sku: String? = nil,
        details: String? = nil
    ) {
        self.pid = pid
        self.name = name
        self.url = url
        self.price = price
        self.oldPrice = oldPrice
        self.inStock = inStock
        self.images = images
        self.categories = categories
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.sku = sku
        self.details = details
    }
}
