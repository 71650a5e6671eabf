import FeedSyncConfig
import FeedSyncCore
import FeedSyncMapping
import Foundation

/// Turns products into AccessTrade datafeed items for one campaign.
///
/// - `aff_link`: the deep-link base, then `?url=` (`&url=` when the base has a query
///   already) and the product URL percent-encoded as a query value (RFC 3986 unreserved
///   characters kept), as in AccessTrade's example
///   `…/deep_link/4348611826491973833?url=http%3A%2F%2Fwww.lazada.vn%2F…`.
/// - `discount` is the price after promotion (the product's price); `price` the price
///   before it (`old_price` when there is one, else the price); `discount_amount` their
///   difference, `discount_rate` the percentage off rounded to two decimals,
///   `status_discount` 1 when the amount is above zero.
/// - `cate` is the slug of the primary category's name with accents folded to ASCII
///   (`Thời trang & Mỹ phẩm` → `thoi-trang-my-pham`, AccessTrade's form); letters of other
///   scripts are kept. Computed once per distinct name.
/// - `update_time` is the product's `updated_at` in the configured zone.
/// - `desc` is the mapped description or `null`; `sku` the mapped SKU, else the pid;
///   `image` the first image or empty.
public struct DatafeedProjector: Sendable {
    /// The campaign's settings.
    public let configuration: AccessTradeConfiguration
    private let linkPrefix: String
    private var cateCache: [String: String] = [:]

    /// Creates a projector.
    public init(configuration: AccessTradeConfiguration) {
        self.configuration = configuration
        let base = configuration.deepLink
        linkPrefix = base + (base.contains("?") ? (base.hasSuffix("?") || base.hasSuffix("&") ? "" : "&") : "?") + "url="
    }

    /// The item for a product.
    public mutating func item(for product: Product) -> DatafeedItem {
        let before = product.oldPrice ?? product.price
        let amount = max(0, before - product.price)
        let rate = before > 0 ? (amount / before * 100 * 100).rounded() / 100 : 0
        let cate = product.categories.first(where: \.isPrimary).map { cateSlug($0.name) } ?? ""
        return DatafeedItem(
            affLink: linkPrefix + PercentEncoding.unreserved(product.url),
            cate: cate,
            categoryCommission: configuration.commission(forCategory: cate),
            desc: product.details,
            discount: product.price,
            campaign: configuration.campaign,
            domain: configuration.domain,
            image: product.images.first ?? "",
            name: product.name,
            price: before,
            productId: product.pid,
            sku: product.sku ?? product.pid,
            statusDiscount: amount > 0 ? 1 : 0,
            discountAmount: amount,
            discountRate: rate,
            updateTime: product.updatedAt,
            updateTimeOffset: configuration.timeZone.secondsFromGMT(for: product.updatedAt),
            url: product.url)
    }

    private mutating func cateSlug(_ name: String) -> String {
        if let cached = cateCache[name] { return cached }
        let slug = TextTransform.slug(Self.foldingLatinAccents(name))
        if cateCache.count >= 4096 { cateCache.removeAll(keepingCapacity: true) }
        cateCache[name] = slug
        return slug
    }

    /// Latin letters without their accents (`ờ` → `o`, `đ` → `d`); other scripts unchanged.
    static func foldingLatinAccents(_ text: String) -> String {
        guard !text.utf8.allSatisfy({ $0 < 0x80 }) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar.value {
            case 0x0300...0x036F: continue  // combining accents of Latin letters
            case 0x0110: result.append("D")
            case 0x0111: result.append("d")
            default: result.append(scalar)
            }
        }
        return String(result)
    }
}
