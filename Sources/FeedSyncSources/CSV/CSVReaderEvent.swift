/// What ``CSVReader/next()`` found: a record, or a record it had to give up on.
public enum CSVReaderEvent: Sendable, Hashable {
    /// A well-formed record.
    case row(CSVRow)
    /// A record that breaks the format (an unterminated quote, text after a closing quote,
    /// more bytes than the maximum record size).
    case malformed(MalformedCSVRow)

    /// The physical line the record starts on.
    public var line: Int {
        switch self {
        case .row(let row): row.line
        case .malformed(let malformed): malformed.line
        }
    }

    /// The row, when this event is one.
    public var row: CSVRow? {
        if case .row(let row) = self { row } else { nil }
    }

    /// The malformed-row report, when this event is one.
    public var malformed: MalformedCSVRow? {
        if case .malformed(let malformed) = self { malformed } else { nil }
    }
}
