import FeedSyncCore
import FeedSyncSources
import Testing

/// How the elements and attributes of a record element become named fields.
struct XMLSourceFieldTests {
    typealias Pair = XMLTestSupport.Pair

    @Test("each record element becomes one record, in document order")
    func recordPerElement() throws {
        let records = try XMLTestSupport.pairs("<rss><channel><title>Shop</title><item><id>1</id></item><item><id>2</id></item></channel></rss>")

        #expect(records == [[Pair("id", "1")], [Pair("id", "2")]])
    }

    @Test("a child element is named by its name, a nested one by its path")
    func paths() throws {
        let records = try XMLTestSupport.pairs(
            "<feed><item><g:price xmlns:g='http://base.google.com/ns/1.0'>9 EUR</g:price>"
                + "<shipping><country>DE</country><rate><amount>4</amount></rate></shipping></item></feed>")

        #expect(records == [[
            Pair("g:price", "9 EUR"), Pair("shipping/country", "DE"), Pair("shipping/rate/amount", "4"),
        ]])
    }

    @Test("attributes of the record and of its children are fields named with @")
    func attributes() throws {
        let records = try XMLTestSupport.pairs(
            "<offers><offer id='7' available='true'><price currency='EUR' vat='incl'>9</price></offer></offers>",
            dialect: XMLDialect(recordElement: "offer"))

        #expect(records == [[
            Pair("@id", "7"), Pair("@available", "true"),
            Pair("price/@currency", "EUR"), Pair("price/@vat", "incl"), Pair("price", "9"),
        ]])
    }

    @Test("a repeated element gives every value under one name, in order")
    func repeatedElements() throws {
        var source = try XMLTestSupport.source(
            "<rss><item><image>a.jpg</image><image>b.jpg</image><id>1</id><image>c.jpg</image></item></rss>")

        let record = try #require(try XMLTestSupport.records(&source).first)

        #expect(record.values(named: "image") == ["a.jpg", "b.jpg", "c.jpg"])
        #expect(record.firstValue(named: "id") == "1")
    }

    @Test("values are trimmed of XML white space at both ends, inner white space kept")
    func trimming() throws {
        let records = try XMLTestSupport.pairs("<r><item><title>\n    Blue   mug \t\r\n  </title><blank>   </blank></item></r>")

        #expect(records == [[Pair("title", "Blue   mug"), Pair("blank", "")]])
    }

    @Test("an empty element is a field with an empty value")
    func emptyElement() throws {
        let records = try XMLTestSupport.pairs("<r><item><image_link/><size></size></item></r>")

        #expect(records == [[Pair("image_link", ""), Pair("size", "")]])
    }

    @Test("a wrapper element is not a field unless it has text of its own")
    func wrapperText() throws {
        let records = try XMLTestSupport.pairs(
            "<r><item><shipping>\n  <price>4</price>\n</shipping><note>Ships <b>fast</b> today</note></item></r>")

        #expect(records == [[Pair("shipping/price", "4"), Pair("note/b", "fast"), Pair("note", "Ships  today")]])
    }

    @Test("a record element inside a record is a field of the outer record")
    func nestedRecordElement() throws {
        let records = try XMLTestSupport.pairs("<r><item><id>1</id><item><id>2</id></item></item><item><id>3</id></item></r>")

        #expect(records == [[Pair("id", "1"), Pair("item/id", "2")], [Pair("id", "3")]])
    }

    @Test("the record element's own text is not a field")
    func recordText() throws {
        let records = try XMLTestSupport.pairs("<r><item>stray<id>1</id>text</item></r>")

        #expect(records == [[Pair("id", "1")]])
    }

    @Test("an empty record element is a record without fields")
    func emptyRecord() throws {
        let records = try XMLTestSupport.pairs("<r><item/><item id='2'/></r>")

        #expect(records == [[], [Pair("@id", "2")]])
    }

    @Test("records with the same fields share one name table")
    func sharedNames() throws {
        var source = try XMLTestSupport.source("<r><item><id>1</id></item><item><id>2</id></item></r>")

        let records = try XMLTestSupport.records(&source)

        try #require(records.count == 2)
        #expect(records[0].names === records[1].names)
        #expect(source.sharedFieldNames == nil)
    }

    @Test("field lookup ignores case, as for CSV columns")
    func caseInsensitiveLookup() throws {
        var source = try XMLTestSupport.source("<r><item><G_TIN>123</G_TIN></item></r>")

        let record = try #require(try XMLTestSupport.records(&source).first)

        #expect(record.firstValue(named: "g_tin") == "123")
    }

    @Test("a record's location is the file, the line of its start tag and its ordinal")
    func locations() throws {
        var source = try XMLTestSupport.source("<rss>\n<channel>\n<item>\n<id>1</id>\n</item>\n\n<item><id>2</id></item>\n</channel>\n</rss>\n")

        let locations = try XMLTestSupport.records(&source).map(\.location)

        #expect(locations == [
            RecordLocation(source: "shop", file: "feed.xml", line: 3, record: 1),
            RecordLocation(source: "shop", file: "feed.xml", line: 7, record: 2),
        ])
    }

    @Test("lines past libxml2's 16-bit line numbers are still about right")
    func bigLineNumbers() throws {
        let filler = String(repeating: "<pad/>\n", count: 70_000)
        var source = try XMLTestSupport.source("<rss>\n\(filler)<item>\n<id>1</id>\n</item>\n</rss>\n")

        let record = try #require(try XMLTestSupport.records(&source).first)

        #expect((70_002...70_003).contains(record.location.line))
    }
}
