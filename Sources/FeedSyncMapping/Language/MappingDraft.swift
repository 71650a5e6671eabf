import FeedSyncConfig
import FeedSyncSources
import Foundation

/// One mapping file as written: every key optional and `extends` not yet followed.
///
/// A mapping that extends another is merged over it (``merged(over:)``) and only the
/// result is checked as a whole (``Mapping/init(draft:)``), so an override file may hold a
/// single field.
struct MappingDraft {
    /// The document, for errors about the file as a whole.
    var root: YAMLValue
    /// `extends:` — the preset name or file this mapping builds on.
    var extends: YAMLValue?
    var format: String?
    var csvDelimiter: CSVDialect.Delimiter?
    var filter: RecordFilter?
    /// Aliases by normalized field name; merged with the base's, not replaced.
    var aliases: [String: [String]] = [:]
    /// Field specifications; `nil` removes a field the base maps (`sale_price: ~`).
    var fields: [ProductField: FieldSpec?] = [:]
    /// `fields:` in the file that last set fields, for "required field" errors.
    var fieldsValue: YAMLValue?
    var timeZone: TimeZone?
    /// `group_by:` as this file writes it; each key overrides the base's.
    var grouping: GroupingDraft?
    /// Whether this file removes the base's grouping (`group_by: ~`).
    var removesGrouping = false
    /// `encoding:`, `xml:` and `json:` as this file writes them; each overrides the base's.
    var encoding: TextEncoding?
    var xml: XMLDialect?
    var json: JSONPagesOptions?

    /// The keys a mapping file may have at its top.
    static let topKeys: Set<String> = [
        "name", "description", "extends", "format", "csv", "aliases", "filter", "fields", "timezone", "group_by",
        "encoding", "xml", "json",
    ]

    /// Reads a mapping document without following `extends`.
    /// - Throws: ``ConfigError`` naming file and line for an unknown key, transform or option.
    init(root: YAMLValue) throws {
        self.root = root
        let top = try root.mapping(allowed: Self.topKeys)
        extends = top["extends"]
        format = try top["format"]?.rawString()
        if let csv = try top["csv"]?.mapping(allowed: ["delimiter"]), let value = csv["delimiter"] {
            csvDelimiter = try Self.delimiter(value)
        }
        filter = try top["filter"].map(Self.filter)
        if let aliasValue = top["aliases"] {
            for (name, others) in try aliasValue.freeMapping().entries {
                aliases[FieldNames.normalize(name), default: []] += try others.sequenceOrSingle().map { try $0.rawString() }
            }
        }
        if extends == nil { _ = try top.require("fields") }
        if let fieldsValue = top["fields"] {
            self.fieldsValue = fieldsValue
            for (key, value) in try fieldsValue.mapping(allowed: Set(ProductField.allCases.map(\.rawValue))).entries {
                guard let field = ProductField(rawValue: key) else { continue }
                fields[field] = value.isNull ? .some(nil) : try Self.fieldSpec(field, value)
            }
        }
        timeZone = try top["timezone"].map(Self.timeZone)
        (encoding, xml, json) = try SourceSettings.parse(top)
        if let entry = top.entries.first(where: { $0.key == "group_by" }) {
            if entry.value.isNull {
                removesGrouping = true
            } else {
                grouping = try GroupingDraft(entry.value)
            }
        }
    }

    /// This mapping's settings over `base`'s: what this file says wins, field by field;
    /// aliases are added to the base's.
    func merged(over base: MappingDraft) -> MappingDraft {
        var result = base
        result.root = root
        result.extends = nil
        result.format = format ?? base.format
        result.csvDelimiter = csvDelimiter ?? base.csvDelimiter
        result.filter = filter ?? base.filter
        for (name, others) in aliases { result.aliases[name, default: []] += others }
        for (field, spec) in fields { result.fields[field] = spec }
        result.fieldsValue = fieldsValue ?? base.fieldsValue
        result.timeZone = timeZone ?? base.timeZone
        result.encoding = encoding ?? base.encoding
        result.xml = xml ?? base.xml
        result.json = json ?? base.json
        if removesGrouping {
            result.grouping = nil
        } else if let grouping {
            result.grouping = base.grouping.map { grouping.merged(over: $0) } ?? grouping
        }
        result.removesGrouping = false
        return result
    }
}
