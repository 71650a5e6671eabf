import FeedSyncCore
import Foundation
import Testing

struct RunReportTests {
    private func makeRejection(_ number: Int) -> Rejection {
        Rejection(
            location: RecordLocation(source: "shop", file: "catalog.csv", line: number + 1, record: number),
            pid: "p\(number)", field: "price", reason: "price is not a number"
        )
    }

    private func encodedObject(_ report: RunReport) throws -> [String: Any] {
        let data = try JSONEncoder().encode(report)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test("the JSON report has every key the design names")
    func designKeys() throws {
        let keys = Set(try encodedObject(RunReport()).keys)
        let designKeys: Set<String> = [
            "read", "mapped", "rejected", "new", "changed", "unchanged", "withdrawn", "sent", "batches",
            "failed_batches", "duration_s", "rejections",
        ]
        #expect(designKeys.isSubset(of: keys))
    }

    @Test("the JSON report has no key beyond the design's and the documented additions")
    func noUnexpectedKeys() throws {
        let keys = Set(try encodedObject(RunReport()).keys)
        #expect(keys == [
            "read", "mapped", "rejected", "new", "changed", "unchanged", "withdrawn", "sent", "batches",
            "failed_batches", "duration_s", "rejections", "filtered", "errors", "merged", "warnings", "warning_list", "summary",
        ])
    }

    @Test("each count is written under its own key")
    func countsUnderKeys() throws {
        var report = RunReport()
        report.read = 1
        report.mapped = 2
        report.filtered = 3
        report.new = 4
        report.changed = 5
        report.unchanged = 6
        report.withdrawn = 7
        report.sent = 8
        report.batches = 9
        report.failedBatches = 10
        report.durationSeconds = 1.5
        report.errors = ["endpoint unreachable"]
        report.record(makeRejection(1))
        let object = try encodedObject(report)
        #expect(object["read"] as? Int == 1)
        #expect(object["mapped"] as? Int == 2)
        #expect(object["rejected"] as? Int == 1)
        #expect(object["filtered"] as? Int == 3)
        #expect(object["new"] as? Int == 4)
        #expect(object["changed"] as? Int == 5)
        #expect(object["unchanged"] as? Int == 6)
        #expect(object["withdrawn"] as? Int == 7)
        #expect(object["sent"] as? Int == 8)
        #expect(object["batches"] as? Int == 9)
        #expect(object["failed_batches"] as? Int == 10)
        #expect(object["duration_s"] as? Double == 1.5)
        #expect(object["errors"] as? [String] == ["endpoint unreachable"])
    }

    @Test("a listed rejection carries source, location, line, record, pid, field and reason")
    func rejectionEntryShape() throws {
        var report = RunReport()
        report.record(makeRejection(11))
        let entries = try #require(try encodedObject(report)["rejections"] as? [[String: Any]])
        let entry = try #require(entries.first)
        #expect(entry["source"] as? String == "shop")
        #expect(entry["location"] as? String == "catalog.csv:12 (record 11)")
        #expect(entry["line"] as? Int == 12)
        #expect(entry["record"] as? Int == 11)
        #expect(entry["pid"] as? String == "p11")
        #expect(entry["field"] as? String == "price")
        #expect(entry["reason"] as? String == "price is not a number")
    }

    @Test("record(_:) counts every rejection but lists at most 100", arguments: [1, 99, 100, 101, 250])
    func recordCapsList(count: Int) {
        var report = RunReport()
        for number in 1...count { report.record(makeRejection(number)) }
        #expect(report.rejected == count)
        #expect(report.rejections.count == min(count, RunReport.listedRejections))
        #expect(RunReport.listedRejections == 100)
    }

    @Test("the listed rejections are the first ones, in order")
    func listsFirstRejections() {
        var report = RunReport()
        for number in 1...150 { report.record(makeRejection(number)) }
        #expect(report.rejections.first?.record == 1)
        #expect(report.rejections.last?.record == 100)
        #expect(report.rejections.map(\.record) == Array(1...100))
    }

    @Test("a report decodes back to an equal report")
    func roundTrip() throws {
        var report = RunReport()
        report.read = 3
        report.failedBatches = 1
        report.durationSeconds = 0.25
        report.record(makeRejection(2))
        let decoded = try JSONDecoder().decode(RunReport.self, from: try JSONEncoder().encode(report))
        #expect(decoded == report)
    }
}
