import FeedSyncCore
import FeedSyncHTTP
import FeedSyncSources
import FeedSyncTesting
import Foundation
import Testing

/// Hostile and broken inputs, each with a bounded, clear outcome: a rejection or an error
/// that says why, in bounded time and memory. Big inputs are generated as they are read
/// (``GeneratedByteStream``) or streamed from a loopback server, never committed.
///
/// The whole list of issue 8, and where each case is proven:
///
/// | input | outcome | test |
/// |---|---|---|
/// | invalid UTF-8 (CSV) | U+FFFD in the value, reading goes on | ``invalidUTF8InCSV()`` |
/// | invalid UTF-8 (XML) | the read fails with libxml2's reason | ``invalidUTF8InXML()`` |
/// | invalid UTF-8 (JSON) | refused with its offset, or U+FFFD | `JSONReaderTests` "invalid UTF-8 in a string ..." |
/// | NUL bytes | near the start: refused as binary; further in: kept as a value | ``nulNearTheStart()``, ``nulInCSVRow()`` |
/// | a 100 MB field | CSV: that record rejected, the next one read; JSON: the read fails at the 16 MiB string limit; XML: fails at libxml2's 10 MB text limit (`XMLSafetyTests` "a text longer than ...") | ``hundredMegabyteCSVField()``, ``hundredMegabyteJSONString()`` |
/// | a 100 MB line, no newline | rejected, the read ends | ``hundredMegabyteLine()`` |
/// | 10,000 columns | read | ``tenThousandColumns()`` |
/// | deeply nested JSON | refused at `max_json_depth` | ``deepJSONInsideItems()``, ``deepJSONOutsideItems()`` |
/// | XML billion laughs | refused within a second | `XMLSafetyTests` "billion laughs ..." |
/// | XML external entities | not loaded | `XMLSafetyTests` "an external entity ...", "entities and DTDs on the network ..." |
/// | a gzip bomb | refused at `max_source_bytes` | ``gzipBombOfAHundredMegabytes()``, `GzipTests` "a gzip bomb ..." |
/// | an HTTP source that never ends | stopped at `max_source_bytes` / `source_timeout_s` | ``endlessDownload()``, ``tricklingDownload()`` |
/// | a server that never answers | stopped at `connect_timeout_s` | ``silentServer()`` |
/// | a transfer that goes silent | stopped at `read_timeout_s` | ``stalledDownload()`` |
/// | an answer announcing 10 GB | refused before the body | ``tenGigabyteAnswer()`` |
/// | a JSON page that never ends | stopped at `max_page_bytes` | ``endlessPage()`` |
/// | a gzip JSON page bomb | refused at `max_page_bytes` inflated | ``gzipBombPage()`` |
/// | a page loop (3 says next is 2) | refused after the pages before it | `JSONPagesGuardTests` "a next link back to a page already read ..." |
/// | too many pages | refused at `max_pages` | `JSONPagesGuardTests` "more than max_pages ..." |
/// | a failed read during sync | nothing withdrawn; nothing sent or recorded when it fails before any record (known gap: records read before a mid-way failure are sent) | `AdversarialSyncTests` (engine) |
@Suite("adversarial inputs", .serialized)
struct AdversarialInputTests {
    static let hundredMegabytes = 100 << 20

    // MARK: CSV

    @Test("invalid UTF-8 in a CSV value becomes U+FFFD and reading goes on")
    func invalidUTF8InCSV() throws {
        let bytes = Array("id,name\n1,caf".utf8) + [0xE9, 0xFF, 0xC0, 0x80] + Array("\n2,ok\n".utf8)
        var source = try CSVSource(stream: MemoryByteStream(bytes), source: "shop", file: "bad.csv")

        let events = try CSVTestSupport.drain(&source)

        try #require(events.count == 2)
        #expect(events[0].record?.value(at: 1).contains("\u{FFFD}") == true)
        #expect(events[1].record?.value(at: 1) == "ok")
    }

