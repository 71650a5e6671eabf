/// How a CSV file is written: its delimiter, whether it starts with a header, and how large
/// one record may grow.
///
/// The defaults suit shop exports: delimiter detected from the first line, a header row,
/// records of at most 16 MiB.
public struct CSVDialect: Sendable, Hashable {
    /// The largest record accepted by default: 16 MiB, far above any real product row
    /// (a long HTML description is tens of kilobytes) yet small enough that a runaway
    /// quoted field cannot exhaust memory.
    public static let defaultMaxRecordSize = 16 << 20

    /// The field separator, or ``Delimiter/auto`` to detect it from the first line.
    public var delimiter: Delimiter
    /// Whether the first record names the columns.
    ///
    /// Without a header, columns are named by their 1-based position: `1`, `2`, `3`, ...
    /// Numbers rather than spreadsheet letters because they read the same in every
    /// language and need no conversion past column `Z`.
    public var hasHeader: Bool
    /// The most bytes one record may span in the file, line endings inside quoted fields
    /// included; a larger record is rejected with a reason and reading goes on.
    public var maxRecordSize: Int

    /// Creates a dialect.
    /// - Parameters:
    ///   - delimiter: the field separator, or ``Delimiter/auto`` (the default).
    ///   - hasHeader: whether the first record names the columns (the default).
    ///   - maxRecordSize: the most bytes one record may span; at least 1.
    public init(
        delimiter: Delimiter = .auto,
        hasHeader: Bool = true,
        maxRecordSize: Int = CSVDialect.defaultMaxRecordSize
    ) {
        self.delimiter = delimiter
        self.hasHeader = hasHeader
        self.maxRecordSize = max(1, maxRecordSize)
    }
}
