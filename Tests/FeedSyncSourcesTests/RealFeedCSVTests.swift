import FeedSyncSources
import Foundation
import Testing

/// Every CSV export in `../shared/realfeeds/` reads to the end.
struct RealFeedCSVTests {
    /// Records each file must give, as counted independently with Python's `csv` module.
    /// Files not listed here (added later) are only checked for reading to the end.
    static let expectedRecords: [String: Int] = [
        "gmc_buggy_ns_attrs_vktry/processed_products.csv": 11,
        "magento_luma_configurable/products.csv": 1994,
        "magento_luma_simple_gear/categories.csv": 28,
        "magento_luma_simple_gear/products_gear_bags.csv": 14,
        "magento_luma_simple_gear/products_gear_watches.csv": 9,
        "meta_catalog_csv_bdt_variants/products.csv": 36,
        "meta_catalog_csv_de_wine/facebook_catalog.csv": 80,
        "prestashop_import_samples/categories_import.csv": 3,
        "prestashop_import_samples/combinations_import.csv": 27,
        "prestashop_import_samples/products_import.csv": 7,
        "shopify_partners_demo_csvs/apparel.csv": 22,
        "shopify_partners_demo_csvs/home-and-garden.csv": 21,
        "shopify_partners_demo_csvs/jewelery.csv": 41,
        "shopify_template_2023/product_template.csv": 17,
        "shopify_template_legacy/product_template.csv": 3,
        "shopware6_import_fixtures/products_with_category_path.csv": 1,
        "shopware6_import_fixtures/products_with_variants.csv": 2,
        "vehicles_majorworld_3formats/reddit_feed.csv": 48,
        "woo_export_ptbr_registrations/sample_products.csv": 11,
        "woo_importer_test_sample/sample.csv": 7,
        "woo_sample_products/sample_products.csv": 24,
        "woo_sample_products_upstream/sample_products.csv": 25,
    ]

    static let files = SharedFolder.realFeeds(withExtension: "csv")

    /// `folder/file.csv`, the way the table above names a feed.
    private static func key(_ url: URL) -> String {
        url.deletingLastPathComponent().lastPathComponent + "/" + url.lastPathComponent
    }

    @Test("the real-world CSV feeds are present beside the repository")
    func feedsPresent() throws {
        try #require(!Self.files.isEmpty, "no CSV under \(SharedFolder.url.path)/realfeeds")
        #expect(Set(Self.files.map(Self.key)).isSuperset(of: Self.expectedRecords.keys))
    }

    @Test("each real-world CSV feed reads to the end with the expected records", arguments: files)
    func readsToTheEnd(_ url: URL) throws {
        let name = Self.key(url)
        var source = try CSVSource(path: url.path, source: "realfeeds")

        let events = try CSVTestSupport.drain(&source)
        let records = events.compactMap(\.record)
        let rejections = events.compactMap(\.rejection)

        #expect(records.count + rejections.count > 0)
        if name.hasPrefix("woo_") || name.hasPrefix("shopify") {
            #expect(rejections.isEmpty, "\(rejections.map(\.description))")
        }
        if let expected = Self.expectedRecords[name] {
            #expect(records.count == expected)
            #expect(rejections.isEmpty, "\(rejections.map(\.description))")
        }
        #expect(records.allSatisfy { $0.count == source.names.names.count })
    }

    @Test("PrestaShop and Shopware exports are detected as semicolon-separated")
    func semicolonFeeds() throws {
        let semicolonFeeds = Self.files.filter { $0.path.contains("prestashop") || $0.path.contains("shopware6") }
        try #require(!semicolonFeeds.isEmpty)

        for url in semicolonFeeds {
            let source = try CSVSource(path: url.path, source: "realfeeds")
            #expect(source.delimiter == .semicolon, "\(Self.key(url))")
        }
    }
}
