import FeedSyncCore
import FeedSyncSources
import Testing

/// A read that cannot finish must never look complete: it throws, after the records that
/// came before the problem.
struct XMLFailureTests {
    /// An RSS feed of `count` items, one field per line, about 200 bytes each.
    static func feed(items count: Int) -> String {
        var text = "<?xml version=\"1.0\"?>\n<rss xmlns:g=\"http://base.google.com/ns/1.0\">\n<channel>\n"
        for index in 1...count {
            text += "<item>\n  <g:id>\(index)</g:id>\n  <g:title>Product \(index) with a reasonably long title</g:title>\n"
            text += "  <g:link>https://shop.example/products/\(index)</g:link>\n</item>\n"
        }
        return text + "</channel>\n</rss>\n"
    }

    @Test("a file cut short fails after the records before the cut, saying it looks truncated")
    func truncatedFile() throws {
        let whole = Self.feed(items: 40)
        let cut = try #require(whole.range(of: "<g:title>Product 31 "))
        var source = try XMLTestSupport.source(String(whole[..<cut.upperBound]))

        let (events, error) = XMLTestSupport.drainUntilFailure(&source)

        let failure = try #require(error as? XMLFormatError)
        #expect(events.compactMap(\.record).map { $0.firstValue(named: "g:id") } == (1...30).map { "\($0)" })
        #expect(failure.reason.contains("ends in the middle of the document"))
        #expect(failure.reason.contains("stopped after 30 records"))
        #expect(failure.line > 0)
    }

    @Test("a feed cut anywhere fails, after whole records only", arguments: [1, 100, 2_000, 4_097, 5_000, 5_900])
    func truncatedAnywhere(_ length: Int) throws {
        let whole = Array(Self.feed(items: 40).utf8)
        try #require(length < whole.count)
        var complete = try XMLTestSupport.source(whole)
        let expected = try XMLTestSupport.records(&complete).map(XMLTestSupport.pairs)
        var source = try XMLTestSupport.source(Array(whole.prefix(length)))

        let (events, error) = XMLTestSupport.drainUntilFailure(&source)

        #expect(error is XMLFormatError)
        let records = events.compactMap(\.record).map(XMLTestSupport.pairs)
        #expect(records == Array(expected.prefix(records.count)))
    }

    @Test("a raw & mid-file fails with file, line and column after the records before it")
    func bareAmpersand() throws {
        let broken = Self.feed(items: 40).replacingOccurrences(of: "/products/25<", with: "/products/25?a=1&b=2<")
        var source = try XMLTestSupport.source(broken)

        let (events, error) = XMLTestSupport.drainUntilFailure(&source)

        let failure = try #require(error as? XMLFormatError)
        #expect(events.count == 24)
        #expect(failure.file == "feed.xml")
        #expect(failure.line == 4 + 24 * 5 + 3)
        #expect(failure.column > 0)
        #expect(failure.description.hasPrefix("feed.xml:\(failure.line):\(failure.column): not well-formed XML"))
        #expect(failure.reason.contains("EntityRef: expecting ';'"))
    }

    @Test("an HTML entity such as &nbsp; fails the read with an explanation")
    func htmlEntity() throws {
        var source = try XMLTestSupport.source("<r><item><t>a&nbsp;b</t></item></r>")

        let (_, error) = XMLTestSupport.drainUntilFailure(&source)

        let failure = try #require(error as? XMLFormatError)
        #expect(failure.reason.contains("&#160;"))
        #expect(failure.reason.contains("Entity 'nbsp' not defined"))
    }

    @Test("an empty file fails the read")
    func emptyFile() throws {
        var source = try XMLTestSupport.source("")

        let (_, error) = XMLTestSupport.drainUntilFailure(&source)

        let failure = try #require(error as? XMLFormatError)
        #expect(failure.reason.contains("the file is empty or holds no XML element"))
    }

    @Test("a document without the record element fails, naming its root element")
    func noRecordElement() throws {
        var source = try XMLTestSupport.source("<feed><entry><id>1</id></entry></feed>")

        let (_, error) = XMLTestSupport.drainUntilFailure(&source)

        let failure = try #require(error as? XMLFormatError)
        #expect(failure.kind == .run)
        #expect(failure.reason.contains("no <item> element"))
        #expect(failure.reason.contains("<feed>"))
    }

    @Test("a stream that fails mid-file fails the read with the stream's own error")
    func streamFailure() throws {
        let text = Self.feed(items: 40)
        var source = try XMLSource(
            stream: XMLTestSupport.FailingStream(text, failAfter: 5000), source: "shop", file: "feed.xml")

        let (events, error) = XMLTestSupport.drainUntilFailure(&source)

        let failure = try #require(error as? ByteStreamError)
        #expect(failure.reason == "Input/output error")
        #expect(events.count < 40)
    }

    @Test("a stream that fails at once fails opening the source")
    func streamFailsAtOnce() throws {
        #expect(throws: ByteStreamError.self) {
            _ = try XMLSource(stream: XMLTestSupport.FailingStream("<r/>", failAfter: 0), source: "shop", file: "feed.xml")
        }
    }

    @Test("a missing file fails opening the source, naming the path")
    func missingFile() throws {
        let error = #expect(throws: ByteStreamError.self) {
            _ = try XMLSource(path: "/nonexistent/feed.xml", source: "shop")
        }

        #expect(error?.description == "cannot open /nonexistent/feed.xml: No such file or directory")
    }

    @Test("once a read has failed, the source stays ended")
    func endsAfterFailure() throws {
        var source = try XMLTestSupport.source("<r><item><id>1</id></item><item>&bad</item></r>")

        _ = XMLTestSupport.drainUntilFailure(&source)

        #expect(try source.next() == nil)
    }
}
