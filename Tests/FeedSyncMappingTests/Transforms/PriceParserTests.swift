import FeedSyncMapping
import Testing

struct PriceParserTests {
    private let auto = PriceParser()
    private let dotDecimal = PriceParser(locale: .dotDecimal)
    private let commaDecimal = PriceParser(locale: .commaDecimal)

    // MARK: - Plain numbers

    @Test(
        "plain numbers are read exactly as the standard library reads them",
        arguments: [
            "18", "20", "45",  // woo_sample_products/sample_products.csv, Regular price
            "17.99",  // woo_importer_test_sample/sample.csv, Sale price
            "11.05",  // woo_sample_products_upstream/sample_products.csv, Regular price
            "19.99", "24.99",  // shopify_template_legacy/product_template.csv, Variant (Compare At) Price
            "495.79831932773",  // shopware6_import_fixtures/products_with_variants.csv, price_net
            "869.69", "999.0",  // affiliate_amazon_ae_8k_json/products-data.json, price
            "5000000",  // ir_torob_api_spec/v1_response_example.json, price
            "20.5", "0", "0.1", "007",
        ])
    func plainNumbers(text: String) throws {
        let expected = try #require(Double(text))
        #expect(try auto.parse(text) == expected)
    }

    @Test(
        "prices of digits alone read as the same number at every length, also past fifteen digits",
        arguments: ["1", "09", "4797000", "123456789012345", "1234567890123456", "99999999999999999999"])
    func digitsOnly(text: String) throws {
        let expected = try #require(Double(text))
        #expect(try dotDecimal.parse(text) == expected)
        #expect(try auto.parse(text) == expected)
    }

    @Test("a number may start with its decimal point")
    func leadingDecimalPoint() throws {
        #expect(try auto.parse(".5") == 0.5)
    }

    @Test("a zero price is accepted, for free products")
    func zeroPrice() throws {
        // ir_torob_api_spec/product_api_v3.md: "If availability is true and current_price is 0,
        // the product is displayed as free."
        #expect(try auto.parse("0") == 0)
    }

    // MARK: - Grouped thousands

    @Test(
        "grouped thousands are read when the grouping leaves no doubt",
        arguments: [
            ("1,234.56", 1234.56),
            ("1.234,56", 1234.56),
            ("12,000,000", 12_000_000),
            ("1.234.567", 1_234_567),
            ("1,234,567.89", 1_234_567.89),
            ("1.234.567,89", 1_234_567.89),
            ("1 234,56", 1234.56),
            ("1\u{00A0}234,56", 1234.56),  // no-break space, as French exports write
            ("1\u{202F}234,56", 1234.56),  // narrow no-break space
            ("12 000 000", 12_000_000),
            ("1'234.50", 1234.5),  // Swiss
            ("1’234.50", 1234.5),
            ("12,34,567", 1_234_567),  // Indian lakh grouping
        ] as [(String, Double)])
    func groupedThousands(text: String, expected: Double) throws {
        #expect(try auto.parse(text) == expected)
    }

    @Test(
        "a single separator not followed by three digits is the decimal one",
        arguments: [("12,50", 12.5), ("1.5", 1.5), ("1,5", 1.5), ("20.5", 20.5), ("3.99", 3.99)] as [(String, Double)])
    func singleDecimalSeparator(text: String, expected: Double) throws {
        #expect(try auto.parse(text) == expected)
    }

    @Test(
        "three decimals are unambiguous when grouping is impossible",
        arguments: [
            ("0.500", 0.5),  // a group cannot be led by 0
            (".500", 0.5),
            ("1234.567", 1234.567),  // a leading group has at most 3 digits
            ("1 234,567", 1234.567),  // the space already groups, so the comma is decimal
        ] as [(String, Double)])
    func threeDecimalsWhenGroupingImpossible(text: String, expected: Double) throws {
        #expect(try auto.parse(text) == expected)
    }

    // MARK: - Currency around the number

