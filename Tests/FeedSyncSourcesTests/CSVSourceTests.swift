import FeedSyncCore
import FeedSyncSources
import Foundation
import Testing

/// Headers, field counts, locations and files that are not CSV.
struct CSVSourceTests {
    @Test("the header names the fields and the detected delimiter is exposed")
    func header() throws {
        let source = try CSVTestSupport.source("ID;Name;Price\n1;Mug;9,50\n")

        #expect(source.names.names == ["ID", "Name", "Price"])
        #expect(source.delimiter == .semicolon)
    }

    @Test("records carry source, file, physical line and ordinal, and values by name")
    func recordLocation() throws {
        var source = try CSVTestSupport.source("id,title\n1,\"two\nlines\"\n\n2,Cup\n")

        let records = try CSVTestSupport.drain(&source).compactMap(\.record)

        #expect(records.map(\.location) == [
            RecordLocation(source: "shop", file: "catalog.csv", line: 2, record: 1),
            RecordLocation(source: "shop", file: "catalog.csv", line: 5, record: 2),
        ])
        #expect(records[1].firstValue(named: "Title") == "Cup")
    }

    @Test("a row with fewer fields than the header is rejected with its line, and reading goes on")
    func tooFewFields() throws {
        var source = try CSVTestSupport.source("a,b,c,d,e\n1,2,3\n1,2,3,4,5\n")

        let events = try CSVTestSupport.drain(&source)

        let rejection = try #require(events.first?.rejection)
        #expect(rejection.reason == "row has 3 fields, header has 5")
        #expect(rejection.location == RecordLocation(source: "shop", file: "catalog.csv", line: 2, record: 1))
        #expect(events.last?.record?.location.record == 2)
    }

    @Test("extra fields that are all empty (trailing delimiters) are accepted and dropped")
    func trailingDelimiterAccepted() throws {
        var source = try CSVTestSupport.source("a;b\n1;2;\n3;4;;\n")

        let records = try CSVTestSupport.drain(&source).compactMap(\.record)

        #expect(records.map(\.decodedValues) == [["1", "2"], ["3", "4"]])
    }

    @Test("extra fields with values are rejected")
    func extraValuesRejected() throws {
        var source = try CSVTestSupport.source("a,b\n1,2,3\n")

        let rejection = try #require(try source.next()?.rejection)

        #expect(rejection.reason == "row has 3 fields, header has 2")
        #expect(rejection.location.line == 2)
    }

    @Test("a one-field row says so in the singular")
    func singleFieldRow() throws {
        var source = try CSVTestSupport.source("a,b\n1\n")

        #expect(try source.next()?.rejection?.reason == "row has 1 field, header has 2")
    }

    @Test("a header ending in a delimiter accepts rows with or without it")
    func headerWithTrailingDelimiter() throws {
        var source = try CSVTestSupport.source("a;b;\n1;2\n3;4;\n")

        let events = try CSVTestSupport.drain(&source)

        #expect(source.names.names == ["a", "b"])
        #expect(events.compactMap(\.record).map(\.decodedValues) == [["1", "2"], ["3", "4"]])
    }

    @Test("malformed rows become rejections with the reader's reason and line")
    func malformedRowRejected() throws {
        var source = try CSVTestSupport.source("a,b\n1,2\n3,\"never closed\n")

        let events = try CSVTestSupport.drain(&source)

        let rejection = try #require(events.last?.rejection)
        #expect(rejection.location.line == 3)
        #expect(rejection.location.record == 2)
        #expect(rejection.reason.contains("never closed"))
    }

    @Test("an empty file, or one with only a header, has no records and no errors",
          arguments: ["", "\u{FEFF}", "\n\n", "id,name", "id,name\r\n", "\u{FEFF}id;name\n\n"])
    func noRecords(_ text: String) throws {
        var source = try CSVTestSupport.source(text)

        #expect(try source.next() == nil)
    }

    @Test("without a header, fields are named by position and the first row is a record")
    func headerless() throws {
        var source = try CSVTestSupport.source("1,Mug,9\n2,Cup,4\n", dialect: CSVDialect(hasHeader: false))

        let records = try CSVTestSupport.drain(&source).compactMap(\.record)

        #expect(source.names.names == ["1", "2", "3"])
        #expect(records.map(\.location.line) == [1, 2])
        #expect(records.first?.firstValue(named: "2") == "Mug")
    }

    @Test("without a header, a malformed first row is still reported before the records")
    func headerlessMalformedFirst() throws {
        let dialect = CSVDialect(hasHeader: false)
        var source = try CSVTestSupport.source("\"a\"b,c\n1,2\n", dialect: dialect)

        let events = try CSVTestSupport.drain(&source)

        #expect(events.first?.rejection?.location.line == 1)
        #expect(events.last?.record?.decodedValues == ["1", "2"])
        #expect(source.names.names == ["1", "2"])
    }

    @Test("a header that cannot be read is an error naming the file and line")
    func brokenHeader() throws {
        let error = try #require(throws: CSVFormatError.self) {
            try CSVTestSupport.source("id,\"name\n1,2\n")
        }

        #expect(error.kind == .run)
        #expect(error.line == 1)
        #expect(error.description.hasPrefix("catalog.csv:1: the header row cannot be read"))
    }

    @Test("a header row without any names is an error")
    func headerWithoutNames() throws {
        let error = try #require(throws: CSVFormatError.self) {
            try CSVTestSupport.source(",,\n1,2,3\n")
        }

        #expect(error.description.contains("names no columns"))
    }

    @Test("files that are clearly not CSV are refused with a reason",
          arguments: [
              ([0x1F, 0x8B, 0x08, 0x00, 0x00], "gzip"),
              (Array("PK\u{03}\u{04}xl/workbook".utf8), "ZIP"),
              ([0xFF, 0xFE, 0x69, 0x00, 0x64, 0x00], "UTF-16"),
              (Array("id,name\n1,\u{0}\u{1}\u{2}".utf8), "NUL"),
              (Array("<?xml version=\"1.0\"?>\n<rss>".utf8), "XML"),
              (Array("  <!DOCTYPE html><html>".utf8), "XML or HTML"),
              (Array("{\"products\": []}".utf8), "JSON"),
              (Array("[\n  {\"id\": 1}\n]".utf8), "JSON"),
          ] as [([UInt8], String)])
    func notCSV(_ bytes: [UInt8], _ word: String) throws {
        let error = try #require(throws: CSVFormatError.self) {
            try CSVSource(stream: MemoryByteStream(bytes), source: "shop", file: "catalog.csv")
        }

        #expect(error.description.contains(word))
    }

    @Test("a header in square brackets is still CSV")
    func bracketedHeader() throws {
        var source = try CSVTestSupport.source("[id],[name]\n1,Mug\n")

        #expect(try source.next()?.record?.decodedValues == ["1", "Mug"])
    }

    @Test("a one-column header over comma-separated rows gives rejections, not a crash")
    func inconsistentSingleColumn() throws {
        var source = try CSVTestSupport.source("just some text\nmore text, with a comma\nplain\n")

        let events = try CSVTestSupport.drain(&source)

        #expect(events.count == 2)
        #expect(events.first?.rejection?.reason == "row has 2 fields, header has 1")
        #expect(events.last?.record?.decodedValues == ["plain"])
    }

    @Test("a source opened by path reads the file and names it in locations")
    func fromPath() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("feedsync-\(UUID().uuidString).csv")
        try Data("sku|name\r\nA1|Mug\r\n".utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }

        var source = try CSVSource(path: url.path, source: "shop")
        let record = try #require(try source.next()?.record)

        #expect(source.delimiter == .pipe)
        #expect(record.location.file == url.path)
        #expect(record.decodedValues == ["A1", "Mug"])
    }

    @Test("a missing file is a run error naming the path")
    func missingFile() throws {
        let error = try #require(throws: ByteStreamError.self) {
            try CSVSource(path: "/nonexistent/catalog.csv", source: "shop")
        }

        #expect(error.description.contains("/nonexistent/catalog.csv"))
    }
}
