/// Limits and policies for turning JSON items into records (``JSONRecordReader``).
public struct JSONRecordOptions: Sendable, Hashable {
    /// What to do with an item whose text is not valid UTF-8 (or has a lone surrogate).
    public enum InvalidText: Sendable, Hashable {
        /// Reject the item, with its place and a hint to name the feed's encoding; the
        /// read goes on with the next item.
        case rejectRecord
        /// Keep the item with U+FFFD where the bad bytes were.
        case replace
    }

    /// The deepest nesting of objects and arrays accepted in the document; 64 by default.
    public var maxDepth: Int
    /// The longest single string accepted, in bytes; 16 MiB by default. A longer one stops
    /// the read (it is a defence against garbage, not a property of one item).
    public var maxStringBytes: Int
    /// The most bytes of values one item may hold; 64 MiB by default. A larger item is
    /// rejected and skipped, and the read goes on.
    public var maxRecordBytes: Int
    /// The most values one item may hold; 100,000 by default. A larger item is rejected.
    public var maxFieldsPerRecord: Int
    /// What to do with invalid text; ``InvalidText/rejectRecord`` by default.
    public var invalidText: InvalidText

    /// Creates options.
    /// - Parameters:
    ///   - maxDepth: the deepest nesting accepted.
    ///   - maxStringBytes: the longest string accepted, in bytes.
    ///   - maxRecordBytes: the most value bytes per item.
    ///   - maxFieldsPerRecord: the most values per item.
    ///   - invalidText: what to do with items whose text is not UTF-8.
    public init(
        maxDepth: Int = 64, maxStringBytes: Int = 16 << 20, maxRecordBytes: Int = 64 << 20,
        maxFieldsPerRecord: Int = 100_000, invalidText: InvalidText = .rejectRecord
    ) {
        self.maxDepth = maxDepth
        self.maxStringBytes = maxStringBytes
        self.maxRecordBytes = max(1, maxRecordBytes)
        self.maxFieldsPerRecord = max(1, maxFieldsPerRecord)
        self.invalidText = invalidText
    }

    /// The reader options these imply: bad text is replaced so that one item, not the
    /// whole document, pays for it.
    var readerOptions: JSONReaderOptions {
        JSONReaderOptions(maxDepth: maxDepth, maxStringBytes: maxStringBytes, invalidText: .replace)
    }
}
