import FeedSyncMapping
import Testing

/// Runs the transforms over every value of a field in the shared real-world feeds.
struct RealFeedTransformTests {
    @Test(
        "every price in these Google feeds parses with the auto locale",
        arguments: [
            ("g:price", "vn_packhouse_gmc/google-merchant.xml"),
            ("g:sale_price", "vn_packhouse_gmc/google-merchant.xml"),
            ("g:price", "gmc_ua_rybka_multi_images/google-feed.xml"),
            ("g:price", "gmc_insider_samples/google-merchant-xml-sample.xml"),
            ("g:price", "vehicles_majorworld_3formats/google_feed.xml"),
            ("g:price", "fb_rss_dularmart_inr/facebook_feed.xml"),
        ])
    func googlePricesParse(element: String, file: String) throws {
        let values = try RealFeedValues.elements(element, in: file)
        try #require(!values.isEmpty)
        for value in values {
            let price = try PriceParser().parse(value)
            #expect(price > 0, "\(value)")
        }
    }

    @Test("every dollar price in the Farfetch feed parses with the dot-decimal locale")
    func farfetchDollarPrices() throws {
        let values = try RealFeedValues.elements("price", in: "gmc_nonamespace_farfetch_ru/google_merchant_feed.xml")
        try #require(values.count == 120)
        for value in values {
            let price = try PriceParser(locale: .dotDecimal).parse(value)
            // "$5,095" has no cents: the price is the digits.
            #expect(price == Double(value.filter(\.isNumber)), "\(value)")
        }
    }

    @Test("every availability in the Google feeds is understood")
    func googleAvailabilities() throws {
        let files = [
            "vn_packhouse_gmc/google-merchant.xml", "gmc_insider_samples/google-merchant-xml-sample.xml",
            "vehicles_majorworld_3formats/google_feed.xml",
        ]
        for file in files {
            let values = try RealFeedValues.elements("g:availability", in: file)
            try #require(!values.isEmpty)
            for value in values {
                #expect(try Availability.parse(value) != nil, "\(value) in \(file)")
            }
        }
    }

    @Test("the out-of-stock products of the Packhouse feed are read as out of stock")
    func packhouseOutOfStock() throws {
        let values = try RealFeedValues.elements("g:availability", in: "vn_packhouse_gmc/google-merchant.xml")
        let outOfStock = try values.filter { try Availability.parse($0) == false }
        #expect(outOfStock.count == 2)
    }

    @Test(
        "every product type in these Google feeds gives categories with one primary",
        arguments: [
            "gmc_ua_rybka_multi_images/google-feed.xml", "gmc_insider_samples/google-merchant-xml-sample.xml",
            "fb_rss_dularmart_inr/facebook_feed.xml", "gmc_peakmont_unescaped_gt/google-merchant.xml",
        ])
    func googleProductTypes(file: String) throws {
        let values = try RealFeedValues.elements("g:product_type", in: file)
        try #require(!values.isEmpty)
        let parser = CategoryPathParser(pathSeparator: nil)
        for value in values {
            let parsed = parser.parse(value)
            #expect(parsed.categories.filter(\.isPrimary).count == 1, "\(value)")
            #expect(parsed.categories.allSatisfy { !$0.cid.isEmpty && !$0.name.isEmpty }, "\(value)")
        }
    }
}
