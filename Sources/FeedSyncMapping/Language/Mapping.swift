import FeedSyncSources
import Foundation

/// A checked mapping: how one kind of source record becomes a Product.
public struct Mapping: Sendable {
    /// Where the mapping came from (a file path or `preset NAME`), for errors.
    public var file: String
    /// The source format the mapping is written for, when it says.
    public var format: String?
    /// The CSV delimiter; `.auto` detects it from the header line.
    public var csvDelimiter: CSVDialect.Delimiter
    /// Which records are dropped before mapping.
    public var filter: RecordFilter
    /// How each field is filled, by field.
    public var fields: [ProductField: FieldSpec]
    /// How the source is read: encoding, XML records, JSON paging.
    public var sourceSettings = SourceSettings()
    /// Other names of source fields (translated or older exports), by normalized name:
    /// wherever the mapping names a field, its aliases are tried when it is absent.
    public var aliases: [String: [String]]
    /// The zone of times written without an offset (`timezone:`); `nil` reads them as UTC.
    public var timeZone: TimeZone?
    /// How records of one product are grouped (`group_by:`); `nil` maps each record alone.
    public var grouping: Grouping?

    /// Creates a mapping.
    public init(
        file: String, format: String? = nil, csvDelimiter: CSVDialect.Delimiter = .auto, filter: RecordFilter = RecordFilter(),
        fields: [ProductField: FieldSpec], aliases: [String: [String]] = [:], timeZone: TimeZone? = nil,
        grouping: Grouping? = nil
    ) {
        self.file = file
        self.format = format
        self.csvDelimiter = csvDelimiter
        self.filter = filter
        self.fields = fields
        self.aliases = aliases
        self.timeZone = timeZone
        self.grouping = grouping
    }

    /// The names to look for when the mapping names `field`: itself, then its aliases.
    public func names(for field: String) -> [String] {
        [field] + (aliases[FieldNames.normalize(field)] ?? [])
    }
}
