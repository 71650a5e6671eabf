import FeedSyncConfig
import FeedSyncSources
import Foundation

extension Mapping {
    /// Reads and checks a mapping file.
    /// - Parameter url: the mapping file.
    /// - Returns: the checked mapping.
    /// - Throws: ``ConfigError`` with file and line for bad YAML, an unknown key or transform,
    ///   or a required field without a mapping.
    public static func load(contentsOf url: URL) throws -> Mapping {
        try Mapping(root: YAMLValue.load(contentsOf: url, displayName: url.path))
    }

    /// Checks a parsed mapping document.
    /// - Parameter root: the document.
    /// - Throws: ``ConfigError`` at the first problem.
    public init(root: YAMLValue) throws {
        let top = try root.mapping(allowed: ["name", "description", "format", "csv", "aliases", "filter", "fields", "timezone"])
        let format = try top["format"]?.rawString()
        var delimiter = CSVDialect.Delimiter.auto
        if let csv = try top["csv"]?.mapping(allowed: ["delimiter"]), let value = csv["delimiter"] {
            delimiter = try Self.delimiter(value)
        }
        let filter = try top["filter"].map(Self.filter) ?? RecordFilter()
        var aliases: [String: [String]] = [:]
        if let aliasValue = top["aliases"] {
            for (name, others) in try aliasValue.freeMapping().entries {
                aliases[FieldNames.normalize(name), default: []] += try others.sequenceOrSingle().map { try $0.rawString() }
            }
        }
        let fieldsValue = try top.require("fields")
        let fieldsMap = try fieldsValue.mapping(allowed: Set(ProductField.allCases.map(\.rawValue)))
        var fields: [ProductField: FieldSpec] = [:]
        for (key, value) in fieldsMap.entries {
            guard let field = ProductField(rawValue: key) else { continue }
            fields[field] = try Self.fieldSpec(field, value)
        }
        for field in ProductField.required where fields[field] == nil {
            throw fieldsValue.error("no mapping for the required field '\(field.rawValue)' (every product needs pid, name, url and price)")
        }
        self.init(
            file: root.file, format: format, csvDelimiter: delimiter, filter: filter, fields: fields, aliases: aliases,
            timeZone: try top["timezone"].map(Self.timeZone))
    }

    private static func delimiter(_ value: YAMLValue) throws -> CSVDialect.Delimiter {
        guard let delimiter = CSVDialect.Delimiter(try value.rawString()) else {
            throw value.error("expected auto, \",\", \";\", \"\\t\" or \"|\"")
        }
        return delimiter
    }

    private static func filter(_ value: YAMLValue) throws -> RecordFilter {
        let map = try value.mapping(allowed: ["drop", "keep"])
        return RecordFilter(
            drop: try map["drop"]?.sequence().map(condition) ?? [],
            keep: try map["keep"]?.sequence().map(condition) ?? []
        )
    }

    private static func condition(_ value: YAMLValue) throws -> FilterCondition {
        let map = try value.mapping(allowed: ["field", "in", "equals", "empty"])
        let field = try map.require("field").rawString()
        if let list = map["in"] {
            return FilterCondition(field: field, test: .oneOf(try list.sequenceOrSingle().map { try $0.rawString() }))
        }
        if let equals = map["equals"] {
            return FilterCondition(field: field, test: .oneOf([try equals.rawString()]))
        }
        if let empty = map["empty"] {
            return FilterCondition(field: field, test: .empty(try empty.bool()))
        }
        throw value.error("a condition needs one of in, equals or empty")
    }

    private static func fieldSpec(_ field: ProductField, _ value: YAMLValue) throws -> FieldSpec {
        guard value.isMapping else {
            return FieldSpec(field: field, alternatives: [.field(try value.rawString())], line: value.line)
        }
        let map = try value.mapping(allowed: ["from", "template", "value", "default", "transforms"])
        var alternatives: [FieldSpec.Alternative] = []
        for item in map["from"]?.sequenceOrSingle() ?? [] {
            alternatives.append(.field(try item.rawString()))
        }
        for item in map["template"]?.sequenceOrSingle() ?? [] {
            let text = try item.rawString()
            do {
                alternatives.append(.template(try Template(parsing: text)))
            } catch {
                throw item.error((error as? TemplateSyntaxError)?.message ?? "\(error)")
            }
        }
        if let constant = map["value"] { alternatives.append(.constant(try constant.rawString())) }
        let defaultValue = try map["default"]?.rawString()
        guard !alternatives.isEmpty || defaultValue != nil else {
            throw value.error("say where the value comes from: from, template, value or default")
        }
        var steps: [TransformStep] = []
        var kind = MappedValue.Kind.text
        for item in try map["transforms"]?.sequence() ?? [] {
            let step = try transformStep(item)
            guard let next = step.output(for: kind) else {
                throw item.error("this transform does not accept a \(kind.rawValue) value (the steps before it produce one)")
            }
            steps.append(step)
            kind = next
        }
        guard Coercion.isPossible(from: kind, to: field.valueKind) else {
            throw value.error("the transforms end with a \(kind.rawValue) value, but \(field.rawValue) needs a \(field.valueKind.rawValue)")
        }
        return FieldSpec(field: field, alternatives: alternatives, transforms: steps, defaultValue: defaultValue, line: value.line)
    }

