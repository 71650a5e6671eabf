import FeedSyncConfig
import FeedSyncCore
import FeedSyncEngine
import Foundation
import Testing

/// Products become AccessTrade datafeed items the way AccessTrade's document shows them.
struct DatafeedProjectorTests {
    private static let lazadaCampaign = AccessTradeConfiguration(
        campaign: "lazada", domain: "lazada.vn", deepLink: "https://fast.accesstrade.com.vn/deep_link/4348611826491973833",
        categoryCommission: ["thoi-trang-my-pham": CategoryCommission(partnerReward: "8.00%", rewardType: "Amount sold")])

    /// The product behind the document's example item.
    private static func tShirt(oldPrice: Double? = 175_000) -> Product {
        Product(
            pid: "142_AN273FAAA1FXLXVNAMZ-2293380",
            name: "Áo Thun Cao Cấp Hình Star Wars Coffee - MITADI – ASTE072",
            url: "http://www.lazada.vn/ao-thun-cao-cap-hinh-star-wars-coffee-mitadi-aste072-2423013.html",
            price: 149_000, oldPrice: oldPrice,
            images: ["http://vn-live-01.slatic.net/p/7/image-3103242-3b4b9c7018198c05f648390fb741036c-product.jpg"],
            categories: [Category(cid: "thoi-trang-my-pham", name: "Thời trang & Mỹ phẩm", url: "", isPrimary: true)],
            createdAt: Date(timeIntervalSince1970: 1_505_370_154), updatedAt: Date(timeIntervalSince1970: 1_505_370_154),
            sku: "AN273FAAA1FXLXVNAMZ-2293380")
    }

    @Test("aff_link is the deep-link base with the product URL percent-encoded, as in the document")
    func affiliateLink() {
        var projector = DatafeedProjector(configuration: Self.lazadaCampaign)
        #expect(projector.item(for: Self.tShirt()).affLink
            == "https://fast.accesstrade.com.vn/deep_link/4348611826491973833?url=http%3A%2F%2Fwww.lazada.vn%2Fao-thun-cao-cap-hinh-star-wars-coffee-mitadi-aste072-2423013.html")
    }

    @Test("a deep-link base that has a query already gets &url=")
    func deepLinkWithQuery() {
        var configuration = Self.lazadaCampaign
        configuration.deepLink = "https://go.isclix.com/deep_link/1?utm_source=feedsync"
        var projector = DatafeedProjector(configuration: configuration)
        #expect(projector.item(for: Self.tShirt()).affLink.hasPrefix("https://go.isclix.com/deep_link/1?utm_source=feedsync&url=http%3A%2F%2F"))
    }

    @Test("price before, discount after, the amount and the rate with two decimals, as in the document")
    func discountFields() {
        var projector = DatafeedProjector(configuration: Self.lazadaCampaign)
        let item = projector.item(for: Self.tShirt())
        #expect(item.price == 175_000)
        #expect(item.discount == 149_000)
        #expect(item.discountAmount == 26_000)
        #expect(item.discountRate == 14.86)
        #expect(item.statusDiscount == 1)
    }

    @Test("without an old price there is no discount")
    func noDiscount() {
        var projector = DatafeedProjector(configuration: Self.lazadaCampaign)
        let item = projector.item(for: Self.tShirt(oldPrice: nil))
        #expect(item.price == 149_000)
        #expect(item.discount == 149_000)
        #expect(item.discountAmount == 0)
        #expect(item.discountRate == 0)
        #expect(item.statusDiscount == 0)
    }

    @Test("cate is the primary category's slug without Vietnamese accents, and picks its commission")
    func categorySlug() {
        var projector = DatafeedProjector(configuration: Self.lazadaCampaign)
        let item = projector.item(for: Self.tShirt())
        #expect(item.cate == "thoi-trang-my-pham")
        #expect(item.categoryCommission?.partnerReward == "8.00%")
        var phone = Self.tShirt()
        phone.categories = [Category(cid: "x", name: "Điện thoại", url: "", isPrimary: true)]
        #expect(projector.item(for: phone).cate == "dien-thoai")
        #expect(projector.item(for: phone).categoryCommission == nil)
    }

    @Test("the other fields come from the product and the campaign")
    func otherFields() {
        var projector = DatafeedProjector(configuration: Self.lazadaCampaign)
        let item = projector.item(for: Self.tShirt())
        #expect(item.productId == "142_AN273FAAA1FXLXVNAMZ-2293380")
        #expect(item.sku == "AN273FAAA1FXLXVNAMZ-2293380")
        #expect(item.campaign == "lazada")
        #expect(item.domain == "lazada.vn")
        #expect(item.image.hasSuffix("-product.jpg"))
        #expect(item.desc == nil)
        #expect(item.updateTimeOffset == 7 * 3600)
        #expect(item.jsonText.contains(#""update_time":"14-09-2017T13:22:34""#))
    }

    @Test("sku falls back to the pid, image to empty")
    func fallbacks() {
        var projector = DatafeedProjector(configuration: Self.lazadaCampaign)
        var product = Self.tShirt()
        product.sku = nil
        product.images = []
        let item = projector.item(for: product)
        #expect(item.sku == product.pid)
        #expect(item.image == "")
    }
}