    @Test(
        "currency symbols, codes and words around the number are ignored",
        arguments: [
            ("1890000 VND", 1_890_000),  // vn_packhouse_gmc/google-merchant.xml, g:sale_price
            ("449 BDT", 449),  // meta_catalog_csv_bdt_variants/products.csv, price
            ("9.99 GBP", 9.99),  // gmc_insider_samples/google-merchant-xml-sample.xml, g:price
            ("3.99 AUD", 3.99),  // gmc_insider_samples/google-merchant-xml-sample.xml, g:price
            ("100.00 EUR", 100),  // meta_catalog_csv_de_wine/facebook_catalog.csv, price
            ("99.00 USD", 99),  // gmc_buggy_ns_attrs_vktry/processed_products.csv, price
            ("19887.00 USD", 19887),  // vehicles_majorworld_3formats/google_feed.xml, g:price
            ("1000 UAH", 1000),  // gmc_ua_rybka_multi_images/google-feed.xml, g:price
            ("47.00 BGN", 47),  // gmc_bg_cyrillic_oneline/google_merchant_feed.xml, g:price
            ("35.1 TRY", 35.1),  // gmc_insider_samples/google-merchant.xml, g:sale_price
            ("899 INR", 899),  // fb_rss_dularmart_inr/facebook_feed.xml, g:price
            ("€ 12,50", 12.5),
            ("12.50 EUR", 12.5),
            ("$19.99", 19.99),
            ("Rs.500", 500),
            ("1 234,56 руб.", 1234.56),
            ("12,50 €", 12.5),
            ("€ 12,-", 12),
            ("Price: 18", 18),
        ] as [(String, Double)])
    func currencyAround(text: String, expected: Double) throws {
        #expect(try auto.parse(text) == expected)
    }

    @Test(
        "dollar prices with grouped thousands are read with a declared dot-decimal locale",
        arguments: [("$2,030", 2030), ("$5,095", 5095), ("$11,395", 11395), ("$633", 633)] as [(String, Double)])
    func dollarPricesDotDecimal(text: String, expected: Double) throws {
        // gmc_nonamespace_farfetch_ru/google_merchant_feed.xml, price
        #expect(try dotDecimal.parse(text) == expected)
    }

    @Test("Vietnamese dong with dot grouping is read with a declared comma-decimal locale")
    func vietnameseDong() throws {
        #expect(try commaDecimal.parse("150.000 ₫") == 150_000)
        #expect(try commaDecimal.parse("1.590.000đ") == 1_590_000)
    }

    // MARK: - Persian and Arabic-Indic digits

    @Test(
        "Persian and Arabic-Indic digits and separators are read",
        arguments: [
            ("۱۲۳۴۵", 12345),  // api-reference.md §1.3 example
            ("۱۲٬۵۰۰", 12500),
            ("۲٬۵۸۰٬۰۰۰ تومان", 2_580_000),
            ("۱,۹۸۰,۰۰۰ ریال", 1_980_000),
            ("٣٫٥", 3.5),
            ("١٢٬٣٤٥٫٦٧", 12345.67),
            ("۲۵۰۵", 2505),  // ir_nakhll_torob_style/products_array.json: "مانتو جلو باز کد ۲۵۰۵"
            ("IRT 12000", 12000),
            ("12000 toman", 12000),
            ("12000 IRR", 12000),
            ("12000 rial", 12000),
            ("۱۲۰۰۰ ﷼", 12000),
        ] as [(String, Double)])
    func persianDigits(text: String, expected: Double) throws {
        #expect(try auto.parse(text) == expected)
    }

    // MARK: - Declared locale

    @Test("a declared dot-decimal locale reads 1,234 as a thousand and 1.234 as a fraction")
    func dotDecimalLocale() throws {
        #expect(try dotDecimal.parse("1,234") == 1234)
        #expect(try dotDecimal.parse("1.234") == 1.234)
    }

    @Test("a declared comma-decimal locale reads 1.234 as a thousand and 1,234 as a fraction")
    func commaDecimalLocale() throws {
        #expect(try commaDecimal.parse("1.234") == 1234)
        #expect(try commaDecimal.parse("1,234") == 1.234)
    }

    @Test("a declared locale refuses a value written the other way")
    func declaredLocaleRefusesOtherConvention() {
        #expect(throws: TransformError.self) { try dotDecimal.parse("12,50") }
        #expect(throws: TransformError.self) { try commaDecimal.parse("1,234.56") }
    }

    @Test("the error for a value against the declared locale names the locale")
    func declaredLocaleErrorNamesLocale() {
        let error = #expect(throws: TransformError.self) { try commaDecimal.parse("1,234.56") }
        #expect(error?.reason.contains("comma-decimal") == true)
    }

