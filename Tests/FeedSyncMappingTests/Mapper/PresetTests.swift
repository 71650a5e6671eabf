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
        let counts = try Self.mapFile(Fixtures.realFeed(feed.0).path, baseURL: nil)
        #expect(counts.mapped == feed.mapped)
        #expect(counts.rejected == feed.rejected)
        #expect(counts.filtered == feed.filtered)
    }

    @Test("with base_url, the Portuguese WooCommerce export maps its priced variations")
    func wooPortugueseWithBaseURL() throws {
        let counts = try Self.mapFile(Fixtures.realFeed("woo_export_ptbr_registrations/sample_products.csv").path, baseURL: "https://loja.example")
        #expect(counts.mapped == 6)
        #expect(counts.rejected == 4)
    }

    @Test("woocommerce-csv output for WooCommerce's sample data matches fixtures/expected/")
    func wooGolden() throws {
        var products: [Product] = []
        _ = try Self.mapFile(Fixtures.realFeed("woo_sample_products_upstream/sample_products.csv").path, baseURL: "https://woo.example") {
            products.append($0)
        }
        var writer = JSONWriter()
        for product in products {
            product.write(to: &writer)
            writer.raw("\n")
        }
        let expected = try String(contentsOf: Fixtures.fixture("expected/woocommerce-csv.jsonl"), encoding: .utf8)
        #expect(String(decoding: writer.bytes, as: UTF8.self) == expected)
    }

    struct Counts { var mapped = 0, rejected = 0, filtered = 0 }

    static func mapFile(_ path: String, baseURL: String?, product: (Product) -> Void = { _ in }) throws -> Counts {
        let mapping = try PresetLibrary.mapping(named: "woocommerce-csv")
        var variables: [String: String] = [:]
        if let baseURL { variables["base_url"] = baseURL }
        var mapper = Mapper(mapping: mapping, context: MappingContext(variables: variables, now: MappingFactory.now))
        var source = try CSVSource(path: path, source: "woo", dialect: CSVDialect(delimiter: mapping.csvDelimiter))
        try mapper.check(header: source.names, sourceFile: path)
        var counts = Counts()
        while let event = try source.next() {
            guard case .record(let record) = event else {
                counts.rejected += 1
                continue
            }
            switch mapper.map(record) {
            case .product(let mapped, _):
                counts.mapped += 1
                product(mapped)
            case .rejected: counts.rejected += 1
            case .filtered: counts.filtered += 1
            case .merged: break
            }
        }
        return counts
    }
}
