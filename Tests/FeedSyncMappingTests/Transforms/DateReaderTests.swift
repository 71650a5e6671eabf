import FeedSyncCore
import FeedSyncMapping
import Foundation
import Testing

struct DateReaderTests {
    private func zone(_ name: String) throws -> TimeZone { try #require(TimeZone(identifier: name)) }
    private func pattern(_ text: String) throws -> DateReader.Format { .pattern(try DatePattern(text)) }

    @Test("dd/MM/yyyy in Asia/Ho_Chi_Minh is midnight Vietnam time")
    func tikiDayFirst() throws {
        // vn_tiki_smartphones_json/Tiki_crawl_result.json: "Day_ago_created": "16/02/2022"
        let reader = DateReader(formats: [try pattern("dd/MM/yyyy")], timeZone: try zone("Asia/Ho_Chi_Minh"))
        #expect(Timestamp.format(try reader.read("16/02/2022")) == "2022-02-15T17:00:00+00:00")
    }

    @Test("AccessTrade's dd-MM-yyyyTHH:mm:ss reads with the T unquoted")
    func accessTradeLayout() throws {
        // vn_accesstrade_datafeeds_doc/datafeeds_response_sample.json: "update_time": "24-07-2018T01:02:19"
        let reader = DateReader(formats: [try pattern("dd-MM-yyyyTHH:mm:ss")], timeZone: try zone("Asia/Ho_Chi_Minh"))
        #expect(Timestamp.format(try reader.read("24-07-2018T01:02:19")) == "2018-07-23T18:02:19+00:00")
    }

    @Test("a local ISO time in the shop's zone equals the GMT time the same export gives")
    func wooLocalAndGMT() throws {
        // woo_rest_v3_products_list: "date_created": "2017-03-23T17:03:12", "date_created_gmt": "2017-03-23T20:03:12"
        let local = DateReader(formats: [.iso8601], timeZone: try zone("America/Sao_Paulo"))
        let gmt = DateReader(formats: [.iso8601])
        #expect(try local.read("2017-03-23T17:03:12") == (try gmt.read("2017-03-23T20:03:12")))
    }

    @Test("an offset in the value wins over the declared zone")
    func offsetWins() throws {
        // ir_torob_api_spec/v3_response_example.json
        let reader = DateReader(timeZone: try zone("Asia/Ho_Chi_Minh"))
        #expect(Timestamp.format(try reader.read("2024-11-22T01:15:12+03:30")) == "2024-11-21T21:45:12+00:00")
    }

    @Test("Asia/Tehran's former daylight saving time is applied for summer dates")
    func tehranSummer() throws {
        let reader = DateReader(formats: [try pattern("yyyy/MM/dd HH:mm")], timeZone: try zone("Asia/Tehran"))
        #expect(Timestamp.format(try reader.read("2021/07/01 12:00")) == "2021-07-01T07:30:00+00:00")  // +04:30 then
        #expect(Timestamp.format(try reader.read("2024/07/01 12:00")) == "2024-07-01T08:30:00+00:00")  // +03:30 since 2022
    }

    @Test("epoch seconds and milliseconds read as instants, whatever the zone")
    func epochs() throws {
        // gmc_airfeel_usd/product_feed.xml image links carry Shopify's "?v=1748723738".
        let reader = DateReader(formats: [.epochSeconds], timeZone: try zone("Asia/Tehran"))
        #expect(Timestamp.format(try reader.read("1748723738")) == "2025-05-31T20:35:38+00:00")
        #expect(Timestamp.format(try DateReader(formats: [.epochMilliseconds]).read("1748723738000")) == "2025-05-31T20:35:38+00:00")
        #expect(Timestamp.format(try DateReader().read("1748723738")) == "2025-05-31T20:35:38+00:00")
    }

    @Test("formats are tried in order")
    func severalFormats() throws {
        let reader = DateReader(formats: [try pattern("dd/MM/yyyy"), .iso8601])
        #expect(Timestamp.format(try reader.read("2013-01-01")) == "2013-01-01T00:00:00+00:00")
        #expect(Timestamp.format(try reader.read("1/2/2022")) == "2022-02-01T00:00:00+00:00")
    }

    @Test("a value in another layout or an impossible date is refused, naming the layouts")
    func refused() throws {
        let reader = DateReader(formats: [try pattern("dd/MM/yyyy")])
        let error = try #require(throws: TransformError.self) { try reader.read("2022-02-16") }
        #expect(error.reason.contains("dd/MM/yyyy"))
        #expect(throws: TransformError.self) { try reader.read("30/02/2022") }
    }

    @Test("a pattern with an unknown letter or no day is refused when the mapping loads")
    func badPatterns() {
        #expect(throws: DatePatternError.self) { try DatePattern("dd/MM/yyyy hh") }
        #expect(throws: DatePatternError.self) { try DatePattern("MM/yyyy") }
        #expect(throws: DatePatternError.self) { try DatePattern("dd/MM/yyyy 'T") }
    }
}
