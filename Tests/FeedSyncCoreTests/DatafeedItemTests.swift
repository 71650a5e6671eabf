import FeedSyncCore
import Foundation
import Testing

struct DatafeedItemTests {
    /// The item of AccessTrade's own example (seed 002, "Lấy thông tin datafeeds").
    static let lazada = DatafeedItem(
        affLink: "https://fast.accesstrade.com.vn/deep_link/4348611826491973833?url=http%3A%2F%2Fwww.lazada.vn%2Fao-thun.html",
        cate: "thoi-trang-my-pham",
        categoryCommission: CategoryCommission(partnerReward: "8.00%", rewardType: "Amount sold"),
        discount: 149_000, campaign: "lazada", domain: "lazada.vn",
        image: "http://vn-live-01.slatic.net/p/7/image-3103242-3b4b9c7018198c05f648390fb741036c-product.jpg",
        name: "Áo Thun Cao Cấp Hình Star Wars Coffee - MITADI – ASTE072", price: 175_000,
        productId: "142_AN273FAAA1FXLXVNAMZ-2293380", sku: "AN273FAAA1FXLXVNAMZ-2293380",
        statusDiscount: 1, discountAmount: 26_000, discountRate: 14.86,
        updateTime: Date(timeIntervalSince1970: 1_505_370_154), updateTimeOffset: 7 * 3600,
        url: "http://www.lazada.vn/ao-thun.html")

    @Test("an item is written with every field of AccessTrade's document, in its order")
    func writesEveryField() throws {
        let text = Self.lazada.jsonText
        let keys = ["aff_link", "cate", "category_commission", "desc", "discount", "campaign", "domain", "image", "name", "price",
                    "product_id", "sku", "status_discount", "discount_amount", "discount_rate", "update_time", "url"]
        let positions = try keys.map { key in try #require(text.range(of: "\"\(key)\":")).lowerBound }
        #expect(positions == positions.sorted())
        #expect(text.contains(#""category_commission":{"partner_reward":"8.00%","reward_type":"Amount sold"}"#))
        #expect(text.contains(#""desc":null"#))
        #expect(text.contains(#""discount":149000,"#))
        #expect(text.contains(#""discount_rate":14.86,"#))
        #expect(text.contains(#""status_discount":1,"#))
    }

    @Test("update_time is dd-MM-yyyyTHH:mm:ss at the item's offset")
    func updateTime() {
        // 1505370154 is 2017-09-14T06:22:34Z, i.e. 13:22:34 in Vietnam: the document's "14-09-2017T13:22:34".
        #expect(Self.lazada.jsonText.contains(#""update_time":"14-09-2017T13:22:34""#))
    }

    @Test("the written item is valid JSON with the values it was given")
    func validJSON() throws {
        var item = Self.lazada
        item.desc = "Áo \"thun\"\nmới"
        item.categoryCommission = nil
        let object = try #require(try JSONSerialization.jsonObject(with: Data(item.jsonText.utf8)) as? [String: Any])
        #expect(object["desc"] as? String == "Áo \"thun\"\nmới")
        #expect(object["category_commission"] is NSNull)
        #expect(object["price"] as? Int == 175_000)
        #expect(object["product_id"] as? String == "142_AN273FAAA1FXLXVNAMZ-2293380")
    }
}
