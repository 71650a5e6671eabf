import FeedSyncCore
import FeedSyncMapping
import FeedSyncSources
import FeedSyncTesting
import Foundation
import Testing

@Suite("Bundled presets")
struct PresetTests {
    @Test("each compiled-in preset is the same text as its file in mappings/ (run scripts/embed-presets after editing)")
    func embeddedTextsMatchFiles() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Fixtures.repositoryRoot.appendingPathComponent("mappings").path)
            .filter { $0.hasSuffix(".yml") }
        #expect(Set(files.map { String($0.dropLast(4)) }) == Set(PresetLibrary.names))
        for file in files {
            let text = try String(contentsOf: Fixtures.mapping(file), encoding: .utf8)
            let name = String(file.dropLast(4))
            #expect(PresetLibrary.text(named: name).map { $0 + "\n" } == text, "\(name) differs")
        }
    }

    @Test("every preset loads and checks")
    func presetsLoad() throws {
        for name in PresetLibrary.names {
            _ = try PresetLibrary.mapping(named: name)
        }
    }

    /// The WooCommerce exports in ../shared/realfeeds, with the records the preset must map,
    /// reject and filter. Rejections: rows with neither ID nor SKU (importer sample), parents
    /// without a price and rows with no way to build a URL (no images, no base_url).
    static let wooFeeds: [(String, mapped: Int, rejected: Int, filtered: Int)] = [
        ("woo_sample_products/sample_products.csv", 21, 0, 3),
        ("woo_sample_products_upstream/sample_products.csv", 22, 0, 3),
        ("woo_importer_test_sample/sample.csv", 2, 3, 2),
        ("woo_export_ptbr_registrations/sample_products.csv", 0, 10, 1),
    ]

    @Test("woocommerce-csv maps the real WooCommerce exports", arguments: wooFeeds)
    func wooRealFeeds(feed: (String, mapped: Int, rejected: Int, filtered: Int)) throws {
        let run = try PresetRun("woocommerce-csv", feed.0)
        #expect(run.products.count == feed.mapped)
        #expect(run.rejections.count == feed.rejected)
        #expect(run.filtered == feed.filtered)
    }

    @Test("with base_url, the Portuguese WooCommerce export maps its priced variations")
    func wooPortugueseWithBaseURL() throws {
        let run = try PresetRun("woocommerce-csv", "woo_export_ptbr_registrations/sample_products.csv", baseURL: "https://loja.example")
        #expect(run.products.count == 6)
        #expect(run.rejections.count == 4)
    }

    @Test("woocommerce-csv output for WooCommerce's sample data matches fixtures/expected/")
    func wooGolden() throws {
        let run = try PresetRun("woocommerce-csv", "woo_sample_products_upstream/sample_products.csv", baseURL: "https://woo.example")
        var writer = JSONWriter()
        for product in run.products {
            product.write(to: &writer)
            writer.raw("\n")
        }
        let expected = try String(contentsOf: Fixtures.fixture("expected/woocommerce-csv.jsonl"), encoding: .utf8)
        #expect(String(decoding: writer.bytes, as: UTF8.self) == expected)
    }
}
