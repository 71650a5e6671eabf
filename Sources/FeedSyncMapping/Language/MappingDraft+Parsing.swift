import FeedSyncConfig
import FeedSyncSources
import Foundation

/// Reading the pieces of a mapping file: fields, transforms and their options, conditions.
/// Every error names the file, line and key of the value at fault.
extension MappingDraft {
    static func delimiter(_ value: YAMLValue) throws -> CSVDialect.Delimiter {
        guard let delimiter = CSVDialect.Delimiter(try value.rawString()) else {
            throw value.error("expected auto, \",\", \";\", \"\\t\" or \"|\"")
        }
        return delimiter
    }

    static func filter(_ value: YAMLValue) throws -> RecordFilter {
        let map = try value.mapping(allowed: ["drop", "keep"])
        return RecordFilter(
            drop: try map["drop"]?.sequence().map(condition) ?? [],
            keep: try map["keep"]?.sequence().map(condition) ?? []
        )
    }

    static func condition(_ value: YAMLValue) throws -> FilterCondition {
        try condition(value, in: try value.mapping(allowed: ["field", "in", "equals", "empty", "optional"]))
    }

    /// Reads `field` and one test of a condition from a mapping that may hold more keys.
    static func condition(_ value: YAMLValue, in map: YAMLMapping) throws -> FilterCondition {
        let field = try map.require("field").rawString()
        let tests = ["in", "equals", "empty"].filter { map[$0] != nil }
        guard tests.count == 1 else { throw value.error("a condition needs exactly one of in, equals or empty") }
        let test: FilterCondition.Test
        if let list = map["in"] {
            test = .oneOf(try list.sequenceOrSingle().map { try $0.rawString() })
        } else if let equals = map["equals"] {
            test = .oneOf([try equals.rawString()])
        } else {
            test = .empty(try map.require("empty").bool())
        }
        return FilterCondition(
            field: field, test: test, isOptional: try map["optional"]?.bool() ?? false, file: value.file, line: value.line)
    }

    static func fieldSpec(_ field: ProductField, _ value: YAMLValue) throws -> FieldSpec {
        guard value.isMapping else {
            return FieldSpec(field: field, alternatives: [.field(try value.rawString())], file: value.file, line: value.line)
        }
        let map = try value.mapping(allowed: ["when", "from", "template", "value", "collect", "objects", "default", "transforms", "optional"])
        var alternatives: [FieldSpec.Alternative] = []
        for item in try map["when"]?.sequence() ?? [] {
            alternatives.append(try conditional(item))
        }
        alternatives += try sources(in: map)
        let defaultValue = try map["default"]?.rawString()
        if let collect = map["collect"] {
            guard alternatives.isEmpty, defaultValue == nil else {
                throw collect.error("collect gives a list of every non-empty column; it cannot be combined with when, from, template, value or default")
            }
            alternatives = [.collect(try collect.sequenceOrSingle().map { try $0.rawString() })]
        }
        if let objects = map["objects"] {
            guard field == .categories else { throw objects.error("objects builds categories; \(field.rawValue) cannot use it") }
            guard alternatives.isEmpty, defaultValue == nil, map["collect"] == nil, map["transforms"] == nil else {
                throw objects.error("objects gives the categories whole; it cannot be combined with when, from, template, value, collect, default or transforms")
            }
            return FieldSpec(
                field: field, alternatives: [.objects(try categoryObjects(objects))], isOptional: try map["optional"]?.bool() ?? false,
                file: value.file, line: value.line)
        }
        guard !alternatives.isEmpty || defaultValue != nil else {
            throw value.error("say where the value comes from: from, template, value, collect, objects or default")
        }
        var steps: [TransformStep] = []
        var kind = map["collect"] == nil ? MappedValue.Kind.text : .list
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
        return FieldSpec(
            field: field, alternatives: alternatives, transforms: steps, defaultValue: defaultValue,
            isOptional: try map["optional"]?.bool() ?? false, file: value.file, line: value.line)
    }

    /// `objects: { cid: …, name: …, url: …, parent_cid: …, is_primary: … }`: the repeated
    /// fields holding each member of the source's category objects.
    private static func categoryObjects(_ value: YAMLValue) throws -> CategoryObjects {
        let map = try value.mapping(allowed: Set(CategoryObjects.keys))
        return CategoryObjects(
            cid: try map.require("cid").rawString(), name: try map.require("name").rawString(),
            url: try map["url"]?.rawString(), parentCid: try map["parent_cid"]?.rawString(),
            isPrimary: try map["is_primary"]?.rawString())
    }

    /// The `from`, `template` and `value` alternatives of a field or `when` item, in that order.
    private static func sources(in map: YAMLMapping) throws -> [FieldSpec.Alternative] {
        var alternatives: [FieldSpec.Alternative] = []
        for item in map["from"]?.sequenceOrSingle() ?? [] {
            alternatives.append(.field(try item.rawString()))
        }
        for item in map["template"]?.sequenceOrSingle() ?? [] {
            do {
                alternatives.append(.template(try Template(parsing: try item.rawString())))
            } catch let error as TemplateSyntaxError {
                throw item.error(error.message)
            }
        }
        if let constant = map["value"] { alternatives.append(.constant(try constant.rawString())) }
        return alternatives
    }

    /// A `when` item: a condition and the one source used when it holds.
    private static func conditional(_ item: YAMLValue) throws -> FieldSpec.Alternative {
        let map = try item.mapping(allowed: ["field", "in", "equals", "empty", "from", "template", "value"])
        let condition = try condition(item, in: map)
        let sources = try sources(in: map)
        guard sources.count == 1, let source = sources.first else {
            throw item.error("a when item gives exactly one value: from (one column), template or value")
        }
        return .conditional(condition, source)
    }

    static func transformStep(_ value: YAMLValue) throws -> TransformStep {
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
            let map = try options.mapping(allowed: ["paths", "levels", "url", "skip_levels", "path_depth"])
            return .categories(CategoryOptions(
                pathSeparator: try map["paths"]?.rawString() ?? ",",
                levelSeparator: try map["levels"]?.rawString() ?? ">",
                url: try map["url"]?.rawString(),
                skipLeadingLevels: try map["skip_levels"]?.int(in: 0...10, environment: [:]) ?? 0,
                pathDepth: try map["path_depth"]?.int(in: 1...20, environment: [:])))
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
