import FeedSyncCore
import FeedSyncMapping
import Testing

/// google-merchant-xml and google-merchant-atom on the real feeds, read by XMLSource.
@Suite("Presets google-merchant-xml and google-merchant-atom")
struct XMLPresetTests {
    /// Every Google-shaped XML feed, with how many records the preset maps and rejects.
    static let googleFeeds: [(String, mapped: Int, rejected: Int)] = [
        ("gmc_insider_samples/google-merchant-xml-sample.xml", 17, 0),
        // Product 150's <g:title> is a blank: no name, rejected.
        ("gmc_insider_samples/google-merchant.xml", 1, 1),
        ("gmc_ua_rybka_multi_images/google-feed.xml", 32, 0),
        ("gmc_bg_cyrillic_oneline/google_merchant_feed.xml", 2, 0),
        // No namespace at all (aliases); five sponsored listings say "Промо", not a stock status.
        ("gmc_nonamespace_farfetch_ru/google_merchant_feed.xml", 115, 5),
        ("gmc_cz_hurom_price_no_currency/google-feed.xml", 18, 0),
        ("vn_packhouse_gmc/google-merchant.xml", 49, 0),
        ("fb_rss_dularmart_inr/facebook_feed.xml", 5, 0),
        ("meta_catalog_doc_examples/example_rss.xml", 1, 0),
    ]

    @Test("google-merchant-xml maps every real Google-shaped RSS feed", arguments: googleFeeds)
    func googleFeedCounts(feed: (String, mapped: Int, rejected: Int)) throws {
        let run = try PresetRun("google-merchant-xml", feed.0)
        #expect(run.products.count == feed.mapped)
        #expect(run.rejections.count == feed.rejected)
        #expect(run.countsAddUp)
    }

    @Test("g: prices with currency codes, a sale under the price, and product_type as the category chain")
    func insiderSamples() throws {
        let sample = try PresetRun("google-merchant-xml", "gmc_insider_samples/google-merchant-xml-sample.xml")
        let gel = try sample.product("188265")
        #expect(gel.name == "Gu Espresso Love Energy Gel")
        #expect(gel.price == 3.99)
        #expect(gel.oldPrice == nil)
        #expect(gel.inStock)
        #expect(gel.images.count == 1)
        #expect(gel.categoryChain.cids == [
            "fitness", "fitness/nutrition-supplements", "fitness/nutrition-supplements/energy-gels-hydration-tablets",
        ])
        #expect(gel.categoryChain.primary == "fitness/nutrition-supplements/energy-gels-hydration-tablets")
        let small = try PresetRun("google-merchant-xml", "gmc_insider_samples/google-merchant.xml")
        let shirt = try small.product("1_black0")
        #expect(shirt.price == 19.13)
        #expect(shirt.oldPrice == 24)
        #expect(shirt.categoryChain.cids == ["clothes", "clothes/men"])
        #expect(small.rejections.first?.pid == "150")
        #expect(small.rejections.first?.field == "name")
    }

    @Test("repeated g:additional_image_link elements all become images")
    func multipleImages() throws {
        let run = try PresetRun("google-merchant-xml", "gmc_ua_rybka_multi_images/google-feed.xml")
        let suit = try run.product("RS-1-UK")
        #expect(suit.images.count == 5)
        #expect(suit.images.first == "https://rybkaspace.com/images/products/1/1.jpg")
        #expect(suit.price == 1230)
        #expect(suit.url == "https://rybkaspace.com/product/1")
        #expect(suit.categoryChain.primary == "одяг/жіночий-одяг/спортивні-костюми")
        #expect(try run.product("RS-2-UK").images.count == 4)
        #expect(try run.product("RS-21-RU").images.count == 6)
    }

    @Test("a feed on one line, in Cyrillic, without categories")
    func bulgarianOneLine() throws {
        let run = try PresetRun("google-merchant-xml", "gmc_bg_cyrillic_oneline/google_merchant_feed.xml")
        let product = try run.product("MINOX-2")
        #expect(product.name == "Миноксидил 2% за жени – 125 мл")
        #expect(product.url == "https://minoxidilbg.com/minoxidil-2/")
        #expect(product.price == 47)
        #expect(product.categories.isEmpty)
    }

    @Test("a feed without namespaces reads through the aliases; $2,030 is 2030")
    func farfetchWithoutNamespace() throws {
        let run = try PresetRun("google-merchant-xml", "gmc_nonamespace_farfetch_ru/google_merchant_feed.xml")
        let dress = try run.product("22872454_XXS")
        #expect(dress.price == 2030)
        #expect(dress.inStock)
        #expect(dress.images.count == 1)
        #expect(dress.categoryChain.cids.prefix(3) == ["для-нее", "для-нее/одежда", "для-нее/одежда/платья"])
        #expect(try run.product("22755805_L").price == 5080)
        #expect(run.rejections.allSatisfy { $0.field == "in_stock" && $0.reason.contains("Промо") })
    }

    @Test("prices without a currency, RSS <title>/<link> beside g: fields, VND sales and an INR Facebook feed")
    func plainPricesAndSales() throws {
        let hurom = try PresetRun("google-merchant-xml", "gmc_cz_hurom_price_no_currency/google-feed.xml")
        let juicer = try hurom.product("112c11215d24")
        #expect(juicer.name == "Odšťavňovač H 100 | platinově stříbrný")
        #expect(juicer.price == 12490)
        #expect(juicer.url == "https://hurom.cz/odstavnovac/h-100?variant=platinove-stribrny")
        let packhouse = try PresetRun("google-merchant-xml", "vn_packhouse_gmc/google-merchant.xml")
        let luggage = try packhouse.product("5")
        #expect(luggage.price == 5_950_000)
        #expect(luggage.oldPrice == 8_900_000)
        #expect(try packhouse.product("1").price == 1_890_000)
        #expect(try packhouse.product("1").oldPrice == nil)
        let dular = try PresetRun("google-merchant-xml", "fb_rss_dularmart_inr/facebook_feed.xml")
        let mat = try dular.product("DM-SILICONE-001")
        #expect(mat.price == 499)
        #expect(mat.categoryChain.cids == ["baby-feeding"])
        #expect(mat.categoryChain.primary == "baby-feeding")
    }

    @Test("google-merchant-atom maps Meta's Atom examples: <entry> records with g: fields", arguments: [
        "meta_catalog_doc_examples/example_atom.xml", "meta_catalog_doc_examples/example_atom_deeplinks.xml",
    ])
    func atomExamples(file: String) throws {
        let run = try PresetRun("google-merchant-atom", file)
        #expect(run.products.count == 1)
        #expect(run.rejections.isEmpty)
        let bowl = try run.product("DB_1")
        #expect(bowl.name == "Dog Bowl In Blue")
        #expect(bowl.url == "http://www.example.com/bowls/db-1.html")
        #expect(bowl.price == 9.99)
        #expect(bowl.inStock)
        #expect(bowl.images == ["http://images.example.com/DB_1.png"])
        #expect(bowl.categoryChain.cids == ["animals", "animals/pet-supplies"])
    }
}
