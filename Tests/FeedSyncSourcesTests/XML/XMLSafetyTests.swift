import FeedSyncCore
import FeedSyncSources
import Foundation
import Testing

/// Hostile feeds: external entities, entity expansion, oversized text and records.
struct XMLSafetyTests {
    typealias Pair = XMLTestSupport.Pair

    /// Text every `/etc/passwd` has, which must never show up in a value.
    static let passwdMarker = "root:"

    @Test("an external entity naming a local file is not read; the record using it is rejected")
    func externalGeneralEntity() throws {
        var source = try XMLTestSupport.fixture("xxe_general_entity.xml")

        let events = try XMLTestSupport.drain(&source)

        try #require(events.count == 2)
        let rejection = try #require(events[0].rejection)
        #expect(rejection.reason.contains("&secret;"))
        #expect(rejection.location.line == 6)
        #expect(events[1].record.map(XMLTestSupport.pairs) == [Pair("id", "2"), Pair("title", "plain")])
        #expect(!events.compactMap(\.record).flatMap(XMLTestSupport.pairs).contains { $0.value.contains(Self.passwdMarker) })
    }

    @Test("an external DTD and external parameter entity are not loaded")
    func externalParameterEntityAndDTD() throws {
        var source = try XMLTestSupport.fixture("xxe_parameter_entity.xml")

        let records = try XMLTestSupport.records(&source).map(XMLTestSupport.pairs)

        #expect(records == [[Pair("id", "1"), Pair("title", "plain")]])
    }

    @Test("entities and DTDs on the network are not fetched")
    func networkEntities() throws {
        var source = try XMLTestSupport.fixture("xxe_network.xml")

        let events = try XMLTestSupport.drain(&source)

        #expect(events.count == 1)
        #expect(events.first?.rejection?.reason.contains("&remote;") == true)
    }

    @Test("an entity the document declares itself is not expanded, in text or attributes; those records are rejected")
    func internalEntity() throws {
        var source = try XMLTestSupport.fixture("internal_entity.xml")

        let events = try XMLTestSupport.drain(&source)

        try #require(events.count == 3)
        #expect(events[0].rejection?.reason.contains("uses the entity &shop;") == true)
        #expect(events[1].rejection?.reason.contains("uses the entity &shop;") == true)
        #expect(events[2].record.map(XMLTestSupport.pairs) == [Pair("id", "3"), Pair("title", "Plain")])
    }

    @Test("billion laughs is refused within a second, without memory growing")
    func billionLaughs() throws {
        let peakBefore = peakResidentBytes()
        let clock = ContinuousClock()
        var source = try XMLTestSupport.fixture("billion_laughs.xml")

        var outcome: (events: [SourceEvent], error: (any Error)?) = ([], nil)
        let elapsed = clock.measure { outcome = XMLTestSupport.drainUntilFailure(&source) }

        let failure = try #require(outcome.error as? XMLFormatError)
        #expect(outcome.events.isEmpty)
        #expect(failure.reason.contains("billion laughs"))
        #expect(failure.line == 19)
        #expect(elapsed < .seconds(1))
        // Expanded, &lol9; is 3 GB; other tests running alongside stay far below the bound.
        #expect(peakResidentBytes() - peakBefore < 256 << 20)
    }

    @Test("a text longer than libxml2's 10,000,000-byte limit fails the read after the records before it")
    func hugeTextNode() throws {
        let huge = String(repeating: "x", count: 12_000_000)
        var source = try XMLTestSupport.source("<r><item><id>1</id></item><item><d>\(huge)</d></item><item><id>3</id></item></r>")

        let (events, error) = XMLTestSupport.drainUntilFailure(&source)

        let failure = try #require(error as? XMLFormatError)
        #expect(events.compactMap(\.record).map(XMLTestSupport.pairs) == [[Pair("id", "1")]])
        #expect(failure.reason.contains("longer than 10,000,000 bytes"))
        #expect(failure.reason.contains("stopped after 1 record"))
    }

    @Test("a record larger than the dialect's maximum is rejected and reading goes on")
    func recordTooLarge() throws {
        let big = String(repeating: "y", count: 3000)
        var source = try XMLTestSupport.source(
            "<r><item><id>1</id></item><item><id>2</id><a>\(big)</a><b>\(big)</b></item><item><id>3</id></item></r>",
            dialect: XMLDialect(maxRecordSize: 4096))

        let events = try XMLTestSupport.drain(&source)

        try #require(events.count == 3)
        #expect(events[1].rejection?.reason.contains("larger than 4 KiB") == true)
        #expect(events[1].rejection?.location.record == 2)
        #expect(events[2].record.map(XMLTestSupport.pairs) == [Pair("id", "3")])
    }

    @Test("many empty elements count against the record size too")
    func manyEmptyValues() throws {
        let empties = String(repeating: "<e/>", count: 1000)
        var source = try XMLTestSupport.source("<r><item>\(empties)</item></r>", dialect: XMLDialect(maxRecordSize: 4096))

        let events = try XMLTestSupport.drain(&source)

        #expect(events.first?.rejection?.reason.contains("larger than 4 KiB") == true)
    }

    @Test("nesting deeper than libxml2's limit fails the read instead of exhausting the stack")
    func deepNesting() throws {
        let depth = 10_000
        let text = "<r><item>" + String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth) + "</item></r>"
        var source = try XMLTestSupport.source(text)

        let (_, error) = XMLTestSupport.drainUntilFailure(&source)

        #expect(error is XMLFormatError)
    }

    @Test("a feed whose element names never repeat reads right past the name table's limit")
    func everNewNames() throws {
        let count = 60_000
        var text = "<r>"
        for index in 0..<count { text += "<item><f\(index)>\(index)</f\(index)></item>" }
        var source = try XMLTestSupport.source(text + "</r>")

        let records = try XMLTestSupport.records(&source)

        try #require(records.count == count)
        #expect(XMLTestSupport.pairs(records[count - 1]) == [Pair("f\(count - 1)", "\(count - 1)")])
        #expect(XMLTestSupport.pairs(records[0]) == [Pair("f0", "0")])
    }
}