    // MARK: - Ambiguity

    @Test(
        "with the auto locale, one separator followed by exactly three digits is refused",
        arguments: [
            "1.234", "1,234", "12.500", "150.000",
            "$2,030",  // gmc_nonamespace_farfetch_ru/google_merchant_feed.xml: needs a declared locale
        ])
    func ambiguousValuesAreRefused(text: String) {
        let error = #expect(throws: TransformError.self) { try auto.parse(text) }
        #expect(error?.reason.hasPrefix("ambiguous:") == true)
    }

    @Test("the ambiguity error shows both readings and asks for the number locale")
    func ambiguityMessage() {
        let error = #expect(throws: TransformError.self) { try auto.parse("1.234") }
        let expected =
            "ambiguous: 1.234 could be 1234 or 1.234; "
            + "declare the number locale (dot-decimal or comma-decimal) in the mapping"
        #expect(error?.reason == expected)
    }

    // MARK: - Refused values

    @Test("empty or blank text is refused as empty", arguments: ["", "   ", "\u{00A0}"])
    func emptyText(text: String) {
        let error = #expect(throws: TransformError.self) { try auto.parse(text) }
        #expect(error?.reason == "the price is empty")
    }

    @Test("text without a number is refused", arguments: [" USD", "Call for price", "₫"])
    func noDigits(text: String) {
        // " USD": gmc_buggy_ns_attrs_vktry/processed_products.csv, a product whose price was lost.
        let error = #expect(throws: TransformError.self) { try auto.parse(text) }
        #expect(error?.reason == "no number found in the price")
    }

    @Test("negative prices are refused", arguments: ["-5", "-12.50 EUR", "−3", "$-10"])
    func negative(text: String) {
        let error = #expect(throws: TransformError.self) { try auto.parse(text) }
        #expect(error?.reason == "a price cannot be negative")
    }

    @Test("two numbers are refused", arguments: ["10-20", "10 – 20", "10 to 20", "9.99 GBP 12.99 GBP"])
    func twoNumbers(text: String) {
        let error = #expect(throws: TransformError.self) { try auto.parse(text) }
        #expect(error?.reason.contains("more than one number") == true)
    }

    @Test(
        "characters that belong to neither a number nor a currency are refused",
        arguments: [
            "10%", "10/kg", "+5",
            "150/000تومان",  // ir_nakhll_torob_style/products_array.json, short_desc: '/' grouping
        ])
    func unexpectedCharacters(text: String) {
        let error = #expect(throws: TransformError.self) { try auto.parse(text) }
        #expect(error?.reason.hasPrefix("unexpected") == true)
    }

    @Test("malformed grouping is refused", arguments: ["1,23,4", "1.2.3", "1,2345,678", "12 34", "12,3,456"])
    func malformedGrouping(text: String) {
        #expect(throws: TransformError.self) { try auto.parse(text) }
    }

    @Test("two different thousands separators in one number are refused")
    func mixedGrouping() {
        let error = #expect(throws: TransformError.self) { try auto.parse("1.234 567,00") }
        #expect(error?.reason.hasPrefix("mixes") == true)
    }

    @Test("a number too large for a Double is refused")
    func tooLarge() {
        let error = #expect(throws: TransformError.self) { try auto.parse("1" + String(repeating: "0", count: 400)) }
        #expect(error?.reason == "the number is too large to be a price")
    }

    @Test("numbers longer than a Double's exact range are still correctly rounded")
    func longNumbers() throws {
        let text = "12345678901234567890.123"
        #expect(try auto.parse(text) == Double(text))
    }

    @Test("the error quotes the offending value")
    func errorQuotesValue() {
        let error = #expect(throws: TransformError.self) { try auto.parse("10-20") }
        #expect(error?.transform == "price")
        #expect(error?.value == "10-20")
    }

    // MARK: - Optional prices

    @Test("a blank optional price is nil")
    func blankOptionalPrice() throws {
        // woo_sample_products/sample_products.csv: most rows leave "Sale price" empty.
        #expect(try auto.parseIfPresent("") == nil)
        #expect(try auto.parseIfPresent("  ") == nil)
    }

    @Test("a present optional price is read")
    func presentOptionalPrice() throws {
        // woo_sample_products/sample_products.csv, Sale price of the Beanie.
        #expect(try auto.parseIfPresent("18") == 18)
    }
}
