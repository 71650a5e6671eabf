import FeedSyncCore
import FeedSyncSources
import FeedSyncTesting
import Foundation

/// Reads JSON the way the tests need it: tokens with their text, records as name/value pairs.
enum JSONTestSupport {
    /// Every token of `text` with its text (keys, strings, numbers) or `nil`.
    static func tokens(
        _ text: String, readSize: Int = .max, options: JSONReaderOptions = JSONReaderOptions()
    ) throws -> [Token] {
        try tokens(Array(text.utf8), readSize: readSize, options: options)
    }

    /// Every token of `bytes` with its text.
    static func tokens(
        _ bytes: [UInt8], readSize: Int = .max, options: JSONReaderOptions = JSONReaderOptions(), chunkSize: Int = 1 << 16
    ) throws -> [Token] {
        var reader = JSONReader(
            stream: MemoryByteStream(bytes, maximumReadSize: readSize), file: "test.json", options: options, chunkSize: chunkSize)
        var tokens: [Token] = []
        while let token = try reader.next() {
            let hasText = token == .key || token == .string || token == .number
            tokens.append(Token(token: token, text: hasText ? reader.textString : nil))
        }
        return tokens
    }

    /// The error reading `text` throws, or `nil` when it reads.
    static func readError(_ text: String, options: JSONReaderOptions = JSONReaderOptions()) -> JSONReadError? {
        readError(Array(text.utf8), options: options)
    }

    /// The error reading `bytes` throws, or `nil` when it reads.
    static func readError(_ bytes: [UInt8], options: JSONReaderOptions = JSONReaderOptions()) -> JSONReadError? {
        do {
            _ = try tokens(bytes, options: options)
            return nil
        } catch let error as JSONReadError {
            return error
        } catch {
            return JSONReadError(file: "", offset: -1, line: 0, column: 0, problem: .syntax, reason: "\(error)")
        }
    }

    /// Every event of a record reader over `text`.
    static func events(
        _ text: String, items: String, metadata: [String] = [], readSize: Int = .max,
        options: JSONRecordOptions = JSONRecordOptions()
    ) throws -> [SourceEvent] {
        var reader = try recordReader(text, items: items, metadata: metadata, readSize: readSize, options: options)
        var events: [SourceEvent] = []
        while let event = try reader.next() { events.append(event) }
        return events
    }

    /// A record reader over `text` for the source `shop`, file `test.json`.
    static func recordReader(
        _ text: String, items: String, metadata: [String] = [], readSize: Int = .max,
        options: JSONRecordOptions = JSONRecordOptions()
    ) throws -> JSONRecordReader {
        JSONRecordReader(
            stream: MemoryByteStream(Array(text.utf8), maximumReadSize: readSize), items: try JSONPointer(items),
            metadata: try metadata.map { try JSONPointer($0) }, source: "shop", file: "test.json", options: options)
    }

    /// The records of `text` as name/value pairs.
    static func pairs(_ text: String, items: String) throws -> [[Pair]] {
        try events(text, items: items).compactMap(\.record).map(pairs(of:))
    }

    /// A record's values with their names, in order.
    static func pairs(of record: SourceRecord) -> [Pair] {
        (0..<record.count).map { Pair(name: record.names.names[$0], value: record.value(at: $0)) }
    }

    /// Every event a pages source yields, and the error that ended it if one did.
    static func drain(_ source: inout JSONPagesSource) async -> (events: [SourceEvent], error: (any Error)?) {
        var events: [SourceEvent] = []
        do {
            while let event = try await source.next() { events.append(event) }
            return (events, nil)
        } catch {
            return (events, error)
        }
    }

    /// `fixtures/json/<relative>`.
    static func fixture(_ relative: String) -> URL {
        Fixtures.fixture("json/" + relative)
    }

    /// The bytes of `fixtures/json/<relative>`; empty when it cannot be read (the test
    /// then fails on its expectations).
    static func fixtureData(_ relative: String) -> Data {
        (try? Data(contentsOf: fixture(relative))) ?? Data()
    }

    struct Token: Hashable, CustomStringConvertible {
        var token: JSONToken
        var text: String?
        var description: String { text.map { "\(token)(\($0))" } ?? "\(token)" }
    }

    struct Pair: Hashable, CustomStringConvertible {
        var name: String
        var value: String
        var description: String { "\(name)=\(value)" }
    }
}

/// A value shared between a test and the closures it hands out (server handlers, sleeps).
final class JSONTestBox<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) {
        self.value = value
    }

    func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }

    var current: Value { withLock { $0 } }
}
