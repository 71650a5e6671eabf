/// One well-formed CSV record as raw bytes: the unquoted field values one after the other,
/// and where each ends.
///
/// This is exactly the shape ``SourceRecord/init(location:names:storage:ends:)`` takes, so
/// a row becomes a record without copying or decoding a single field.
public struct CSVRow: Sendable, Hashable {
    /// The physical line (1-based) the record starts on, counting every line break in the
    /// file, including those inside quoted fields and in skipped blank lines.
    public var line: Int
    /// The field values' bytes, unquoted and unescaped, one after the other.
    public var storage: [UInt8]
    /// For each field, the offset in ``storage`` where it ends.
    public var ends: [Int]

    /// Creates a row.
    /// - Parameters:
    ///   - line: the physical line the record starts on.
    ///   - storage: the field values' bytes, one after the other.
    ///   - ends: for each field, the offset in `storage` where it ends.
    public init(line: Int, storage: [UInt8], ends: [Int]) {
        self.line = line
        self.storage = storage
        self.ends = ends
    }

    /// How many fields the row has (at least 1).
    public var count: Int { ends.count }

    /// Whether the field at `position` is empty.
    /// - Parameter position: a field index below ``count``.
    /// - Returns: `true` when the field has no bytes.
    public func isEmpty(at position: Int) -> Bool {
        ends[position] == (position == 0 ? 0 : ends[position - 1])
    }

    /// The field at `position`, decoded from UTF-8 (invalid bytes become U+FFFD).
    /// - Parameter position: a field index below ``count``.
    /// - Returns: the field's text.
    public func value(at position: Int) -> String {
        let start = position == 0 ? 0 : ends[position - 1]
        return storage.withUnsafeBufferPointer {
            String(decoding: UnsafeBufferPointer(rebasing: $0[start..<ends[position]]), as: UTF8.self)
        }
    }

    /// Every field, decoded; for tests and headers, not for the per-row hot path.
    public var values: [String] {
        (0..<count).map(value(at:))
    }
}
