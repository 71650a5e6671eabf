import FeedSyncSources
import Testing

/// Delimiter names and automatic detection.
struct CSVDialectTests {
    private func detect(_ text: String) -> CSVDialect.Delimiter {
        Array(text.utf8).withUnsafeBufferPointer { CSVDialect.Delimiter.detect(inFirstLineOf: $0) }
    }

    @Test("detection picks the separator that occurs most often in the first line",
          arguments: [
              ("id,name,price", CSVDialect.Delimiter.comma),
              ("id;name;price,net", .semicolon),
              ("id\tname\tprice", .tab),
              ("id|name|price", .pipe),
          ])
    func detectsMostFrequent(_ line: String, _ expected: CSVDialect.Delimiter) {
        #expect(detect(line) == expected)
    }

    @Test("detection ignores separators inside quotes")
    func ignoresQuoted() {
        #expect(detect("\"a,b,c,d\";name") == .semicolon)
    }

    @Test("detection counts only the first line")
    func firstLineOnly() {
        #expect(detect("id|name\n1,2,3,4,5") == .pipe)
    }

    @Test("a tie, or a single column, goes to comma")
    func tieGoesToComma() {
        #expect(detect("a;b,c") == .comma)
        #expect(detect("name") == .comma)
        #expect(detect("") == .comma)
    }

    @Test("delimiters read from configuration text by character or name",
          arguments: [
              (",", CSVDialect.Delimiter.comma), ("comma", .comma), (";", .semicolon), ("Semicolon", .semicolon),
              ("\t", .tab), ("\\t", .tab), ("tab", .tab), ("|", .pipe), ("pipe", .pipe), ("auto", .auto),
          ])
    func parsesConfiguration(_ text: String, _ expected: CSVDialect.Delimiter) {
        #expect(CSVDialect.Delimiter(text) == expected)
    }

    @Test("an unsupported delimiter is not read from configuration text")
    func rejectsUnknownDelimiter() {
        #expect(CSVDialect.Delimiter(":") == nil)
        #expect(CSVDialect.Delimiter("") == nil)
    }

    @Test("the default dialect detects the delimiter, expects a header and allows 16 MiB records")
    func defaults() {
        let dialect = CSVDialect()

        #expect(dialect.delimiter == .auto)
        #expect(dialect.hasHeader)
        #expect(dialect.maxRecordSize == 16 * 1024 * 1024)
    }
}