    private static func transformStep(_ value: YAMLValue) throws -> TransformStep {
        let name: String
        var options: YAMLValue?
        if value.isMapping {
            let map = try value.mapping(allowed: Set(TransformStep.names))
            guard map.entries.count == 1, let entry = map.entries.first else {
                throw value.error("write one transform per list item")
            }
            name = entry.key
            options = entry.value
        } else {
            name = try value.rawString()
        }
        switch name {
        case "trim": return .trim
        case "collapse_whitespace": return .collapseWhitespace
        case "lowercase": return .lowercase
        case "strip_html": return .stripHTML
        case "decode_entities": return .decodeEntities
        case "nfc": return .nfc
        case "persian": return .persian
        case "id": return .id
        case "availability": return .availability
        case "first": return .first
        case "last": return .last
        case "truncate": return try truncateStep(options, at: value)
        case "date": return .date(try options.map(dateOptions) ?? DateOptions())
        case "absolute_url": return .absoluteURL(try options.map(urlOptions) ?? URLOptions())
        case "price": return .price(try options.map(priceOptions) ?? PriceOptions())
        case "split":
            guard let options else { return .split(separator: ",", limit: nil) }
            if !options.isMapping { return .split(separator: try options.rawString(), limit: nil) }
            let map = try options.mapping(allowed: ["separator", "limit"])
            return .split(
                separator: try map["separator"]?.rawString() ?? ",",
                limit: try map["limit"]?.int(in: 1...10_000, environment: [:]))
        case "categories":
            guard let options else { return .categories(CategoryOptions()) }
            let map = try options.mapping(allowed: ["paths", "levels", "url", "skip_levels"])
            return .categories(CategoryOptions(
                pathSeparator: try map["paths"]?.rawString() ?? ",",
                levelSeparator: try map["levels"]?.rawString() ?? ">",
                url: try map["url"]?.rawString(),
                skipLeadingLevels: try map["skip_levels"]?.int(in: 0...10, environment: [:]) ?? 0))
        default:
            throw value.error("unknown transform '\(name)' (transforms: \(TransformStep.names.joined(separator: ", ")))")
        }
    }

    private static func truncateStep(_ options: YAMLValue?, at value: YAMLValue) throws -> TransformStep {
        guard let options else { throw value.error("truncate needs a length: truncate: 150") }
        if !options.isMapping { return .truncate(limit: try options.int(in: 1...1_000_000, environment: [:]), ellipsis: "…") }
        let map = try options.mapping(allowed: ["max", "ellipsis"])
        return .truncate(
            limit: try map.require("max").int(in: 1...1_000_000, environment: [:]),
            ellipsis: try map["ellipsis"]?.rawString() ?? "…")
    }

    private static func dateOptions(_ value: YAMLValue) throws -> DateOptions {
        guard value.isMapping else { return DateOptions(formats: [try dateFormat(value)]) }
        let map = try value.mapping(allowed: ["format", "formats", "timezone"])
        var formats: [DateReader.Format] = []
        for item in (map["format"].map { [$0] } ?? []) + (try map["formats"]?.sequenceOrSingle() ?? []) {
            formats.append(try dateFormat(item))
        }
        return DateOptions(formats: formats.isEmpty ? [.automatic] : formats, timeZone: try map["timezone"].map(timeZone))
    }

    private static func dateFormat(_ value: YAMLValue) throws -> DateReader.Format {
        do {
            return try DateReader.Format(name: try value.rawString())
        } catch let error as DatePatternError {
            throw value.error(error.message)
        }
    }

    static func timeZone(_ value: YAMLValue) throws -> TimeZone {
        let name = try value.rawString()
        guard let zone = TimeZone(identifier: name) else {
            throw value.error("unknown time zone '\(name)' (use an IANA name such as Asia/Tehran, Asia/Ho_Chi_Minh or UTC)")
        }
        return zone
    }

    private static func urlOptions(_ value: YAMLValue) throws -> URLOptions {
        let map = try value.mapping(allowed: ["base", "folder"])
        let options = URLOptions(base: try map["base"]?.rawString(), folder: try map["folder"]?.rawString())
        if options.base != nil, options.folder != nil { throw value.error("give base or folder, not both") }
        return options
    }

    private static func priceOptions(_ value: YAMLValue) throws -> PriceOptions {
        let map = try value.mapping(allowed: ["locale", "from", "to"])
        var options = PriceOptions()
        if let locale = map["locale"] {
            guard let parsed = NumberLocale(name: try locale.rawString()) else {
                throw locale.error("expected auto, dot (1,234.56) or comma (1.234,56)")
            }
            options.locale = parsed
        }
        var units: [CurrencyUnit] = []
        for key in ["from", "to"] {
            guard let unitValue = map[key] else { continue }
            guard let unit = CurrencyUnit(code: try unitValue.rawString()) else {
                throw unitValue.error("expected IRR (Rial) or IRT (Toman)")
            }
            units.append(unit)
        }
        switch units.count {
        case 0: break
        case 2: options.conversion = UnitConversion(from: units[0], to: units[1])
        default: throw value.error("give both from and to to convert between Rial and Toman")
        }
        return options
    }
}
