import FeedSyncSources
import Testing

/// The byte-level reader: quoting, line endings, line numbers, chunk boundaries, limits.
struct CSVReaderTests {
    @Test("a UTF-8 byte order mark at the start is dropped")
    func byteOrderMark() throws {
        let rows = try CSVTestSupport.rows("\u{FEFF}id,name\n1,x\n")

        #expect(rows == [["id", "name"], ["1", "x"]])
    }

    @Test("a file holding only a byte order mark has no records")
    func byteOrderMarkOnly() throws {
        #expect(try CSVTestSupport.events("\u{FEFF}").isEmpty)
    }

    @Test("an empty input has no records")
    func emptyInput() throws {
        #expect(try CSVTestSupport.events("").isEmpty)
    }

    @Test("lone CR line endings separate records")
    func carriageReturnOnly() throws {
        let events = try CSVTestSupport.events("a,b\r1,2\r3,4")

        #expect(events.compactMap(\.row).map(\.values) == [["a", "b"], ["1", "2"], ["3", "4"]])
        #expect(events.map(\.line) == [1, 2, 3])
    }

    @Test("a bare LF in a CRLF file ends a record and counts as one line")
    func bareLineFeedInCRLFFile() throws {
        let events = try CSVTestSupport.events("a,b\r\n1,2\n3,4\r\n5,6\r\n")

        #expect(events.compactMap(\.row).map(\.values) == [["a", "b"], ["1", "2"], ["3", "4"], ["5", "6"]])
        #expect(events.map(\.line) == [1, 2, 3, 4])
    }

