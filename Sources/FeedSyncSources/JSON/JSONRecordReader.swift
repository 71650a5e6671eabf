import FeedSyncCore

/// Streams the items of a JSON document as records: the elements of the array at a JSON
/// pointer (`/data/products`, `/products`, `/data`, or `""` for a top-level array).
///
/// Each item becomes a ``SourceRecord`` whose field names are key paths:
///
/// | item | fields |
/// |---|---|
/// | `{"name":"Mug","price":12.5}` | `name` = `Mug`, `price` = `12.5` |
/// | `{"spec":{"color":"red"}}` | `spec/color` = `red` (nested objects join with `/`) |
/// | `{"images":["a.jpg","b.jpg"]}` | `images` = `a.jpg`, `images` = `b.jpg` (repeated name) |
/// | `{"categories":[{"id":1,"name":"A"},{"id":2,"name":"B"}]}` | `categories/id` = `1`, `2`; `categories/name` = `A`, `B` |
/// | `{"old_price":null,"in_stock":true}` | `old_price` = empty, `in_stock` = `true` |
/// | `"just text"` (an item that is not an object) | `value` = `just text` |
///
/// - Array indices are not part of names: every element's values are repeated under one
///   name, in document order, so `categories/id` and `categories/name` line up element by
///   element as long as every element has both members.
/// - `null` keeps its slot as an empty value (for that alignment); empty arrays and
///   objects add nothing.
/// - Numbers are their text as written (`175000.0` stays `175000.0`); booleans are
///   `true` / `false`; strings are unescaped.
/// - A `/` in a member name is written `~1` and a `~` is written `~0`, as in JSON Pointer,
///   so `{"a/b":1}` gives `a~1b`.
/// - Name lookups ignore case and white space runs (``FieldNames``).
///
/// Members outside the items can be read as page metadata: give their pointers
/// (`/meta/page/last`, `/count`, `/next`) and read ``metadata`` after the last item (a
/// member after the items array is only known then). Parts of the document that lead to
/// neither the items nor a metadata pointer are skipped without keeping their text.
///
/// An item over a size limit, or with text that is not UTF-8, becomes a
/// ``SourceEvent/rejected(_:)`` and reading goes on; a document that is not well-formed,
/// or has no array at the pointer, throws ``JSONReadError``.
public struct JSONRecordReader: Sendable {
    private enum Phase: Sendable {
        case navigating, items, finished
    }

    private struct Frame: Sendable {
        var isArray: Bool
        var index = 0
        var hasSegment: Bool
    }

    var reader: JSONReader
    var builder: RecordBuilder
    let options: JSONRecordOptions
    /// Open containers outside the items, and the path segments that lead into them.
    private var frames: [Frame] = []
    private var path: [String] = []
    private var pendingKey = ""
    private var phase = Phase.navigating
    private var topLevelKeys: [String] = []
    private var topLevelIsArray = false
    var nextRecord: Int

    /// Where the items are.
    public let items: JSONPointer
    /// The metadata pointers asked for.
    public let metadataPointers: [JSONPointer]
    /// The source's name from the configuration, for record locations.
    public let source: String
    /// The file, URL or page, for record locations and errors.
    public let file: String
    /// The scalar values found at ``metadataPointers`` so far, as text (`null` is left
    /// out); complete once ``next()`` has returned `nil`.
    public private(set) var metadata: [JSONPointer: String] = [:]
    /// Whether the items pointer was found (an array, or `null` for no items).
    public private(set) var foundItems = false
    /// How many items have been read, rejected ones included.
    public internal(set) var itemCount = 0

    /// Creates a record reader over a document.
    /// - Parameters:
    ///   - stream: the document's bytes.
    ///   - items: where the array of items is.
    ///   - metadata: pointers to scalar values to collect from outside the items.
    ///   - source: the source's name, for record locations.
    ///   - file: the file, URL or page, for record locations and errors.
    ///   - firstRecord: the ordinal of the first item (pages after the first go on counting).
    ///   - options: size limits and the invalid-text policy.
    ///   - chunkSize: how many bytes to read at once.
    public init(
        stream: any ByteStream, items: JSONPointer, metadata: [JSONPointer] = [], source: String, file: String,
        firstRecord: Int = 1, options: JSONRecordOptions = JSONRecordOptions(), chunkSize: Int = 1 << 16
    ) {
        self.reader = JSONReader(stream: stream, file: file, options: options.readerOptions, chunkSize: chunkSize)
        self.builder = RecordBuilder(maxBytes: options.maxRecordBytes, maxFields: options.maxFieldsPerRecord)
        self.options = options
        self.items = items
        self.metadataPointers = metadata
        self.source = source
        self.file = file
        self.nextRecord = firstRecord
    }