    @Test("a NUL byte near the start of a CSV file refuses it as binary, with the reason")
    func nulNearTheStart() throws {
        #expect {
            _ = try CSVTestSupport.source("id,name\n1,a\u{0}b\n2,ok\n")
        } throws: { error in
            "\(error)".contains("the file contains NUL bytes; it looks like a binary file")
        }
    }

    @Test("a NUL byte deep inside a CSV file is kept as part of its value, not a crash or a cut")
    func nulInCSVRow() throws {
        let rows = (1...100).map { "\($0),product \($0)" }.joined(separator: "\n")
        var source = try CSVTestSupport.source("id,name\n" + rows + "\n101,a\u{0}b\n102,ok\n")

        let events = try CSVTestSupport.drain(&source)

        try #require(events.count == 102)
        #expect(events[100].record?.value(at: 1) == "a\u{0}b")
        #expect(events[101].record?.value(at: 1) == "ok")
    }

    @Test("a 100 MB quoted field is rejected at the record limit, the next row is read, memory stays flat")
    func hundredMegabyteCSVField() throws {
        let before = peakResidentBytes()
        let stream = GeneratedByteStream("id,name\n1,\"", repeating: UInt8(ascii: "x"), count: Self.hundredMegabytes, "\"\n2,ok\n")
        var source = try CSVSource(stream: stream, source: "shop", file: "huge.csv")

        let events = try CSVTestSupport.drain(&source)

        try #require(events.count == 2)
        #expect(events[0].rejection?.reason.contains("larger than the maximum record size of 16 MiB") == true)
        #expect(events[1].record?.value(at: 1) == "ok")
        // Less than the input: the field was not buffered (the suite is serialized so its
        // own big inputs do not add up in the process's peak).
        #expect(peakResidentBytes() - before < Self.hundredMegabytes)
    }

    @Test("a 100 MB line without a newline is rejected and the read ends")
    func hundredMegabyteLine() throws {
        let stream = GeneratedByteStream("id,name\n", repeating: UInt8(ascii: "y"), count: Self.hundredMegabytes, "")
        var source = try CSVSource(stream: stream, source: "shop", file: "line.csv", dialect: CSVDialect(maxRecordSize: 1 << 20))

        let events = try CSVTestSupport.drain(&source)

        try #require(events.count == 1)
        #expect(events[0].rejection?.reason.contains("larger than the maximum record size of 1 MiB") == true)
    }

    @Test("10,000 columns are read as one record of 10,000 values")
    func tenThousandColumns() throws {
        let columns = 10_000
        let header = (1...columns).map { "c\($0)" }.joined(separator: ",")
        let row = (1...columns).map(String.init).joined(separator: ",")
        var source = try CSVTestSupport.source(header + "\n" + row + "\n")

        let events = try CSVTestSupport.drain(&source)

        let record = try #require(events.first?.record)
        #expect(record.count == columns)
        #expect(record.value(at: columns - 1) == "\(columns)")
    }

    // MARK: XML

    @Test("invalid UTF-8 in an XML feed fails the read with libxml2's reason, never a record with garbage")
    func invalidUTF8InXML() throws {
        let bytes = Array("<r><item><id>1</id></item><item><id>caf".utf8) + [0xE9, 0xFF] + Array("</id></item></r>".utf8)
        var source = try XMLSource(stream: MemoryByteStream(bytes), source: "shop", file: "bad.xml")

        let (events, error) = XMLTestSupport.drainUntilFailure(&source)

        #expect(events.compactMap(\.record).allSatisfy { $0.value(at: 0) == "1" })
        let failure = try #require(error as? XMLFormatError)
        #expect(failure.reason.localizedCaseInsensitiveContains("UTF-8"), "\(failure.reason)")
    }

    // MARK: JSON

    @Test("JSON nested 100,000 deep inside an item fails the read at the depth limit, without exhausting the stack")
    func deepJSONInsideItems() throws {
        let depth = 100_000
        let text = #"{"items":[{"id":"#.appending(String(repeating: "[", count: depth)) + String(repeating: "]", count: depth) + "}]}"

        #expect {
            _ = try JSONTestSupport.events(text, items: "/items")
        } throws: { error in
            (error as? JSONReadError)?.reason.contains("nested more than 64 levels deep") == true
        }
    }

    @Test("JSON nested 100,000 deep outside the items is refused too, not skipped for ever")
    func deepJSONOutsideItems() throws {
        let depth = 100_000
        let text = #"{"junk":"#.appending(String(repeating: "[", count: depth)) + String(repeating: "]", count: depth) + #","items":[]}"#

        #expect {
            _ = try JSONTestSupport.events(text, items: "/items", options: JSONRecordOptions(maxDepth: 32))
        } throws: { error in
            (error as? JSONReadError)?.reason.contains("nested more than 32 levels deep") == true
        }
    }

    @Test("a 100 MB JSON string fails with the string limit, in bounded memory")
    func hundredMegabyteJSONString() throws {
        let before = peakResidentBytes()
        let stream = GeneratedByteStream(
            #"{"items":[{"id":"1","d":""#, repeating: UInt8(ascii: "z"), count: Self.hundredMegabytes, #""},{"id":"2"}]}"#)
        var reader = JSONRecordReader(
            stream: stream, items: try JSONPointer("/items"), metadata: [], source: "shop", file: "huge.json",
            options: JSONRecordOptions())

        var failure: (any Error)?
        do {
            while try reader.next() != nil {}
        } catch {
            failure = error
        }

        let error = try #require(failure as? JSONReadError)
        #expect(error.reason.contains("longer than"))
        // Less than the input: the field was not buffered (the suite is serialized so its
        // own big inputs do not add up in the process's peak).
        #expect(peakResidentBytes() - before < Self.hundredMegabytes)
    }

    // MARK: gzip

    @Test("100 MB of zeros gzipped to 100 KB is refused at the inflated limit")
    func gzipBombOfAHundredMegabytes() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("bomb-\(UUID().uuidString).gz")
        defer { try? FileManager.default.removeItem(at: file) }
        try await Self.gzip(zeros: Self.hundredMegabytes, to: file)
        let opened = try LocationOpener.openFile(path: file.path, options: LocationOptions(maxInflatedBytes: 8 << 20))

        #expect {
            var stream = opened.stream
            try Self.drain(&stream)
        } throws: { error in
            (error as? ByteStreamError)?.reason.contains("inflates to more than 8388608 bytes") == true
        }
    }

    // MARK: HTTP

    @Test("a download that never ends stops at max_source_bytes with a reason", .timeLimit(.minutes(1)))
    func endlessDownload() async throws {
        let server = LoopbackHTTPServer { _ in .streaming(Data(repeating: UInt8(ascii: "a"), count: 64 << 10)) }
        try server.start()
        defer { server.stop() }
        let opener = LocationOpener(options: LocationOptions(maxDownloadBytes: 8 << 20))

        let error = await Self.failure { _ = try await opener.open(.remote(server.baseURL.appendingPathComponent("feed.csv"))) }

        #expect(error?.contains("larger than 8388608 bytes") == true, "\(error ?? "no error")")
        #expect(error?.contains("max_source_bytes") == true)
    }

    @Test("a download that trickles for ever stops at source_timeout_s", .timeLimit(.minutes(1)))
    func tricklingDownload() async throws {
        let server = LoopbackHTTPServer { _ in .streaming(Data("a,b\n".utf8), pause: .milliseconds(100)) }
        try server.start()
        defer { server.stop() }
        let opener = LocationOpener(options: LocationOptions(totalTimeout: .seconds(2)))
        let clock = ContinuousClock()
        let started = clock.now

        let error = await Self.failure { _ = try await opener.open(.remote(server.baseURL.appendingPathComponent("feed.csv"))) }

        #expect(error?.contains("did not finish within 2 s (source_timeout_s)") == true, "\(error ?? "no error")")
        #expect(clock.now - started < .seconds(10))
    }

    @Test("a server that accepts and never answers is given up at connect_timeout_s", .timeLimit(.minutes(1)))
    func silentServer() async throws {
        let server = LoopbackHTTPServer { _ in
            Thread.sleep(forTimeInterval: 2.5)
            return .text(200, "late\n")
        }
        try server.start()
        defer { server.stop() }
        let opener = LocationOpener(options: LocationOptions(responseTimeout: .seconds(1)))

        let error = await Self.failure { _ = try await opener.open(.remote(server.baseURL.appendingPathComponent("feed.csv"))) }

        #expect(error?.contains("did not start answering within 1 s (connect_timeout_s)") == true, "\(error ?? "no error")")
    }

    @Test("a download that goes silent after its headers fails at read_timeout_s", .timeLimit(.minutes(1)))
    func stalledDownload() async throws {
        let server = LoopbackHTTPServer { _ in .streaming(Data("id\n".utf8), count: 1, pause: .seconds(6)) }
        try server.start()
        defer { server.stop() }
        let opener = LocationOpener(options: LocationOptions(timeout: .seconds(1), retry: RetryPolicy(maxAttempts: 1)))

        let error = await Self.failure { _ = try await opener.open(.remote(server.baseURL.appendingPathComponent("feed.csv"))) }

        #expect(error?.contains("within 1 s (timed out)") == true, "\(error ?? "no error")")
    }

    @Test("an answer announcing 10 GB is refused before its body is read", .timeLimit(.minutes(1)))
    func tenGigabyteAnswer() async throws {
        let server = LoopbackHTTPServer { _ in
            .streaming(Data(repeating: 0x41, count: 1 << 16), headers: [HeaderField(name: "Content-Length", value: "\(10 << 30)")])
        }
        try server.start()
        defer { server.stop() }
        let opener = LocationOpener(options: LocationOptions(maxDownloadBytes: 1 << 30))

        let error = await Self.failure { _ = try await opener.open(.remote(server.baseURL.appendingPathComponent("feed.csv"))) }

        #expect(error?.contains("larger than 1073741824 bytes") == true, "\(error ?? "no error")")
    }

    @Test("a JSON page that never ends stops at max_page_bytes", .timeLimit(.minutes(1)))
    func endlessPage() async throws {
        let server = LoopbackHTTPServer { _ in
            var response = ServerResponse.streaming(Data(#"{"id":1},"#.utf8))
            response.body = Data(#"{"items":["#.utf8)
            return response
        }
        try server.start()
        defer { server.stop() }
        var options = JSONPagesOptions(items: try JSONPointer("/items"), paging: .single)
        options.maxPageBytes = 4 << 20

        let (events, error, _) = try await PagesTestSupport.readAll(.remote(server.baseURL.appendingPathComponent("api")), options: options)

        #expect(events.isEmpty)
        let text = try #require(error.map { "\($0)" })
        #expect(text.contains("larger than 4194304 bytes"), "\(text)")
    }

    @Test("a gzip page that inflates past max_page_bytes is refused at that limit", .timeLimit(.minutes(1)))
    func gzipBombPage() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("page-\(UUID().uuidString).gz")
        defer { try? FileManager.default.removeItem(at: file) }
        // An open items array, then 32 MiB of white space: valid JSON as far as it goes.
        try await Self.gzip(prefix: #"{"items":["#, spaces: 32 << 20, to: file)
        let body = try Data(contentsOf: file)
        let server = LoopbackHTTPServer { _ in ServerResponse(status: 200, body: body) }
        try server.start()
        defer { server.stop() }
        var options = JSONPagesOptions(items: try JSONPointer("/items"), paging: .single)
        options.maxPageBytes = 4 << 20

        let (_, error, _) = try await PagesTestSupport.readAll(.remote(server.baseURL.appendingPathComponent("api")), options: options)

        let text = try #require(error.map { "\($0)" })
        #expect(text.contains("inflates to more than 4194304 bytes"), "\(text)")
    }

    // MARK: helpers

    /// The description of what `body` throws, or `nil` when it does not.
    static func failure(_ body: () async throws -> Void) async -> String? {
        do {
            try await body()
            return nil
        } catch {
            return "\(error)"
        }
    }

    /// Reads `stream` to its end, dropping the bytes.
    static func drain(_ stream: inout any ByteStream) throws {
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while try buffer.withUnsafeMutableBytes({ try stream.read(into: $0) }) > 0 {}
    }

    /// Writes `count` zero bytes, gzipped, to `file` (the system's gzip, streaming).
    static func gzip(zeros count: Int, to file: URL) async throws {
        try await gzip(shell: "head -c \(count) /dev/zero", to: file)
    }

    /// Writes `prefix` and `spaces` spaces, gzipped, to `file`.
    static func gzip(prefix: String, spaces: Int, to file: URL) async throws {
        try await gzip(shell: "(printf '%s' '\(prefix)'; head -c \(spaces) /dev/zero | tr '\\0' ' ')", to: file)
    }

    /// Gzips what `command` prints into `file`.
    static func gzip(shell command: String, to file: URL) async throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "\(command) | gzip -c > '\(file.path)'"]
        try process.run()
        // Polled: waitUntilExit would hold a cooperative thread for the seconds gzip takes.
        while process.isRunning { try await Task.sleep(for: .milliseconds(10)) }
        process.waitUntilExit()
        try #require(process.terminationStatus == 0)
    }
}
