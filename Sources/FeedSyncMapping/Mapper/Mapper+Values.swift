import FeedSyncCore
import FeedSyncSources
import Foundation

/// Reading a record's values: alternatives, conditions, templates and field lookups.
extension Mapper {
    mutating func isFiltered(_ record: SourceRecord) -> Bool {
        if dropConditions.isEmpty && keepConditions.isEmpty { return false }
        // By index, here and in the other per-record loops: a for-in copies each element out,
        // retaining what it holds, where a subscript lends it.
        for index in dropConditions.indices where matches(dropConditions[index], record) { return true }
        for index in keepConditions.indices where !matches(keepConditions[index], record) { return true }
        return false
    }

    mutating func matches(_ condition: CompiledCondition, _ record: SourceRecord) -> Bool {
        let place = firstPlace(condition.slot, in: record)
        let bytes: ArraySlice<UInt8> =
            switch place {
            case .record(let position)?: record.utf8(at: position)
            case .parent(let position)?: groupParent?.utf8(at: position) ?? []
            case nil: []
            }
        if let answer = condition.matches(utf8: bytes) { return answer }
        let text = TextTransform.trim(text(at: place, in: record) ?? "")
        switch condition.test {
        case .empty(let wanted): return text.isEmpty == wanted
        case .oneOf(let options): return options.contains { Self.equalIgnoringCase($0, text) }
        }
    }

    mutating func value(of spec: CompiledFieldSpec, in record: SourceRecord) throws(MappingFailure) -> MappedValue? {
        if let objects = spec.objects {
            let categories = try self.categories(from: objects, in: record)
            return categories.isEmpty ? nil : .categories(categories)
        }
        guard let start = firstSource(of: spec, in: record) else { return nil }
        if lastResults[spec.field.ordinal].hasInput(start) { return lastResults[spec.field.ordinal].output }
        // A catalog repeats a few hundred category cells over millions of rows: parse each once.
        let cacheKey: String? = if spec.field == .categories, case .text(let text) = start { text } else { nil }
        if let cacheKey, let cached = cachedCategories(cacheKey) { return cached }
        var value = start
        let ordinal = spec.field.ordinal
        for index in pipelines[ordinal].indices {
            value = try transformer.apply(pipelines[ordinal][index], to: value)
        }
        let coerced = try transformer.coerce(value, to: spec.field.valueKind)
        let result = coerced.isEmpty ? nil : coerced
        if let cacheKey {
            if categoryCache.count >= Self.categoryCacheLimit {
                categoryCache.removeAll(keepingCapacity: true)
                exactCategoryCache.removeAll(keepingCapacity: true)
            }
            categoryCache[cacheKey] = .some(result)
            rememberExactly(cacheKey, result)
        }
        lastResults[spec.field.ordinal] = LastResult(input: start, output: result)
        return result
    }

    /// The mapped categories of a cell seen before: by its exact bytes, else by `String`
    /// equality (an equivalent cell in another normalization form).
    private mutating func cachedCategories(_ cell: String) -> MappedValue?? {
        if let cached = exactCategoryCache[ExactText(text: cell)] { return cached }
        guard let cached = categoryCache[cell] else { return nil }
        rememberExactly(cell, cached)
        return cached
    }

    private mutating func rememberExactly(_ cell: String, _ result: MappedValue?) {
        // Cells that differ only in normalization make more exact entries than cells; this
        // cache only saves time, so it may be emptied on its own.
        if exactCategoryCache.count >= 2 * Self.categoryCacheLimit { exactCategoryCache.removeAll(keepingCapacity: true) }
        exactCategoryCache[ExactText(text: cell)] = .some(result)
    }

    /// The first non-empty value a specification's alternatives give, else its default,
    /// before any transform.
    mutating func firstSource(of spec: CompiledFieldSpec, in record: SourceRecord) -> MappedValue? {
        for index in spec.alternatives.indices {
            if let value = source(spec.alternatives[index], in: record), !value.isEmpty { return value }
        }
        return spec.defaultValue
    }

    /// The raw value one alternative gives for a record, before any transform.
    mutating func source(_ alternative: CompiledFieldSpec.Alternative, in record: SourceRecord) -> MappedValue? {
        for index in alternative.conditions.indices where !matches(alternative.conditions[index], record) { return nil }
        switch alternative.source {
        case .field(let slot): return firstValue(slot, in: record).map(MappedValue.text)
        case .template(let template): return render(template, record: record).map(MappedValue.text)
        case .constant(let constant): return .text(constant)
        case .collect(let slots): return .list(slots.flatMap { nonEmptyValues($0, in: record) })
        // Category objects are read whole by value(of:in:), which can reject the record.
        case .objects: return nil
        }
    }

    /// Every value of the field in `slot` (repeated XML elements, JSON arrays), through its
    /// first alias present in the record; empty values are kept, so that parallel fields
    /// stay aligned.
    mutating func allValues(_ slot: Int, in record: SourceRecord) -> [String] {
        let positions = lookup(slot, in: record.names).positions
        var values: [String] = []
        values.reserveCapacity(positions.count)
        for position in positions where position < record.count { values.append(record.value(at: position)) }
        return values
    }

