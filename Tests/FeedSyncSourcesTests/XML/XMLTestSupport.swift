import FeedSyncCore
import FeedSyncSources
import FeedSyncTesting
import Foundation

/// Reads XML the way the XML tests need it: sources over text or fixtures, all events,
/// records as name/value pairs.
enum XMLTestSupport {
    /// A source over `text`, named `shop` reading `feed.xml`.
    static func source(
        _ text: String, dialect: XMLDialect = XMLDialect(), readSize: Int = .max
    ) throws -> XMLSource {
        try source(Array(text.utf8), dialect: dialect, readSize: readSize)
    }

    /// A source over `bytes`, named `shop` reading `feed.xml`.
    static func source(
        _ bytes: [UInt8], dialect: XMLDialect = XMLDialect(), readSize: Int = .max
    ) throws -> XMLSource {
        try XMLSource(
            stream: MemoryByteStream(bytes, maximumReadSize: readSize), source: "shop", file: "feed.xml",
            dialect: dialect)
    }

    /// A source over `fixtures/xml/<name>`.
    static func fixture(_ name: String, dialect: XMLDialect = XMLDialect()) throws -> XMLSource {
        try XMLSource(path: Fixtures.fixture("xml/" + name).path, source: "shop", dialect: dialect)
    }

    /// The bytes of `fixtures/xml/<name>`.
    static func fixtureBytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: Fixtures.fixture("xml/" + name)))
    }

    /// Every event of a source, to its end.
    static func drain(_ source: inout XMLSource) throws -> [SourceEvent] {
        var events: [SourceEvent] = []
        while let event = try source.next() { events.append(event) }
        return events
    }

    /// Every record of a source, failing on a rejection.
    static func records(_ source: inout XMLSource) throws -> [SourceRecord] {
        try drain(&source).map { event in
            guard let record = event.record else { throw UnexpectedRejection(event: event) }
            return record
        }
    }

    /// The records of `text`, as name/value pairs.
    static func pairs(_ text: String, dialect: XMLDialect = XMLDialect()) throws -> [[Pair]] {
        var source = try source(text, dialect: dialect)
        return try records(&source).map(pairs)
    }

    /// A record's fields in order, as name/value pairs.
    static func pairs(_ record: SourceRecord) -> [Pair] {
        (0..<record.count).map { Pair(record.names.names[$0], record.value(at: $0)) }
    }

    /// The events read before the source threw, and what it threw.
    static func drainUntilFailure(_ source: inout XMLSource) -> (events: [SourceEvent], error: (any Error)?) {
        var events: [SourceEvent] = []
        do {
            while let event = try source.next() { events.append(event) }
            return (events, nil)
        } catch {
            return (events, error)
        }
    }

    /// A field name and its value.
    struct Pair: Hashable, CustomStringConvertible {
        let name: String
        let value: String

        init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }

        var description: String { "\(name)=\(value)" }
    }

    struct UnexpectedRejection: Error {
        let event: SourceEvent
    }

    /// A byte stream that hands out its bytes, then fails the way a broken disk or connection does.
    struct FailingStream: ByteStream {
        var bytes: MemoryByteStream
        var failAfter: Int
        private var delivered = 0

        init(_ text: String, failAfter: Int) {
            self.bytes = MemoryByteStream(text)
            self.failAfter = failAfter
        }

        mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
            guard delivered < failAfter else {
                throw ByteStreamError(path: "feed.xml", operation: .read, reason: "Input/output error")
            }
            let limit = UnsafeMutableRawBufferPointer(rebasing: buffer.prefix(failAfter - delivered))
            let count = bytes.read(into: limit)
            delivered += count
            return count
        }
    }
}
