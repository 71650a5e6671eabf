import FeedSyncSources
import Foundation
import Testing

/// Local files and folders read as pages.
struct JSONPagesLocalTests {
    @Test("a folder of page files is read in name order, numbering records across files")
    func folder() async throws {
        let (events, error, progress) = try await PagesTestSupport.readAll(
            .file(JSONTestSupport.fixture("affili-webhook").path), options: .affiliWebhook())
        #expect(error == nil)
        let records = events.compactMap(\.record)
        #expect(records.map { $0.firstValue(named: "pid") } == (1...25).map { String(format: "P%03d", $0) })
        #expect(records.map(\.location.record) == Array(1...25))
        #expect(records[10].location.file.hasSuffix("affili-webhook/page-2.json"))
        #expect(progress.pages == 3)
    }

    @Test("pages 2 and 10 sort by number, not as text")
    func numericOrder() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("feedsync-pages-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for page in [1, 2, 10] {
            try Data(#"[{"page":\#(page)}]"#.utf8).write(to: folder.appendingPathComponent("page-\(page).json"))
        }
        try Data("junk".utf8).write(to: folder.appendingPathComponent(".DS_Store"))
        let (events, error, _) = try await PagesTestSupport.readAll(
            .file(folder.path), options: JSONPagesOptions(items: JSONPointer(tokens: [])))
        #expect(error == nil)
        #expect(events.compactMap { $0.record?.firstValue(named: "page") } == ["1", "2", "10"])
    }

    @Test("one local file and its .gz read the same")
    func fileAndGzip() async throws {
        let plain = try await PagesTestSupport.readAll(.file(JSONTestSupport.fixture("catalog.json").path), options: .affiliWebhook())
        let gzip = try await PagesTestSupport.readAll(.file(JSONTestSupport.fixture("catalog.json.gz").path), options: .affiliWebhook())
        #expect(plain.error == nil)
        #expect(gzip.error == nil)
        #expect(plain.events.count == 25)
        #expect(gzip.events.compactMap { $0.record.map(JSONTestSupport.pairs(of:)) } == plain.events.compactMap { $0.record.map(JSONTestSupport.pairs(of:)) })
    }

    @Test("a local file in a named encoding is transcoded")
    func encodedFile() async throws {
        var options = JSONPagesOptions(items: JSONPointer(tokens: []))
        options.encoding = .windows1256
        let (events, _, _) = try await PagesTestSupport.readAll(.file(JSONTestSupport.fixture("encodings/windows-1256.json").path), options: options)
        #expect(events.first?.record?.firstValue(named: "price") == "125000 تومان")
    }

    @Test("a missing file fails when the source is made")
    func missing() throws {
        #expect(throws: ByteStreamError.self) {
            _ = try JSONPagesSource(location: .file("/nonexistent/feed.json"), source: "s", options: .affiliWebhook())
        }
    }

    @Test("a malformed local page fails with its file, line and column")
    func malformedFile() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("feedsync-bad-\(UUID().uuidString).json")
        try Data("[{\"a\":1},\n{\"a\":2,}]".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let (events, error, _) = try await PagesTestSupport.readAll(.file(file.path), options: JSONPagesOptions(items: JSONPointer(tokens: [])))
        #expect(events.count == 1)
        let failure = try #require(error as? JSONReadError)
        #expect(failure.line == 2)
        #expect(failure.column == 8)
    }
}
