import FeedSyncCore
import FeedSyncMapping
import Testing

/// The JSON presets on real (or, for Affili's webhook, fixture) documents, read by JSONRecordReader.
@Suite("JSON presets")
struct JSONPresetTests {
    @Test("affili-webhook-json maps webhook pages; categories come from their objects, parents and primary kept")
    func affiliWebhook() throws {
        let run = try PresetRun("affili-webhook-json", "fixtures/json/affili-webhook/page-1.json")
        #expect(run.products.count == 10)
        #expect(run.rejections.isEmpty)
        let shoe = try run.product("P001")
        #expect(shoe.name == "کفش ورزشی نایکی 1")
        #expect(shoe.price == 101_000)
        #expect(shoe.oldPrice == nil)
        #expect(shoe.inStock)
        #expect(shoe.images == ["https://shop.example/img/1-1.jpg", "https://shop.example/img/1-2.jpg"])
        #expect(shoe.categories == [
            Category(cid: "c1", name: "موبایل", url: "https://shop.example/c/1", parentCid: nil, isPrimary: false),
            Category(cid: "c3", name: "لوازم جانبی", url: "https://shop.example/c/2", parentCid: "c1", isPrimary: true),
        ])
        #expect(try run.product("P003").oldPrice == 123_000)
        let pretty = try PresetRun("affili-webhook-json", "fixtures/json/affili-webhook/page-3.json")
        #expect(pretty.products.count == 5)
        #expect(try pretty.product("P021").oldPrice == 141_000)
    }

    @Test("torob-plugin-json reads Torob's v2 and v3 examples, converting Toman to Rial")
    func torobExamples() throws {
        for (file, pid) in [("ir_torob_api_spec/v2_response_example.json", "12412"), ("ir_torob_api_spec/v3_response_example.json", "12412_1")] {
            let run = try PresetRun("torob-plugin-json", file)
            #expect(run.products.count == 1)
            let phone = try run.product(pid)
            #expect(phone.name == "Xiaomi Mi Note 10 Pro")
            #expect(phone.url == "https://domain.com/product/34/")
            #expect(phone.price == 50_000_000)
            #expect(phone.oldPrice == 55_000_000)
            #expect(phone.inStock)
            // v2 repeats the main image_link in image_links: listed once.
            #expect(phone.images == ["https://domain.com/images/main.jpg", "https://domain.com/images/gallery-1.jpg"])
            #expect(phone.categoryChain.cids == ["mobile"])
            #expect(phone.categoryChain.primary == "mobile")
        }
    }

    @Test("torob-plugin-json on Nakhll's Torob-style array: blank availability is out of stock, old_price 0 is none")
    func nakhll() throws {
        let run = try PresetRun(
            "torob-plugin-json", "ir_nakhll_torob_style/products_array.json", overrides: "json: { preset: shop-plugin, items: \"\" }")
        #expect(run.products.count == 100)
        #expect(run.rejections.isEmpty)
        let drink = try run.product("6ae63f1a-e937-4de2-a055-0239359bca74")
        #expect(drink.name == "نوشیدنی ژله ای تردینه")
        #expect(drink.price == 240_000)
        #expect(drink.oldPrice == 300_000)
        #expect(drink.inStock)
        #expect(drink.images.count == 1)
        #expect(drink.categoryChain.cids == ["نوشیدنی-و-دمنوش-ها"])
        #expect(run.products.filter { !$0.inStock }.count == 7)
        let noOld = try #require(run.products.first { $0.pid.hasPrefix("26ada30a") })
        #expect(noOld.price == 7_500_000)
        #expect(noOld.oldPrice == nil)
    }

    @Test("affili-plugin-json reads the same shape with prices as written")
    func affiliPlugin() throws {
        let run = try PresetRun("affili-plugin-json", "ir_torob_api_spec/v2_response_example.json")
        let phone = try run.product("12412")
        #expect(phone.price == 5_000_000)
        #expect(phone.oldPrice == 5_500_000)
        #expect(phone.images.count == 2)
        let plugin = try PresetRun("affili-plugin-json", "fixtures/json/shop-plugin/page-1.json")
        #expect(plugin.products.count == 3)
        #expect(try plugin.product("1001").price == 50_000)
        #expect(try plugin.product("1001").oldPrice == 60_000)
    }

    @Test("accesstrade-datafeed-json: product_id as pid, price without promotion, cate as the category, update_time in UTC+7")
    func accessTrade() throws {
        let run = try PresetRun("accesstrade-datafeed-json", "vn_accesstrade_datafeeds_doc/datafeeds_response_sample.json")
        #expect(run.products.count == 1)
        #expect(run.warnings.isEmpty)
        let shirt = try run.product("224_AN273FAAA1FXLXVNAMZ-2293380")
        #expect(shirt.sku == "AN273FAAA1FXLXVNAMZ-2293380")
        #expect(shirt.url == "https://www.lazada.vn/ao-thun-cao-cap-hinh-star-wars-coffee-2423013.html")
        #expect(shirt.price == 175_000)
        #expect(shirt.oldPrice == nil)
        #expect(shirt.inStock)
        #expect(shirt.images.count == 1)
        #expect(shirt.categoryChain.cids == ["thoi-trang-my-pham"])
        // 24-07-2018T01:02:19 in Vietnam is 2018-07-23T18:02:19Z.
        #expect(shirt.updatedAt.timeIntervalSince1970 == 1_532_368_939)
    }

    @Test("accesstrade-datafeed-json: with status_discount 1 the discount is the price and price the old price")
    func accessTradeDiscount() throws {
        let run = try PresetRun("accesstrade-datafeed-json", "fixtures/json/accesstrade/page-1.json")
        let discounted = try run.product("224_SKU-1")
        #expect(discounted.price == 149_000)
        #expect(discounted.oldPrice == 175_000)
        #expect(run.warnings.isEmpty)
    }

    @Test("woocommerce-rest-json: id as pid, string prices, images[].src, category objects with cid from id")
    func wooREST() throws {
        let run = try PresetRun("woocommerce-rest-json", "woo_rest_v3_products_list/products_list_response.json")
        #expect(run.products.count == 1)
        // 799 is a variable product whose example has no price at all.
        #expect(run.rejections.map(\.pid) == ["799"])
        #expect(run.rejections.first?.field == "price")
        let shirt = try run.product("794")
        #expect(shirt.name == "Premium Quality")
        #expect(shirt.url == "https://example.com/product/premium-quality-19/")
        #expect(shirt.price == 21.99)
        #expect(shirt.oldPrice == nil)
        #expect(shirt.inStock)
        #expect(shirt.images.count == 2)
        #expect(shirt.categories == [
            Category(cid: "9", name: "Clothing", url: "", parentCid: nil, isPrimary: true),
            Category(cid: "14", name: "T-shirts", url: "", parentCid: nil, isPrimary: false),
        ])
    }
}
