import FeedSyncCore
import FeedSyncSources
import FeedSyncTesting
import Foundation
import Testing

/// Where the stream's chunk boundaries fall changes nothing.
struct XMLChunkingTests {
    /// Every record of `bytes` read in pieces of at most `readSize` bytes, as pairs and lines.
    static func read(_ bytes: [UInt8], element: String, readSize: Int) throws -> [[String]] {
        var source = try XMLTestSupport.source(bytes, dialect: XMLDialect(recordElement: element), readSize: readSize)
        return try XMLTestSupport.records(&source).map { record in
            ["line \(record.location.line)"] + XMLTestSupport.pairs(record).map(\.description)
        }
    }

    @Test("a stream handing out 1, 7 or 4096 bytes at a time gives the same records as one read",
          arguments: [1, 7, 4096])
    func smallChunks(_ readSize: Int) throws {
        let bytes = try XMLTestSupport.fixtureBytes("google_prefix_c.xml")

        let read = try Self.read(bytes, element: "item", readSize: readSize)

        #expect(read == (try Self.read(bytes, element: "item", readSize: .max)))
    }

    @Test("a multi-byte UTF-8 character split across reads arrives whole")
    func splitCharacters() throws {
        let bytes = Array("<r><item><t>Миноксидил تومان còn hàng</t></item></r>".utf8)

        let read = try Self.read(bytes, element: "item", readSize: 3)

        #expect(read == [["line 1", "t=Миноксидил تومان còn hàng"]])
    }

    @Test("real feeds read in 7-byte pieces give the same records as read whole", arguments: [
        "gmc_ua_rybka_multi_images/google-feed.xml:item",
        "vehicles_majorworld_3formats/facebook_feed.xml:listing",
        "gmc_cz_hurom_price_no_currency/1a6s8d465asd48a-feed.xml:SHOPITEM",
    ])
    func realFeedInPieces(_ feed: String) throws {
        let parts = feed.split(separator: ":").map(String.init)
        let bytes = Array(try Data(contentsOf: Fixtures.realFeed(parts[0])))

        let whole = try Self.read(bytes, element: parts[1], readSize: .max)

        #expect(!whole.isEmpty)
        #expect(try Self.read(bytes, element: parts[1], readSize: 7) == whole)
    }

    @Test("a file read through FileByteStream gives the same records as from memory")
    func fileStream() throws {
        let url = Fixtures.fixture("xml/google_prefix_g.xml")
        var fromFile = try XMLSource(path: url.path, source: "shop")
        let bytes = Array(try Data(contentsOf: url))

        let records = try XMLTestSupport.records(&fromFile).map { record in
            ["line \(record.location.line)"] + XMLTestSupport.pairs(record).map(\.description)
        }

        #expect(records == (try Self.read(bytes, element: "item", readSize: .max)))
        #expect(fromFile.file == url.path)
    }
}
