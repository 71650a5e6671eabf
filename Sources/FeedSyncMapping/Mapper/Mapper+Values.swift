import FeedSyncCore
import FeedSyncSources
import Foundation

/// Reading a record's values: alternatives, conditions, templates and field lookups.
extension Mapper {
    mutating func isFiltered(_ record: SourceRecord) -> Bool {
        let filter = mapping.filter
        if filter.drop.isEmpty && filter.keep.isEmpty { return false }
        if filter.drop.contains(where: { matches($0, record) }) { return true }
        return !filter.keep.allSatisfy { matches($0, record) }
    }

    private mutating func matches(_ condition: FilterCondition, _ record: SourceRecord) -> Bool {
        let text = TextTransform.trim(firstValue(condition.field, in: record) ?? "")
        switch condition.test {
        case .empty(let wanted): return text.isEmpty == wanted
        case .oneOf(let options): return options.contains { $0.caseInsensitiveCompare(text) == .orderedSame }
        }
    }

    mutating func value(of spec: FieldSpec, in record: SourceRecord) throws(MappingFailure) -> MappedValue? {
        var found: MappedValue?
        for alternative in spec.alternatives {
            if let value = source(alternative, in: record), !value.isEmpty {
                found = value
                break
            }
        }
        guard let start = found ?? spec.defaultValue.map(MappedValue.text) else { return nil }
        // A catalog repeats a few hundred category cells over millions of rows: parse each once.
        let cacheKey: String? = if spec.field == .categories, case .text(let text) = start { text } else { nil }
        if let cacheKey, let cached = categoryCache[cacheKey] { return cached }
        var value = start
        for operation in pipelines[spec.field] ?? [] {
            value = try transformer.apply(operation, to: value)
        }
        let coerced = try transformer.coerce(value, to: spec.field.valueKind)
        let result = coerced.isEmpty ? nil : coerced
        if let cacheKey {
            if categoryCache.count >= Self.categoryCacheLimit { categoryCache.removeAll(keepingCapacity: true) }
            categoryCache[cacheKey] = .some(result)
        }
        return result
    }

    /// The raw value one alternative gives for a record, before any transform.
    private mutating func source(_ alternative: FieldSpec.Alternative, in record: SourceRecord) -> MappedValue? {
        switch alternative {
        case .field(let name): return firstValue(name, in: record).map(MappedValue.text)
        case .template(let template): return render(template, record: record).map(MappedValue.text)
        case .constant(let constant): return .text(constant)
        case .collect(let names): return .list(names.compactMap { firstValue($0, in: record) })
        case .conditional(let condition, let inner): return matches(condition, record) ? source(inner, in: record) : nil
        }
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
