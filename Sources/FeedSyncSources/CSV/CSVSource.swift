import FeedSyncCore

/// Reads a CSV file as a sequence of named records, one pull at a time.
///
/// The header row (or, without one, the column positions `1`, `2`, ...) names the fields.
/// Each following row becomes a ``SourceEvent/record(_:)``, or a
/// ``SourceEvent/rejected(_:)`` with the row's line and the reason when it cannot be used:
/// - a row with fewer fields than the header is rejected (`row has 3 fields, header has 5`);
///   a header that itself ends in empty names (`a;b;`) only asks for its named columns;
/// - a row with more fields is accepted when the extra fields are all empty (a trailing
///   delimiter, as PrestaShop and Shopware write), and rejected otherwise;
/// - rows the reader finds malformed (unterminated quote, oversized) are rejected too.
///
/// Every accepted record has at least one value per name. An empty or header-only file
/// yields no events. Blank lines are not records and do not count as records, but they do
/// count as lines.
public struct CSVSource: Sendable {
    private var reader: CSVReader
    /// The source's name from the configuration, used in record locations.
    public let source: String
    /// The file's name or path, as it should appear in messages.
    public let file: String
    /// The names of the fields: the header's, or `1`, `2`, ... without a header. Empty for
    /// an empty file.
    public let names: FieldNames
    /// The field separator in use; never ``CSVDialect/Delimiter/auto``.
    public let delimiter: CSVDialect.Delimiter
    /// How many fields the header row has, trailing empty names included.
    private let headerWidth: Int
    /// Records read so far, rejected ones included, for `RecordLocation.record`.
    private var recordCount = 0
    /// Events read while looking for the first row of a file without a header, last
    /// first so that taking one is O(1).
    private var pending: [CSVReaderEvent] = []

    /// Opens a CSV source over `stream` and reads its header.
    /// - Parameters:
    ///   - stream: the bytes of the file.
    ///   - source: the source's name from the configuration.
    ///   - file: the file's name or path, for record locations and messages.
    ///   - dialect: delimiter, header and record size settings.
    ///   - chunkSize: how many bytes to read at once.
    /// - Throws: ``CSVFormatError`` when the file is clearly not CSV (binary, compressed,
    ///   XML, JSON) or its header row cannot be read; whatever `stream` throws on a read
    ///   failure.
    public init(
        stream: any ByteStream, source: String, file: String,
        dialect: CSVDialect = CSVDialect(), chunkSize: Int = 1 << 20
    ) throws {
        var reader = CSVReader(stream: stream, dialect: dialect, chunkSize: chunkSize)
        if let problem = ContentSniffer.problem(in: try reader.peek(upTo: ContentSniffer.sampleSize)) {
            throw CSVFormatError(file: file, line: 0, reason: problem)
        }
        var names: [String] = []
        var headerWidth = 0
        if dialect.hasHeader {
            switch try reader.next() {
            case nil:
                break
            case .malformed(let malformed)?:
                throw CSVFormatError(
                    file: file, line: malformed.line, reason: "the header row cannot be read: \(malformed.reason)")
            case .row(let header)?:
                if header.storage.contains(0) {
                    throw CSVFormatError(
                        file: file, line: header.line,
                        reason: "the header row contains NUL bytes; this is not a CSV text file")
                }
                headerWidth = header.count
                names = header.values
                // `a;b;` names two columns, not three: the last name is a trailing delimiter.
                while names.last?.isEmpty == true { names.removeLast() }
                if names.isEmpty {
                    throw CSVFormatError(
                        file: file, line: header.line,
                        reason: "the header row names no columns; if the file has no header row, configure it so")
                }
            }
        } else {
            while let event = try reader.next() {
                pending.append(event)
                if case .row(let first) = event {
                    headerWidth = first.count
                    names = (1...first.count).map(String.init)
                    break
                }
            }
            pending.reverse()
        }
        self.reader = reader
        self.source = source
        self.file = file
        self.names = FieldNames(names)
        self.headerWidth = headerWidth
        // `reader.delimiter` is resolved by now: `peek` settles an automatic delimiter.
        self.delimiter = reader.delimiter
    }

    /// Reads the next record.
    /// - Returns: the next record or rejection, or `nil` at the end of the file.
    /// - Throws: whatever the stream throws when the file cannot be read further.
    public mutating func next() throws -> SourceEvent? {
        let event: CSVReaderEvent
        if let waiting = pending.popLast() {
            event = waiting
        } else if let read = try reader.next() {
            event = read
        } else {
            return nil
        }
        recordCount += 1
        let location = RecordLocation(source: source, file: file, line: event.line, record: recordCount)
        switch event {
        case .malformed(let malformed):
            return .rejected(Rejection(location: location, reason: malformed.reason))
        case .row(let row):
            return check(row, at: location)
        }
    }

    /// Applies the field-count rules to a well-formed row.
    private func check(_ row: CSVRow, at location: RecordLocation) -> SourceEvent {
        let named = names.names.count
        var ends = row.ends
        if ends.count < named || ends.count > headerWidth && !(headerWidth..<ends.count).allSatisfy(row.isEmpty(at:)) {
            return .rejected(Rejection(
                location: location,
                reason: "row has \(Self.fields(ends.count)), header has \(headerWidth)"))
        }
        // Drop empty fields past the named ones (trailing delimiters): nothing can address
        // them, and downstream code can then count on one value per name.
        while ends.count > named, row.isEmpty(at: ends.count - 1) {
            ends.removeLast()
        }
        return .record(SourceRecord(location: location, names: names, storage: row.storage, ends: ends))
    }

    /// `1 field`, `3 fields`.
    private static func fields(_ count: Int) -> String {
        count == 1 ? "1 field" : "\(count) fields"
    }
}

extension CSVSource {
    /// Opens the CSV file at `path` and reads its header.
    /// - Parameters:
    ///   - path: the file to read; it also names the file in record locations.
    ///   - source: the source's name from the configuration.
    ///   - dialect: delimiter, header and record size settings.
    /// - Throws: ``ByteStreamError`` when the file cannot be opened or read;
    ///   ``CSVFormatError`` when it is clearly not CSV or its header cannot be read.
    public init(path: String, source: String, dialect: CSVDialect = CSVDialect()) throws {
        try self.init(stream: FileByteStream(path: path), source: source, file: path, dialect: dialect)
    }
}
