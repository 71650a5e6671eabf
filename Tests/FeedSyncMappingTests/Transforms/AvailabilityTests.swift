import FeedSyncMapping
import Testing

struct AvailabilityTests {
    @Test(
        "in-stock words are read as in stock",
        arguments: [
            "in stock",  // meta_catalog_csv_bdt_variants/products.csv, gmc_insider_samples/*.xml
            "in_stock",  // vn_packhouse_gmc/google-merchant.xml, vehicles_majorworld_3formats/reddit_feed.csv
            "instock",  // ir_torob_api_spec/product_api_v2.md, ir_nakhll_torob_style, woo_rest_v3_products_list
            "Available",  // gmc_nonamespace_farfetch_ru/google_merchant_feed.xml
            "available",  // vn_tiki_smartphones_json/Tiki_crawl_result.json, Inventory_status
            "1",  // woo_sample_products/sample_products.csv, "In stock?"
            "true", "yes", "IN STOCK", "In-Stock", "  in stock\u{00A0}",
            "https://schema.org/InStock", "http://schema.org/InStock", "schema:InStock",
            "موجود",  // Persian "available"
            "còn hàng",  // Vietnamese "in stock"
            "co\u{0300}n ha\u{0300}ng",  // the same typed with combining accents
            // Portuguese: woo_export_ptbr_registrations/sample_products.csv calls its stock column "Em estoque?".
            "em estoque",
        ])
    func inStockWords(text: String) throws {
        #expect(try Availability.parse(text) == true)
    }

    @Test(
        "pre-orders and back-orders count as in stock, because they can be ordered now",
        arguments: ["preorder", "pre-order", "backorder", "onbackorder", "https://schema.org/PreOrder"])
    func orderableLater(text: String) throws {
        // onbackorder: woo_rest_v3_products_list/_products.md, stock_status options.
        #expect(try Availability.parse(text) == true)
    }

    @Test(
        "out-of-stock words are read as out of stock",
        arguments: [
            "out of stock",
            "out_of_stock",  // vn_packhouse_gmc/google-merchant.xml, g:availability
            "outofstock",  // woo_rest_v3_products_list/_products.md, stock_status options
            "sold out", "no", "false", "0", "discontinued", "Discontinued",
            "http://schema.org/OutOfStock", "https://schema.org/SoldOut",
            "ناموجود",  // Persian "unavailable"
            "hết hàng",  // Vietnamese "out of stock"
        ])
    func outOfStockWords(text: String) throws {
        #expect(try Availability.parse(text) == false)
    }

    @Test(
        "a positive stock count is in stock",
        arguments: [
            "5", "10",  // woo_importer_test_sample/sample.csv, Stock
            "100",  // magento_luma_configurable/products.csv, qty
            "160",  // prestashop_import_samples/products_import.csv, Quantity
            "10000",  // shopware6_import_fixtures/products_with_category_path.csv, stock
            "100.0000", "۱۲", "٣", "+2",
        ])
    func positiveCount(text: String) throws {
        #expect(try Availability.parse(text) == true)
    }

    @Test("a zero or negative stock count is out of stock", arguments: ["0", "-3", "۰", "0.0000", "-0"])
    func zeroOrNegativeCount(text: String) throws {
        // "0": shopify_template_2023/product_template.csv, Variant Inventory Qty.
        #expect(try Availability.parse(text) == false)
    }

    @Test("a blank cell is nil, leaving the default to the mapping", arguments: ["", "  ", "\n"])
    func blankIsNil(text: String) throws {
        // ir_nakhll_torob_style/products_array.json: 7 products have "availability": "".
        #expect(try Availability.parse(text) == nil)
    }

    @Test(
        "an unknown word is refused",
        arguments: [
            "Промо",  // gmc_nonamespace_farfetch_ru/google_merchant_feed.xml, availability
            "marketable",  // ir_digikala_search_page/digikala_search_page1.json, status
            "maybe", "5 left",
        ])
    func unknownWord(text: String) {
        #expect(throws: TransformError.self) { try Availability.parse(text) }
    }

    @Test("the error for an unknown word names the word")
    func unknownWordError() {
        let error = #expect(throws: TransformError.self) { try Availability.parse("Промо") }
        #expect(error?.transform == "availability")
        #expect(error?.value == "Промо")
        #expect(error?.description.contains("Промо") == true)
    }

    @Test("a shop's own words can be added")
    func extraWords() throws {
        let reader = Availability(inStockWords: ["marketable"], outOfStockWords: ["Out of Promo"])
        #expect(try reader.parse("marketable") == true)
        #expect(try reader.parse("out_of_promo") == false)
    }

    @Test("Arabic and Persian spellings of the same word are the same word")
    func persianLetterForms() throws {
        // Arabic yeh (U+064A) in place of the Persian one (U+06CC).
        #expect(try Availability.parse("موجود ني\u{0633}ت") == Availability.parse("موجود نیست"))
    }
}