    /// Every non-empty value of the field in `slot`: all of a repeated field's (XML elements,
    /// JSON arrays), else what ``firstValue(_:in:)`` gives (a group's inherited value).
    mutating func nonEmptyValues(_ slot: Int, in record: SourceRecord) -> [String] {
        guard let first = firstValue(slot, in: record) else { return [] }
        guard let lookup = positions[slot], lookup.positions.count > 1 else { return [first] }
        return lookup.positions.filter { $0 < record.count && !record.isEmpty(at: $0) }.map { record.value(at: $0) }
    }

    /// The first non-empty value of the field in `slot` (or its aliases), or, for a column
    /// the grouping inherits, the group's first row's value when the record leaves it empty.
    mutating func firstValue(_ slot: Int, in record: SourceRecord) -> String? {
        // Two statements: a non-mutating call whose argument mutates `self` copies `self`.
        let place = firstPlace(slot, in: record)
        return text(at: place, in: record)
    }

    /// Where a value is: in the record mapped, or in its group's first row (``groupParent``).
    ///
    /// Positions only, no record: an enum carrying a ``SourceRecord`` cost a retain and an
    /// outlined destroy of its four references at every field access.
    enum ValuePlace {
        case record(Int)
        case parent(Int)
    }

    /// The text of the value at `place`, when there is one.
    func text(at place: ValuePlace?, in record: SourceRecord) -> String? {
        switch place {
        case .record(let position)?: return record.value(at: position)
        case .parent(let position)?: return groupParent?.value(at: position)
        case nil: return nil
        }
    }

    /// Where ``firstValue(_:in:)`` reads its value.
    mutating func firstPlace(_ slot: Int, in record: SourceRecord) -> ValuePlace? {
        resolve(slot, in: record.names)
        // Read in place: copying the lookup out retains and releases its positions.
        if let position = positions[slot]?.firstNonEmpty(in: record) { return .record(position) }
        guard let lookup = positions[slot], lookup.inherited, let parent = groupParent else { return nil }
        // The first row of a CSV group shares the header; other sources look the name up anew.
        let parentPositions = parent.names === record.names
            ? lookup.positions
            : slots.candidates[slot].lazy.map { parent.names.positions(of: $0) }.first { !$0.isEmpty } ?? []
        for position in parentPositions where position < parent.count && !parent.isEmpty(at: position) {
            return .parent(position)
        }
        return nil
    }

    /// Where the field in `slot` (or its first alias present) is in records named by `names`.
    mutating func lookup(_ slot: Int, in names: FieldNames) -> Lookup {
        resolve(slot, in: names)
        return positions[slot] ?? Lookup(positions: [], inherited: slots.inherited[slot])
    }

    /// Makes ``positions`` those of `names` and fills in the slot's entry if it is missing.
    mutating func resolve(_ slot: Int, in names: FieldNames) {
        if names !== resolvedNames { switchShape(to: names) }
        if positions[slot] != nil { return }
        positions[slot] = Lookup(
            positions: slots.candidates[slot].lazy.map { names.positions(of: $0) }.first { !$0.isEmpty } ?? [],
            inherited: slots.inherited[slot])
    }

    /// Makes ``positions`` those of `names`, keeping the current ones for when that shape returns.
    private mutating func switchShape(to names: FieldNames) {
        if let resolvedNames {
            if shapeLookups.count >= Self.shapeLookupsLimit { shapeLookups.removeAll(keepingCapacity: true) }
            shapeLookups[ObjectIdentifier(resolvedNames)] = (resolvedNames, positions)
        }
        resolvedNames = names
        positions = shapeLookups[ObjectIdentifier(names)]?.positions ?? Array(repeating: nil, count: slots.count)
    }

    private mutating func render(_ template: CompiledTemplate, record: SourceRecord) -> String? {
        if template.yieldsNothing { return nil }
        var output = ""
        for part in template.parts {
            switch part {
            case .literal(let text):
                output += text
            case .reference(let slot, let filters):
                guard let raw = firstValue(slot, in: record) else { return nil }
                let text = filters.reduce(raw) { ValueTransformer.filter($1, $0) }
                guard !text.isEmpty else { return nil }
                output += text
            }
        }
        return output
    }

    /// Case-insensitive equality, byte by byte for ASCII (filter values are words such as
    /// `draft` and `variable`), through lower-casing otherwise.
    static func equalIgnoringCase(_ lhs: String, _ rhs: String) -> Bool {
        let left = lhs.utf8
        let right = rhs.utf8
        guard left.count == right.count else {
            // ASCII keeps its length under case folding; other scripts may not.
            if left.allSatisfy({ $0 < 0x80 }), right.allSatisfy({ $0 < 0x80 }) { return false }
            return lhs.lowercased() == rhs.lowercased()
        }
        for (a, b) in zip(left, right) where a != b {
            guard a < 0x80, b < 0x80 else { return lhs.lowercased() == rhs.lowercased() }
            let lowerA = a >= 0x41 && a <= 0x5A ? a + 0x20 : a
            let lowerB = b >= 0x41 && b <= 0x5A ? b + 0x20 : b
            if lowerA != lowerB { return false }
        }
        return true
    }
}
