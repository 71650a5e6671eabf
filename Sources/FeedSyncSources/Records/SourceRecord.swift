import FeedSyncCore

/// One record of a source: an ordered list of named text values.
///
/// Values are stored as one UTF-8 byte buffer with end offsets and decoded to `String`
/// only when the mapping asks for them, because most columns of a shop export (50+ in
/// WooCommerce's) are never used.
public struct SourceRecord: Sendable {
    /// Where the record is.
    public let location: RecordLocation
    /// The names of the values, position by position.
    public let names: FieldNames
    private let storage: [UInt8]
    private let ends: [Int]

    /// Creates a record from concatenated UTF-8 values and the end offset of each.
    /// - Parameters:
    ///   - location: where the record is.
    ///   - names: one name per value (extra values past the names are unnamed).
    ///   - storage: the values' bytes, one after the other.
    ///   - ends: for each value, the offset in `storage` where it ends.
    public init(location: RecordLocation, names: FieldNames, storage: [UInt8], ends: [Int]) {
        self.location = location
        self.names = names
        self.storage = storage
        self.ends = ends
    }

    /// Creates a record from name/value pairs (tests, small sources).
    public init(location: RecordLocation, pairs: [(String, String)]) {
        var storage: [UInt8] = []
        var ends: [Int] = []
        for (_, value) in pairs {
            storage.append(contentsOf: value.utf8)
            ends.append(storage.count)
        }
        self.init(location: location, names: FieldNames(pairs.map(\.0)), storage: storage, ends: ends)
    }

    /// How many values the record has.
    public var count: Int { ends.count }

    /// The value at `position`, decoded from UTF-8 (invalid bytes become U+FFFD).
    public func value(at position: Int) -> String {
        let start = position == 0 ? 0 : ends[position - 1]
        return storage.withUnsafeBufferPointer {
            String(decoding: UnsafeBufferPointer(rebasing: $0[start..<ends[position]]), as: UTF8.self)
        }
    }

    /// The value at `position` as its UTF-8 bytes, undecoded (invalid bytes as they are).
    ///
    /// For comparisons that need no `String`, such as a mapping's filter testing a column
    /// for `draft` on every record: decoding allocates and checks the encoding.
    public func utf8(at position: Int) -> ArraySlice<UInt8> {
        storage[(position == 0 ? 0 : ends[position - 1])..<ends[position]]
    }

    /// Whether the value at `position` is empty.
    public func isEmpty(at position: Int) -> Bool {
        ends[position] == (position == 0 ? 0 : ends[position - 1])
    }

    /// Every value of the fields called `name`, in order (repeated XML elements, duplicate
    /// CSV headers).
    public func values(named name: String) -> [String] {
        names.positions(of: name).filter { $0 < count }.map { value(at: $0) }
    }

    /// The first non-empty value of the fields called `name`, or `nil`.
    public func firstValue(named name: String) -> String? {
        for position in names.positions(of: name) where position < count && !isEmpty(at: position) {
            return value(at: position)
        }
        return nil
    }
}