    @Test("a trailing delimiter gives an extra empty field")
    func trailingDelimiter() throws {
        #expect(try CSVTestSupport.rows("a;b;\n1;2;\n", dialect: CSVDialect(delimiter: .semicolon))
            == [["a", "b", ""], ["1", "2", ""]])
    }

    @Test("a line of delimiters is a record of empty fields")
    func onlyDelimiters() throws {
        #expect(try CSVTestSupport.rows(",,\n") == [["", "", ""]])
    }

    @Test("the last record needs no line break, also when it ends in a quoted field")
    func lastRecordWithoutLineBreak() throws {
        #expect(try CSVTestSupport.rows("a,b\n1,\"x\"") == [["a", "b"], ["1", "x"]])
        #expect(try CSVTestSupport.rows("a,b\n1,") == [["a", "b"], ["1", ""]])
    }

    @Test("blank lines are skipped but counted as lines")
    func blankLines() throws {
        let events = try CSVTestSupport.events("a\n\n\nb\r\n\r\nc\r\r\n")

        #expect(events.compactMap(\.row).map(\.values) == [["a"], ["b"], ["c"]])
        #expect(events.map(\.line) == [1, 4, 6])
    }

    @Test("a quoted empty line is a record with one empty field, not a blank line")
    func quotedEmptyLine() throws {
        #expect(try CSVTestSupport.rows("a\n\"\"\nb\n") == [["a"], [""], ["b"]])
    }

    @Test("each supported delimiter separates fields and may appear inside quotes",
          arguments: [CSVDialect.Delimiter.comma, .semicolon, .tab, .pipe])
    func delimiters(_ delimiter: CSVDialect.Delimiter) throws {
        let d = String(UnicodeScalar(try #require(delimiter.byte)))
        let text = "id\(d)name\(d)price\n1\(d)\"a\(d)b\"\(d)9\n"

        let rows = try CSVTestSupport.rows(text, dialect: CSVDialect(delimiter: delimiter))

        #expect(rows == [["id", "name", "price"], ["1", "a\(d)b", "9"]])
    }

    @Test("an automatic delimiter is detected from the first line and reported")
    func automaticDelimiter() throws {
        var reader = CSVReader(stream: MemoryByteStream("id;name;price\n1;a,b;9,5\n"))
        #expect(reader.delimiter == .auto)

        let header = try #require(try reader.next()?.row)

        #expect(reader.delimiter == .semicolon)
        #expect(header.values == ["id", "name", "price"])
        #expect(try reader.next()?.row?.values == ["1", "a,b", "9,5"])
    }

    @Test("Excel's sep= first line names the delimiter and is not a record")
    func excelSeparatorLine() throws {
        var reader = CSVReader(stream: MemoryByteStream("sep=;\r\nid,x;name\r\n1,5;Mug\r\n", maximumReadSize: 1))

        let header = try #require(try reader.next()?.row)

        #expect(reader.delimiter == .semicolon)
        #expect(header.values == ["id,x", "name"])
        #expect(header.line == 2)
        #expect(try reader.next()?.row?.line == 3)
    }

    @Test("a header that only starts like sep= is an ordinary header")
    func notASeparatorLine() throws {
        #expect(try CSVTestSupport.rows("sep=;x,y\n1,2\n") == [["sep=;x", "y"], ["1", "2"]])
    }

    @Test("a quote inside an unquoted field is kept as a literal character")
    func strayQuoteKept() throws {
        #expect(try CSVTestSupport.rows("12\" pizza,5'10\",a\"\"b\n") == [["12\" pizza", "5'10\"", "a\"\"b"]])
    }

    @Test("doubled quotes and delimiters inside a quoted field are unescaped")
    func doubledQuotes() throws {
        #expect(try CSVTestSupport.rows("\"say \"\"hi\"\", then go\",\"\"\"\"\n") == [["say \"hi\", then go", "\""]])
    }

    @Test("text after a closing quote makes the record malformed, and reading goes on")
    func textAfterClosingQuote() throws {
        let events = try CSVTestSupport.events("a,b\n1,\"x\"y\n2,3\n")

        let malformed = try #require(events[1].malformed)
        #expect(malformed.line == 2)
        #expect(malformed.reason.contains("field 2 has text after its closing quote"))
        #expect(events[2].row?.values == ["2", "3"])
        #expect(events[2].line == 3)
    }

    @Test("an unterminated quote at the end of the file is malformed, with its lines")
    func unterminatedQuote() throws {
        let events = try CSVTestSupport.events("a,b\n1,2\n3,\"open\nstill open\n")

        #expect(events.count == 3)
        let malformed = try #require(events.last?.malformed)
        #expect(malformed.line == 3)
        #expect(malformed.reason.contains("opened on line 3"))
        #expect(malformed.reason.contains("never closed"))
    }

    @Test("the record after a multi-line record reports the physical line it starts on")
    func lineNumbersAfterQuotedLineBreaks() throws {
        let events = try CSVTestSupport.events("a,b\n1,\"x\ny\r\nz\rw\"\n2,3\n\n4,5")

        #expect(events.map(\.line) == [1, 2, 6, 8])
        #expect(events[1].row?.values == ["1", "x\ny\r\nz\rw"])
    }

    @Test("a record over the maximum size is malformed and the next record is read")
    func maximumRecordSize() throws {
        let dialect = CSVDialect(delimiter: .comma, maxRecordSize: 10)
        let text = "a,b\n1,\"this is far too long\nfor ten bytes\"\n2,3\n"

        let events = try CSVTestSupport.events(text, dialect: dialect)

        #expect(events.count == 3)
        let malformed = try #require(events[1].malformed)
        #expect(malformed.line == 2)
        #expect(malformed.reason.contains("larger than the maximum record size of 10 bytes"))
        #expect(events[2].row?.values == ["2", "3"])
        #expect(events[2].line == 4)
    }

    @Test("a record of exactly the maximum size is accepted")
    func recordAtMaximumSize() throws {
        let rows = try CSVTestSupport.rows("abcd,\"ef\"\n", dialect: CSVDialect(delimiter: .comma, maxRecordSize: 9))

        #expect(rows == [["abcd", "ef"]])
    }

    @Test("an unterminated quote stops at the size limit instead of swallowing the file")
    func unterminatedQuoteIsBounded() throws {
        let body = String(repeating: "x,y,z\n", count: 1000)
        let events = try CSVTestSupport.events(
            "\"open\n" + body, dialect: CSVDialect(delimiter: .comma, maxRecordSize: 100), chunkSize: 64)

        let malformed = try #require(events.first?.malformed)
        #expect(events.count == 1)
        #expect(malformed.reason.contains("maximum record size"))
    }

    static let tricky = "\u{FEFF}id;\"na;me\";note\r\n"
        + "1;\"multi\r\nline \"\"quoted\"\"\";x\r\n"
        + "\r\n"
        + "2;plain;\"\"\n"
        + "3;\"a\rb\";5'10\"\r"
        + "4;\"bad\"tail;y\r\n"
        + "5;" + String(repeating: "long field ", count: 30) + ";z\r\n"
        + "6;last;\"open"

    @Test("reading 1, 2, 3 or 7 bytes at a time gives the same records as one buffer",
          arguments: [1, 2, 3, 7], [16, 17, 64])
    func chunkBoundaries(readSize: Int, chunkSize: Int) throws {
        let dialect = CSVDialect(delimiter: .auto, maxRecordSize: 200)
        let whole = try CSVTestSupport.events(Self.tricky, dialect: dialect)

        let pieces = try CSVTestSupport.events(Self.tricky, dialect: dialect, readSize: readSize, chunkSize: chunkSize)

        #expect(pieces == whole)
        #expect(whole.map(\.line) == [1, 2, 5, 6, 8, 9, 10])
        #expect(whole.compactMap(\.row).count == 4)
        #expect(whole.compactMap(\.malformed).count == 3)
    }

    @Test("a CRLF split across two reads counts as one line break")
    func splitCRLF() throws {
        let events = try CSVTestSupport.events("a\r\nb\r\nc", readSize: 2, chunkSize: 16)

        #expect(events.map(\.line) == [1, 2, 3])
    }
}
