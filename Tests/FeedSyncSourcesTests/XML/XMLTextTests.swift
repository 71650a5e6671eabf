import FeedSyncCore
import FeedSyncSources
import Foundation
import Testing

/// How text reaches a value: CDATA, entities, escaped HTML, encodings, one-line feeds.
struct XMLTextTests {
    typealias Pair = XMLTestSupport.Pair

    @Test("CDATA, character references and escaped HTML arrive as plain text")
    func cdataAndEscapedHTML() throws {
        var source = try XMLTestSupport.fixture("cdata_escaped_html.xml")

        let records = try XMLTestSupport.records(&source).map(XMLTestSupport.pairs)

        #expect(records == [[
            Pair("g:id", "1"),
            Pair("g:description", "<p>Soft & <b>warm</b></p>"),
            Pair("g:title", "Scarf & hat <set> – café"),
            Pair("description", "<ul><li>wool</li></ul>"),
            Pair("g:product_type", "Apparel & Accessories > Scarves"),
        ]])
    }

    @Test("a whole feed on one line reads like an indented one")
    func oneLineFeed() throws {
        let indented = try XMLTestSupport.fixtureBytes("google_prefix_g.xml")
        let oneLine = String(decoding: indented, as: UTF8.self)
            .split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined()

        var indentedSource = try XMLTestSupport.source(indented)
        var oneLineSource = try XMLTestSupport.source(oneLine)

        let expected = try XMLTestSupport.records(&indentedSource).map(XMLTestSupport.pairs)
        let read = try XMLTestSupport.records(&oneLineSource)
        #expect(read.map(XMLTestSupport.pairs) == expected)
        #expect(read.map(\.location.line) == [1, 1])
    }

    @Test("a feed declaring ISO-8859-1 is decoded to UTF-8")
    func declaredEncoding() throws {
        let bytes = Array("<?xml version='1.0' encoding='ISO-8859-1'?><r><item><t>caf".utf8) + [0xE9] + Array("</t></item></r>".utf8)
        var source = try XMLTestSupport.source(bytes)

        let record = try #require(try XMLTestSupport.records(&source).first)

        #expect(record.firstValue(named: "t") == "café")
    }

    @Test("a dialect encoding overrides a wrong declaration (Windows-1256 Persian declared as UTF-8)")
    func encodingOverride() throws {
        // "سلام" in Windows-1256.
        let bytes = Array("<?xml version='1.0' encoding='UTF-8'?><r><item><t>".utf8) + [0xD3, 0xE1, 0xC7, 0xE3]
            + Array("</t></item></r>".utf8)
        var source = try XMLTestSupport.source(bytes, dialect: XMLDialect(encoding: "windows-1256"))

        let record = try #require(try XMLTestSupport.records(&source).first)

        #expect(record.firstValue(named: "t") == "سلام")
    }

    @Test("a dialect encoding of UTF-8 overrides the declaration, for a stream already decoded to UTF-8")
    func utf8OverridesDeclaration() throws {
        let text = "<?xml version='1.0' encoding='windows-1256'?><r><item><t>سلام</t></item></r>"
        var source = try XMLTestSupport.source(text, dialect: XMLDialect(encoding: "UTF-8"))

        let record = try #require(try XMLTestSupport.records(&source).first)

        #expect(record.firstValue(named: "t") == "سلام")
    }

    @Test("UTF-16 with a byte order mark is recognised")
    func utf16() throws {
        let text = "<?xml version='1.0' encoding='UTF-16'?><r><item><t>تومان</t></item></r>"
        let bytes: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        var source = try XMLTestSupport.source(bytes)

        let record = try #require(try XMLTestSupport.records(&source).first)

        #expect(record.firstValue(named: "t") == "تومان")
    }

    @Test("an encoding libxml2 does not know is a configuration error")
    func unknownEncoding() throws {
        let error = #expect(throws: XMLDialectError.self) {
            _ = try XMLTestSupport.source("<r/>", dialect: XMLDialect(encoding: "klingon-8"))
        }

        #expect(error?.kind == .configuration)
        #expect(error?.setting == "encoding")
    }

    @Test("bytes that are not UTF-8 in a feed without a declaration fail the read with the line")
    func invalidUTF8() throws {
        let bytes = Array("<r>\n<item><t>ok</t></item>\n<item><t>caf".utf8) + [0xE9] + Array("</t></item></r>".utf8)
        var source = try XMLTestSupport.source(bytes)

        let (events, error) = XMLTestSupport.drainUntilFailure(&source)

        let failure = try #require(error as? XMLFormatError)
        #expect(events.count <= 1)
        #expect(failure.line == 3)
        #expect(failure.reason.contains("not in the encoding the file declares"))
    }
}
