import FeedSyncCore
import FeedSyncSources
import FeedSyncTesting
import Foundation
import Testing

/// Every JSON file in `../shared/realfeeds/`, read at the pointer where its items are.
struct RealFeedJSONTests {
    struct Case: Sendable, CustomStringConvertible {
        var file: String
        var items: String
        var count: Int
        var description: String { file }
    }

    static let cases: [Case] = [
        Case(file: "affiliate_amazon_ae_8k_json/products-data.json", items: "", count: 8172),
        Case(file: "ir_digikala_search_page/digikala_search_page1.json", items: "/products", count: 20),
        Case(file: "ir_nakhll_torob_style/products_array.json", items: "", count: 100),
        Case(file: "ir_torob_api_spec/v1_response_example.json", items: "", count: 1),
        Case(file: "ir_torob_api_spec/v2_response_example.json", items: "/products", count: 1),
        Case(file: "ir_torob_api_spec/v3_response_example.json", items: "/products", count: 1),
        Case(file: "ir_torob_challenge_titles/toy_sample_standard.json", items: "", count: 300),
        Case(file: "vn_accesstrade_datafeeds_doc/datafeeds_response_sample.json", items: "/data", count: 1),
        Case(file: "vn_packhouse_gmc/products.json", items: "/data", count: 49),
        Case(file: "vn_tiki_smartphones_json/Tiki_crawl_result.json", items: "", count: 380),
        Case(file: "woo_rest_v3_products_list/products_list_response.json", items: "", count: 2),
    ]

    @Test("each real-world JSON feed yields its exact number of records, none rejected", arguments: cases)
    func recordCounts(_ feed: Case) throws {
        var reader = JSONRecordReader(
            stream: try FileByteStream(path: Fixtures.realFeed(feed.file).path), items: try JSONPointer(feed.items),
            source: "real", file: feed.file)
        var records = 0
        while let event = try reader.next() {
            #expect(event.rejection == nil, "\(feed.file): \(String(describing: event.rejection))")
            records += 1
        }
        #expect(records == feed.count)
    }

    @Test("the table above covers every JSON file in realfeeds")
    func everyFileCovered() {
        let files = Fixtures.realFeeds(withExtension: "json").map {
            $0.pathComponents.suffix(2).joined(separator: "/")
        }
        #expect(!files.isEmpty)
        #expect(Set(files) == Set(Self.cases.map(\.file)))
    }

    @Test("Digikala's search page read at the top level fails: it is an object, not an array")
    func digikalaWrongPointer() throws {
        var reader = JSONRecordReader(
            stream: try FileByteStream(path: Fixtures.realFeed("ir_digikala_search_page/digikala_search_page1.json").path),
            items: JSONPointer(tokens: []), source: "real", file: "digikala")
        #expect {
            while try reader.next() != nil {}
        } throws: { error in
            let error = error as? JSONReadError
            return error?.problem == .shape && error?.line == 1 && error?.column == 1
                && error?.reason == "expected an array of items at the top level (pointer \"\"), found an object"
        }
    }

    @Test("the Torob v2 sample's fields are named by key path")
    func torobFields() throws {
        var reader = JSONRecordReader(
            stream: try FileByteStream(path: Fixtures.realFeed("ir_torob_api_spec/v2_response_example.json").path),
            items: JSONPointer(tokens: ["products"]), metadata: [JSONPointer(tokens: ["max_pages"])], source: "real", file: "v2")
        let record = try #require(try reader.next()?.record)
        #expect(record.firstValue(named: "page_unique") == "12412")
        #expect(record.values(named: "image_links").count == 2)
        #expect(record.firstValue(named: "spec/memory") == "4GB")
        #expect(record.firstValue(named: "subtitle") == "گوشی موبایل شائومی Note 10 Pro")
        while try reader.next() != nil {}
        #expect(reader.metadata[JSONPointer(tokens: ["max_pages"])] == "2")
    }

    @Test("the Digikala page's escaped Persian titles are unescaped")
    func digikalaEscapes() throws {
        var reader = JSONRecordReader(
            stream: try FileByteStream(path: Fixtures.realFeed("ir_digikala_search_page/digikala_search_page1.json").path),
            items: JSONPointer(tokens: ["products"]), metadata: [JSONPointer(tokens: ["pager", "total_pages"])],
            source: "real", file: "digikala")
        let record = try #require(try reader.next()?.record)
        #expect(record.firstValue(named: "title_fa")?.hasPrefix("گوشی موبایل سامسونگ") == true)
        #expect(record.firstValue(named: "images/main/url")?.hasPrefix("https://") == true)
        while try reader.next() != nil {}
        #expect(reader.metadata[JSONPointer(tokens: ["pager", "total_pages"])] == "500")
    }
}
