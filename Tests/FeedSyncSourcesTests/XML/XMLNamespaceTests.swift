import FeedSyncCore
import FeedSyncSources
import Testing

/// Field names follow namespace URIs, not the prefixes a feed happens to use.
struct XMLNamespaceTests {
    typealias Pair = XMLTestSupport.Pair

    static let expectedFirstRecord = [
        Pair("g:id", "SKU-1"), Pair("title", "Blue mug"), Pair("g:price/@currency", "EUR"), Pair("g:price", "9.90 EUR"),
        Pair("g:shipping/g:country", "DE"), Pair("g:shipping/g:price", "4.95 EUR"),
        Pair("g:additional_image_link", "https://shop.example/1-a.jpg"),
        Pair("g:additional_image_link", "https://shop.example/1-b.jpg"),
    ]

    @Test(
        "Google's namespace reads as g: whether the feed binds it to g:, to c: or to the default namespace",
        arguments: ["google_prefix_g.xml", "google_prefix_c.xml", "google_default_namespace.xml"])
    func googleNamespaceByURI(_ fixture: String) throws {
        var source = try XMLTestSupport.fixture(fixture)

        let records = try XMLTestSupport.records(&source).map(XMLTestSupport.pairs)

        try #require(records.count == 2)
        #expect(records[0] == Self.expectedFirstRecord)
        #expect(records[1] == [Pair("g:id", "SKU-2"), Pair("title", "Red mug"), Pair("g:price/@currency", "EUR"), Pair("g:price", "10.90 EUR")])
    }

    @Test("Atom's entries are found by a record element without a prefix, and their Atom children read as atom:")
    func atomEntries() throws {
        let records = try XMLTestSupport.pairs(
            "<feed xmlns='http://www.w3.org/2005/Atom' xmlns:g='http://base.google.com/ns/1.0'>"
                + "<entry><title>Bowl</title><g:id>1</g:id></entry></feed>",
            dialect: XMLDialect(recordElement: "entry"))

        #expect(records == [[Pair("atom:title", "Bowl"), Pair("g:id", "1")]])
    }

    @Test("a record element with a prefix matches only elements in that prefix's namespace")
    func prefixedRecordElement() throws {
        let records = try XMLTestSupport.pairs(
            "<r xmlns:x='http://base.google.com/ns/1.0'><item><id>plain</id></item><x:item><id>google</id></x:item></r>",
            dialect: XMLDialect(recordElement: "g:item"))

        #expect(records == [[Pair("id", "google")]])
    }

    @Test("a namespace the dialect does not know keeps the document's first prefix for it, none for a default one")
    func unknownNamespaces() throws {
        let records = try XMLTestSupport.pairs(
            "<SHOP xmlns='http://www.zbozi.cz/ns/offer/1.0' xmlns:h='urn:heureka'>"
                + "<SHOPITEM><ITEM_ID>1</ITEM_ID><h:CPC>2</h:CPC><CPC xmlns='urn:heureka'>3</CPC></SHOPITEM></SHOP>",
            dialect: XMLDialect(recordElement: "SHOPITEM"))

        #expect(records == [[Pair("ITEM_ID", "1"), Pair("h:CPC", "2"), Pair("h:CPC", "3")]])
    }

    @Test("a prefix the dialect adds names its namespace in field names")
    func dialectPrefix() throws {
        let records = try XMLTestSupport.pairs(
            "<SHOP xmlns='http://www.zbozi.cz/ns/offer/1.0'><SHOPITEM><ITEM_ID>1</ITEM_ID></SHOPITEM></SHOP>",
            dialect: XMLDialect(recordElement: "z:SHOPITEM", namespaces: ["z": "http://www.zbozi.cz/ns/offer/1.0"]))

        #expect(records == [[Pair("z:ITEM_ID", "1")]])
    }

    @Test("a dialect prefix for a built-in namespace replaces the built-in name")
    func dialectRenamesBuiltIn() throws {
        let records = try XMLTestSupport.pairs(
            "<r xmlns:g='http://base.google.com/ns/1.0'><item><g:id>1</g:id></item></r>",
            dialect: XMLDialect(namespaces: ["google": "http://base.google.com/ns/1.0"]))

        #expect(records == [[Pair("google:id", "1")]])
    }

    @Test("an undeclared prefix keeps its name and is reported as a warning")
    func undeclaredPrefix() throws {
        var source = try XMLTestSupport.source("<rss><channel><item><g:id>1</g:id></item></channel></rss>")

        let records = try XMLTestSupport.records(&source).map(XMLTestSupport.pairs)

        #expect(records == [[Pair("g:id", "1")]])
        #expect(source.warningCount == 1)
        #expect(source.warnings.first?.message.contains("Namespace prefix g on id is not defined") == true)
        #expect(source.warnings.first?.line == 1)
    }

    @Test("namespace declarations are not fields; namespaced attributes use the namespace's prefix")
    func namespaceAttributes() throws {
        let records = try XMLTestSupport.pairs(
            "<r><item xmlns:q='http://base.google.com/ns/1.0' q:id='1' xml:lang='fa'><t/></item></r>")

        #expect(records == [[Pair("@g:id", "1"), Pair("@xml:lang", "fa"), Pair("t", "")]])
    }

    @Test("a record element with an unknown prefix is a configuration error naming it")
    func unknownRecordPrefix() throws {
        let error = #expect(throws: XMLDialectError.self) {
            _ = try XMLTestSupport.source("<r/>", dialect: XMLDialect(recordElement: "z:item"))
        }

        #expect(error?.kind == .configuration)
        #expect(error?.description.contains("unknown namespace prefix \"z\"") == true)
    }

    @Test("a record element given as a path, an attribute or a malformed name is a configuration error",
          arguments: ["channel/item", "@id", "", "g:", "a:b:c", "my item"])
    func malformedRecordElement(_ name: String) throws {
        #expect(throws: XMLDialectError.self) {
            _ = try XMLTestSupport.source("<r/>", dialect: XMLDialect(recordElement: name))
        }
    }

    @Test("a malformed namespace prefix, an empty URI or two prefixes for one URI are configuration errors",
          arguments: [["a b": "urn:x"], ["xmlns": "urn:x"], ["a": ""], ["a": "urn:x", "b": "urn:x"]])
    func malformedNamespaces(_ namespaces: [String: String]) throws {
        #expect(throws: XMLDialectError.self) {
            _ = try XMLTestSupport.source("<r/>", dialect: XMLDialect(namespaces: namespaces))
        }
    }
}
