import FeedSyncConfig
import FeedSyncCore
import FeedSyncSources
import Foundation

/// Turns source records into products by a ``Mapping``.
///
/// Field names are resolved to positions once per header (``FieldNames`` instance), not
/// once per record, because a catalog has millions of records and one header.
public struct Mapper: Sendable {
    /// The mapping applied.
    public let mapping: Mapping
    /// The variables and time used.
    public let context: MappingContext
    private let transformer: ValueTransformer
    /// Each field's steps, compiled once for this source.
    private let pipelines: [ProductField: [ValueTransformer.Operation]]
    private var resolvedNames: FieldNames?
    private var positions: [String: [Int]] = [:]

    /// Creates a mapper.
    public init(mapping: Mapping, context: MappingContext) {
        self.mapping = mapping
        self.context = context
        let transformer = ValueTransformer(context: context, timeZone: mapping.timeZone)
        self.transformer = transformer
        pipelines = mapping.fields.mapValues { $0.transforms.map(transformer.compile) }
    }

    /// Checks that every field the mapping needs can be found in a header.
    ///
    /// A field whose alternatives all name columns the header lacks is an error at the
    /// mapping's line; alternatives that name missing columns are skipped silently when
    /// another can work, because presets list the column names of several export versions.
    /// - Parameters:
    ///   - header: the source's field names.
    ///   - sourceFile: the source file, for the message.
    /// - Throws: ``ConfigError`` naming the mapping file, line and field.
    public func check(header: FieldNames, sourceFile: String) throws {
        for spec in mapping.fields.values.sorted(by: { $0.line < $1.line }) {
            let usable = spec.alternatives.contains { alternative in
                switch alternative {
                case .constant: return true
                case .field(let name): return has(name, header)
                case .template(let template):
                    return template.references.allSatisfy { context.variables[$0] != nil || has($0, header) }
                }
            } || spec.defaultValue != nil
            guard usable else {
                let missing = spec.sourceFields.filter { context.variables[$0] == nil && !has($0, header) }
                let names = missing.map { "'\($0)'" }.joined(separator: ", ")
                throw ConfigError(
                    file: mapping.file, line: spec.line, key: "fields.\(spec.field.rawValue)",
                    message: "\(sourceFile) has no field \(names)")
            }
        }
        let filterFields = (mapping.filter.drop + mapping.filter.keep).map(\.field)
        if let missing = filterFields.first(where: { !has($0, header) }) {
            throw ConfigError(file: mapping.file, key: "filter", message: "\(sourceFile) has no field '\(missing)'")
        }
    }

    private func has(_ name: String, _ header: FieldNames) -> Bool {
        mapping.names(for: name).contains { header.contains($0) }
    }

    /// Maps one record.
    /// - Parameter record: the record.
    /// - Returns: the product, the rejection with its reason, or `.filtered`.
    public mutating func map(_ record: SourceRecord) -> MapOutcome {
        if record.names !== resolvedNames {
            resolvedNames = record.names
            positions = [:]
        }
        if isFiltered(record) { return .filtered }
        var values = FieldValues()
        for field in ProductField.allCases {
            guard let spec = mapping.fields[field] else { continue }
            do {
                values[field] = try value(of: spec, in: record)
            } catch {
                return .rejected(Rejection(
                    location: record.location, pid: values.text(.pid), field: field.rawValue, reason: error.message))
            }
        }
        return assemble(values, location: record.location)
    }

