/// A source of records of any format, pulled one at a time.
///
/// CSV, XML and JSON-pages sources conform, so the engine reads them all the same way.
public protocol RecordSource {
    /// The field names every record shares (a CSV header), checked against the mapping
    /// before reading; `nil` when records differ in shape (XML, JSON).
    var sharedFieldNames: FieldNames? { get }

    /// The next record or rejection, or `nil` at the end of the source.
    /// - Throws: a `UserFacingError` when the source cannot be read on; a source that
    ///   throws must not be taken as complete.
    mutating func next() async throws -> SourceEvent?
}

extension CSVSource: RecordSource {
    public var sharedFieldNames: FieldNames? { names }
}
