/// Where a record came from, precise enough for a shop owner to find it.
public struct RecordLocation: Sendable, Hashable, CustomStringConvertible {
    /// The source's name from the configuration.
    public var source: String
    /// The file or URL the record was read from.
    public var file: String
    /// The physical line the record starts on (1-based), or 0 when lines do not apply.
    public var line: Int
    /// The record's ordinal in the source (1-based, header not counted).
    public var record: Int

    /// Creates a location.
    public init(source: String, file: String, line: Int, record: Int) {
        self.source = source
        self.file = file
        self.line = line
        self.record = record
    }

    /// `file:line (record N)`, the way editors and `grep -n` point at places.
    public var description: String {
        line > 0 ? "\(file):\(line) (record \(record))" : "\(file) (record \(record))"
    }
}
