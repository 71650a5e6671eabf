import FeedSyncCore
import Foundation
import Testing

struct ReasonSummaryTests {
    private func rejection(_ line: Int, field: String?, _ reason: String) -> Rejection {
        Rejection(location: RecordLocation(source: "shop", file: "catalog.csv", line: line, record: line - 1), field: field, reason: reason)
    }

    @Test(
        "values are taken out of reasons, so one broken column groups together",
        arguments: [
            (#"price "1.234": ambiguous: declare the locale"#, #"price "…": ambiguous: declare the locale"#),
            ("row has 3 fields, header has 10", "row has N fields, header has N"),
            ("the sale price 2000 is higher than the price 1250; ignored", "the sale price N is higher than the price N; ignored"),
            ("this row of group 'example-shirt' comes after the group's rows ended", "this row of group '…' comes after the group's rows ended"),
            ("no value (looked in Regular price)", "no value (looked in Regular price)"),
        ])
    func withoutValues(reason: String, expected: String) {
        #expect(ReasonSummary.withoutValues(reason) == expected)
    }

    @Test("findings are counted per kind, field and reason, keeping the first full reason and place")
    func counts() throws {
        var report = RunReport()
        report.record(rejection(5, field: "price", #"price "abc": not a number"#))
        report.record(rejection(9, field: "price", #"price "n/a": not a number"#))
        report.record(rejection(7, field: nil, "row has 3 fields, header has 10"))
        report.record(RecordWarning(location: RecordLocation(source: "shop", file: "catalog.csv", line: 8, record: 7), field: "price", reason: #"price "x": not a number"#))
        let entries = report.summary.byCount
        #expect(entries.map(\.count) == [2, 1, 1])
        let price = try #require(entries.first)
        #expect(price.kind == .rejected)
        #expect(price.field == "price")
        #expect(price.reason == #"price "…": not a number"#)
        #expect(price.example == #"price "abc": not a number"#)
        #expect(price.first == "catalog.csv:5 (record 4)")
        #expect(entries.last?.kind == .warning)
    }

    @Test("past the most groups kept, further reasons are counted under other reasons")
    func cap() {
        var summary = ReasonSummary()
        for number in 0..<(ReasonSummary.maximumEntries + 5) {
            summary.count(rejection(2, field: "f\(number)", "bad"), as: .rejected)
        }
        #expect(summary.entries.count == ReasonSummary.maximumEntries + 1)
        #expect(summary.entries.last?.reason == "other reasons")
        #expect(summary.entries.last?.count == 5)
        #expect(summary.entries.map(\.count).reduce(0, +) == ReasonSummary.maximumEntries + 5)
    }

    @Test("the summary is a JSON array in the report and reads back")
    func json() throws {
        var report = RunReport()
        report.record(rejection(5, field: "price", #"price "abc": not a number"#))
        let data = try JSONEncoder().encode(report)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let summary = try #require(object["summary"] as? [[String: Any]])
        #expect(summary.first?["count"] as? Int == 1)
        #expect(summary.first?["kind"] as? String == "rejected")
        var decoded = try JSONDecoder().decode(RunReport.self, from: data)
        decoded.record(rejection(6, field: "price", #"price "def": not a number"#))
        #expect(decoded.summary.entries.count == 1)
        #expect(decoded.summary.entries.first?.count == 2)
    }
}