    /// Reads the next item.
    /// - Returns: the item as a record or a rejection, or `nil` after the document's end.
    /// - Throws: ``JSONReadError`` when the document is not well-formed, breaks the depth
    ///   or string limit, or has no array at ``items``; whatever the stream throws.
    public mutating func next() throws -> SourceEvent? {
        while true {
            switch phase {
            case .finished:
                return nil
            case .items:
                guard let token = try reader.next() else { return nil }
                if token == .endArray {
                    phase = .navigating
                    valueDone()
                    continue
                }
                return try readItem(startingWith: token)
            case .navigating:
                guard let token = try reader.next() else {
                    phase = .finished
                    guard foundItems else { throw missingItems() }
                    return nil
                }
                try navigate(token)
            }
        }
    }

    /// Handles one token outside the items: follows containers that lead to a pointer,
    /// keeps metadata, skips the rest.
    private mutating func navigate(_ token: JSONToken) throws {
        switch token {
        case .key:
            pendingKey = reader.textString
            if frames.count == 1, topLevelKeys.count < 20 { topLevelKeys.append(pendingKey) }
            return
        case .endObject, .endArray:
            if frames.popLast()?.hasSegment == true { path.removeLast() }
            valueDone()
            return
        default:
            break
        }
        let segment: String? = frames.last.map { $0.isArray ? String($0.index) : pendingKey }
        if frames.isEmpty { topLevelIsArray = token == .beginArray }
        var valuePath = path
        if let segment { valuePath.append(segment) }
        if valuePath == items.tokens {
            try enterItems(token)
            return
        }
        if token.isScalar {
            if token != .null, let pointer = metadataPointers.first(where: { $0.tokens == valuePath }) {
                metadata[pointer] = token == .true ? "true" : token == .false ? "false" : reader.textString
            }
            valueDone()
            return
        }
        if leadsToPointer(valuePath) {
            frames.append(Frame(isArray: token == .beginArray, hasSegment: segment != nil))
            if let segment { path.append(segment) }
        } else {
            try reader.skipContainer()
            valueDone()
        }
    }

    private mutating func enterItems(_ token: JSONToken) throws {
        switch token {
        case .beginArray:
            foundItems = true
            phase = .items
        case .null:
            foundItems = true
            valueDone()
        default:
            throw reader.failure(
                .shape, "expected an array of items at \(Self.show(items)), found \(Self.kind(of: token))", at: reader.tokenOffset)
        }
    }

    /// Counts a finished value in its enclosing array, so the next one has the next index.
    private mutating func valueDone() {
        if let last = frames.indices.last, frames[last].isArray { frames[last].index += 1 }
    }

    private func leadsToPointer(_ candidate: [String]) -> Bool {
        if items.tokens.starts(with: candidate) { return true }
        return metadataPointers.contains { $0.tokens.count > candidate.count && $0.tokens.starts(with: candidate) }
    }

    private func missingItems() -> JSONReadError {
        var reason = "there is no array of items at \(Self.show(items))"
        if topLevelIsArray {
            reason += "; the document is an array: use the items pointer \"\" (empty) for a top-level array"
        } else if !topLevelKeys.isEmpty {
            reason += "; the document's top-level members are: " + topLevelKeys.joined(separator: ", ")
        }
        return reader.failure(.shape, reason)
    }

    static func show(_ pointer: JSONPointer) -> String {
        pointer.tokens.isEmpty ? "the top level (pointer \"\")" : pointer.description
    }

    static func kind(of token: JSONToken) -> String {
        switch token {
        case .beginObject: "an object"
        case .string: "a string"
        case .number: "a number"
        case .true, .false: "a boolean"
        default: "something else"
        }
    }
}
