import FeedSyncCore
import FeedSyncSources
import FeedSyncTesting
import Foundation
import Testing

/// Every XML feed in `../shared/realfeeds/` either reads to the end with the records it
/// has, or fails for the reason stated here.
struct RealFeedXMLTests {
    /// What one real feed must give.
    struct Case: Sendable, CustomTestStringConvertible {
        /// `folder/file.xml` under `realfeeds/`.
        let file: String
        /// The element each product is in this feed.
        let recordElement: String
        /// How the read ends.
        let outcome: Outcome
        /// A field of the first record and its value, to show names and values are right.
        let firstRecord: (name: String, value: String)?

        enum Outcome: Sendable {
            /// Reads to the end with this many records and no rejection.
            case records(Int)
            /// Fails at this line with a reason containing each of these texts.
            case fails(line: Int, column: Int, reasonContains: [String])
        }

        var testDescription: String { file }
    }

    /// Record counts as counted independently (`grep -c` of the record's start tag, and
    /// Python's ElementTree, which agrees on every well-formed file).
    static let cases: [Case] = [
        Case(file: "fb_rss_dularmart_inr/facebook_feed.xml", recordElement: "item", outcome: .records(5),
             firstRecord: ("g:price", "499 INR")),
        Case(file: "gmc_airfeel_usd/product_feed.xml", recordElement: "item",
             outcome: .fails(line: 13, column: 92, reasonContains: ["a bare & must be written &amp;", "EntityRef: expecting ';'",
                                                                     "stopped after 0 records"]),
             firstRecord: nil),
        Case(file: "gmc_bg_cyrillic_oneline/google_merchant_feed.xml", recordElement: "item", outcome: .records(2),
             firstRecord: ("g:title", "Миноксидил 2% за жени – 125 мл")),
        Case(file: "gmc_buggy_ns_attrs_vktry/google_merchant_feed.xml", recordElement: "item", outcome: .records(25),
             firstRecord: ("g:id/@namespaces", "{'g': 'http://base.google.com/ns/1.0'}")),
        Case(file: "gmc_cz_hurom_price_no_currency/1a6s8d465asd48a-feed.xml", recordElement: "SHOPITEM", outcome: .records(18),
             firstRecord: ("PRICE_VAT", "12490")),
        Case(file: "gmc_cz_hurom_price_no_currency/google-feed.xml", recordElement: "item", outcome: .records(18),
             firstRecord: ("g:price", "12490")),
        Case(file: "gmc_insider_samples/google-merchant-xml-sample.xml", recordElement: "item", outcome: .records(17),
             firstRecord: ("g:product_type", "Fitness > Nutrition & Supplements > Energy Gels & Hydration Tablets")),
        Case(file: "gmc_insider_samples/google-merchant.xml", recordElement: "item", outcome: .records(2),
             firstRecord: ("g:sale_price", "35.1 TRY")),
        Case(file: "gmc_nonamespace_farfetch_ru/google_merchant_feed.xml", recordElement: "item", outcome: .records(120),
             firstRecord: ("price", "$2,030")),
        Case(file: "gmc_peakmont_unescaped_gt/google-merchant.xml", recordElement: "item", outcome: .records(1),
             firstRecord: ("g:product_type", "Marketing Services > Performance Marketing > Social Media Marketing")),
        Case(file: "gmc_ua_rybka_multi_images/google-feed.xml", recordElement: "item", outcome: .records(32),
             firstRecord: ("g:additional_image_link", "https://rybkaspace.com/images/products/1/2.jpg")),
        Case(file: "meta_catalog_doc_examples/example_atom.xml", recordElement: "entry", outcome: .records(1),
             firstRecord: ("g:price", "9.99 GBP")),
        Case(file: "meta_catalog_doc_examples/example_atom_deeplinks.xml", recordElement: "entry", outcome: .records(1),
             firstRecord: ("atom:applink/@content", "example-ios://electronic")),
        Case(file: "meta_catalog_doc_examples/example_rss.xml", recordElement: "item", outcome: .records(1),
             firstRecord: ("g:google_product_category", "Animals > Pet Supplies")),
        Case(file: "vehicles_majorworld_3formats/facebook_feed.xml", recordElement: "listing", outcome: .records(48),
             firstRecord: ("address/component", "57-15 Northern Blvd")),
        Case(file: "vehicles_majorworld_3formats/google_feed.xml", recordElement: "item", outcome: .records(47),
             firstRecord: ("g:mileage", "2876 mi")),
        Case(file: "vn_packhouse_gmc/google-merchant.xml", recordElement: "item", outcome: .records(49),
             firstRecord: ("g:price", "1890000 VND")),
    ]

    /// `folder/file.xml`, the way the table names a feed.
    private static func key(_ url: URL) -> String {
        url.deletingLastPathComponent().lastPathComponent + "/" + url.lastPathComponent
    }

    @Test("every XML file in the real-world feeds has an expectation here")
    func everyFeedCovered() throws {
        let found = Fixtures.realFeeds(withExtension: "xml").map(Self.key)

        try #require(!found.isEmpty, "no XML under \(Fixtures.shared.path)/realfeeds")
        #expect(Set(found) == Set(Self.cases.map(\.file)))
    }

    @Test("each real-world XML feed reads to the end with its records, or fails as stated", arguments: cases)
    func readsAsExpected(_ feed: Case) throws {
        let path = Fixtures.realFeed(feed.file).path
        var source = try XMLSource(path: path, source: "realfeeds", dialect: XMLDialect(recordElement: feed.recordElement))

        let (events, error) = XMLTestSupport.drainUntilFailure(&source)

        switch feed.outcome {
        case .records(let count):
            #expect(error == nil, "\(String(describing: error))")
            #expect(events.compactMap(\.rejection).isEmpty)
            #expect(events.compactMap(\.record).count == count)
        case .fails(let line, let column, let texts):
            let failure = try #require(error as? XMLFormatError)
            #expect(failure.kind == .run)
            #expect(failure.file == path)
            #expect(failure.line == line)
            #expect(failure.column == column)
            for text in texts { #expect(failure.reason.contains(text), "\(failure)") }
        }
        if let (name, value) = feed.firstRecord {
            let first = try #require(events.first?.record)
            #expect(first.firstValue(named: name) == value)
        }
    }
}