    /// Builds the product from a record's values, or says why it cannot be one.
    func assemble(_ values: FieldValues, location: RecordLocation) -> MapOutcome {
        let pid = values.text(.pid)
        for field in ProductField.required where values[field] == nil {
            let looked = (mapping.fields[field]?.sourceFields ?? []).filter { context.variables[$0] == nil && $0 != "base_url" }
            var reason = looked.isEmpty ? "no value" : "no value (looked in \(looked.joined(separator: ", ")))"
            if mapping.fields[field]?.sourceFields.contains("base_url") == true, context.variables["base_url"] == nil {
                reason += "; setting base_url on the source would give one"
            }
            return .rejected(Rejection(location: location, pid: pid, field: field.rawValue, reason: reason))
        }
        guard let pid, let name = values.text(.name), let url = values.text(.url), let price = values.number(.price) else {
            return .rejected(Rejection(location: location, pid: pid, reason: "required fields missing"))
        }
        // Ids are checked even without an `id` step: a damaged id matches nothing in the shop.
        for field in [ProductField.pid, .sku] {
            if let id = values.text(field), let damage = Identifier.excelDamage(id) {
                return .rejected(Rejection(location: location, pid: pid, field: field.rawValue, reason: damage.description))
            }
        }
        let prices = PriceResolution(price: price, values: values, now: context.now, timeZone: mapping.timeZone)
        let product = Product(
            pid: pid,
            name: name,
            url: url,
            price: prices.price,
            oldPrice: prices.oldPrice,
            inStock: values.bool(.inStock) ?? true,
            images: values.list(.images) ?? [],
            categories: values.categories(.categories) ?? [],
            createdAt: values.date(.createdAt) ?? context.now,
            updatedAt: values.date(.updatedAt) ?? values.date(.createdAt) ?? context.now,
            sku: values.text(.sku),
            details: values.text(.description)
        )
        let warnings = prices.warnings.map {
            RecordWarning(location: location, pid: pid, field: $0.field.rawValue, reason: $0.reason)
        }
        return .product(product, warnings: warnings)
    }

    private mutating func isFiltered(_ record: SourceRecord) -> Bool {
        let filter = mapping.filter
        if filter.drop.isEmpty && filter.keep.isEmpty { return false }
        if filter.drop.contains(where: { matches($0, record) }) { return true }
        return !filter.keep.allSatisfy { matches($0, record) }
    }

    private mutating func matches(_ condition: FilterCondition, _ record: SourceRecord) -> Bool {
        let text = (firstValue(condition.field, in: record) ?? "").trimmingCharacters(in: .whitespaces)
        switch condition.test {
        case .empty(let wanted): return text.isEmpty == wanted
        case .oneOf(let options): return options.contains { $0.caseInsensitiveCompare(text) == .orderedSame }
        }
    }

    private mutating func value(of spec: FieldSpec, in record: SourceRecord) throws(MappingFailure) -> MappedValue? {
        var found: String?
        for alternative in spec.alternatives {
            switch alternative {
            case .field(let name): found = firstValue(name, in: record)
            case .template(let template): found = render(template, record: record)
            case .constant(let constant): found = constant
            }
            if let text = found, !text.isEmpty { break }
            found = nil
        }
        guard let text = found ?? spec.defaultValue else { return nil }
        var value = MappedValue.text(text)
        for operation in pipelines[spec.field] ?? [] {
            value = try transformer.apply(operation, to: value)
        }
        let result = try transformer.coerce(value, to: spec.field.valueKind)
        return result.isEmpty ? nil : result
    }

    private mutating func firstValue(_ name: String, in record: SourceRecord) -> String? {
        let found: [Int]
        if let cached = positions[name] {
            found = cached
        } else {
            found = mapping.names(for: name).lazy.map { record.names.positions(of: $0) }.first { !$0.isEmpty } ?? []
            positions[name] = found
        }
        for position in found where position < record.count && !record.isEmpty(at: position) {
            return record.value(at: position)
        }
        return nil
    }

    private mutating func render(_ template: Template, record: SourceRecord) -> String? {
        var output = ""
        for part in template.parts {
            switch part {
            case .literal(let text):
                output += text
            case .reference(let name, let filters):
                guard let raw = context.variables[name] ?? firstValue(name, in: record) else { return nil }
                let text = filters.reduce(raw) { ValueTransformer.filter($1, $0) }
                guard !text.isEmpty else { return nil }
                output += text
            }
        }
        return output
    }
}
