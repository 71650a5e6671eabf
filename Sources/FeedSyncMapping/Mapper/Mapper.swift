import FeedSyncConfig
import FeedSyncCore
import FeedSyncSources
import Foundation

/// Turns source records into products by a ``Mapping``.
///
/// Field names are resolved to positions once per header (``FieldNames`` instance), not
/// once per record, because a catalog has millions of records and one header. XML and
/// JSON records share one instance per shape, and a feed alternates between a few
/// shapes, so the positions of recently seen shapes are kept too. Each source field name
/// the mapping reads is numbered when the mapper is created (``FieldSlots``), and a shape's
/// positions are an array by that number, so reading a field hashes nothing.
public struct Mapper: Sendable {
    /// The mapping applied.
    public let mapping: Mapping
    /// The variables and time used.
    public let context: MappingContext
    let transformer: ValueTransformer
    /// Each field's steps, compiled once for this source, by ``ProductField/ordinal``.
    let pipelines: [[ValueTransformer.Operation]]
    /// The mapped fields' specs in ``ProductField/allCases`` order, compiled to slots.
    ///
    /// Both are arrays read per record by ``ProductField/ordinal``, not dictionaries keyed
    /// by the field: a `String`-backed enum hashes its raw value, about 300 instructions
    /// per field and record.
    let specs: [CompiledFieldSpec]
    /// The source field names the mapping reads, numbered.
    let slots: FieldSlots
    /// The filter's conditions, compiled to slots.
    let dropConditions: [CompiledCondition]
    let keepConditions: [CompiledCondition]
    /// The grouping's key and image-row condition, compiled to slots.
    let groupKeySpec: CompiledFieldSpec?
    let imageRowCondition: CompiledCondition?
    var resolvedNames: FieldNames?
    /// Where each slot's field is in records of ``resolvedNames``, by slot; `nil` until
    /// first asked.
    var positions: [Lookup?]
    /// ``positions`` of the other shapes met lately, holding their ``FieldNames`` so that
    /// an identifier is never reused for another instance while it is a key.
    var shapeLookups: [ObjectIdentifier: (names: FieldNames, positions: [Lookup?])] = [:]
    static let shapeLookupsLimit = 256
    /// The first row of the group being mapped, which inherited columns are read from.
    var groupParent: SourceRecord?
    /// The key's steps, compiled once.
    let keyPipeline: [ValueTransformer.Operation]
    /// Mapped categories by cell text.
    var categoryCache: [String: MappedValue?] = [:]
    /// ``categoryCache``'s answers by the cell's exact bytes, looked up first: cheaper to
    /// hash, and cleared with it, so it always answers as it would.
    var exactCategoryCache: [ExactText: MappedValue?] = [:]
    /// Each field's last raw value and its result: consecutive rows often repeat a cell
    /// (a group's inherited description, a category), and the pipeline is a pure function.
    var lastResults = [LastResult](repeating: LastResult(), count: ProductField.allCases.count)
    static let categoryCacheLimit = 4096

    /// Creates a mapper.
    public init(mapping: Mapping, context: MappingContext) {
        self.mapping = mapping
        self.context = context
        let transformer = ValueTransformer(context: context, timeZone: mapping.timeZone)
        self.transformer = transformer
        pipelines = ProductField.allCases.map { mapping.fields[$0]?.transforms.map(transformer.compile) ?? [] }
        keyPipeline = mapping.grouping?.key.transforms.map(transformer.compile) ?? []
        var slots = FieldSlots(mapping: mapping)
        let variables = context.variables
        specs = ProductField.allCases.compactMap { field in
            mapping.fields[field].map { CompiledFieldSpec($0, variables: variables, slots: &slots) }
        }
        dropConditions = mapping.filter.drop.map { CompiledCondition($0, slots: &slots) }
        keepConditions = mapping.filter.keep.map { CompiledCondition($0, slots: &slots) }
        groupKeySpec = mapping.grouping.map { CompiledFieldSpec($0.key, variables: variables, slots: &slots) }
        imageRowCondition = mapping.grouping?.imageRows.map { CompiledCondition($0, slots: &slots) }
        self.slots = slots
        positions = Array(repeating: nil, count: slots.count)
    }

    /// A field's last raw value and its result.
    ///
    /// Not optional: the entry is compared in place, `lastResults[ordinal].hasInput(value)`,
    /// where unwrapping an optional entry copied it out, retaining and releasing both values.
    struct LastResult {
        /// Whether `value` is this entry's input, byte for byte.
        ///
        /// Not `==`: `String`'s equality normalizes non-ASCII text (a Persian name compared
        /// with the last row's cost more than 2% of an export), and canonical equivalence
        /// would hand one spelling the output computed from another.
        func hasInput(_ value: MappedValue) -> Bool {
            // Matched one side at a time: a switch over the pair copies both values out.
            guard case .text(let new) = value else { return input == value }
            guard case .text(let last) = input else { return false }
            return ExactText.sameBytes(last, new)
        }

        /// The raw value; at first NaN, which equals no value, not even itself.
        var input = MappedValue.number(.nan)
        var output: MappedValue?
    }

    /// Where a named field is in a header, and whether a group's later rows inherit it.
    struct Lookup {
        var positions: [Int]
        var inherited: Bool

        /// The first position of the field that holds a non-empty value in `record`.
        func firstNonEmpty(in record: SourceRecord) -> Int? {
            for index in positions.indices {
                let position = positions[index]
                if position < record.count && !record.isEmpty(at: position) { return position }
            }
            return nil
        }
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
        for spec in mapping.fields.values.sorted(by: { ($0.file, $0.line) < ($1.file, $1.line) }) {
            guard spec.alternatives.contains(where: { isUsable($0, header) }) || spec.defaultValue != nil || spec.isOptional else {
                let missing = spec.sourceFields.filter { context.variables[$0] == nil && !has($0, header) }
                let columns = missing.filter { $0 != "base_url" }.map { "'\($0)'" }.joined(separator: ", ")
                var message = columns.isEmpty ? "" : "\(sourceFile) has no field \(columns)"
                if missing.contains("base_url") {
                    message += (message.isEmpty ? "" : "; ") + "set base_url on the source: this mapping builds the value from the shop's address"
                }
                throw ConfigError(
                    file: spec.file.isEmpty ? mapping.file : spec.file, line: spec.line, key: "fields.\(spec.field.rawValue)",
                    message: message)
            }
        }
        for condition in mapping.filter.drop + mapping.filter.keep where !condition.isOptional && !has(condition.field, header) {
            throw ConfigError(
                file: condition.file.isEmpty ? mapping.file : condition.file, line: condition.line, key: "filter",
                message: "\(sourceFile) has no field '\(condition.field)'")
        }
        try checkGrouping(header: header, sourceFile: sourceFile)
    }

    /// Whether an alternative can give a value with this header.
    func isUsable(_ alternative: FieldSpec.Alternative, _ header: FieldNames) -> Bool {
        switch alternative {
        case .constant: return true
        case .field(let name): return has(name, header)
        case .collect(let names): return names.contains { has($0, header) }
        case .template(let template): return template.references.allSatisfy { context.variables[$0] != nil || has($0, header) }
        case .conditional(let condition, let inner): return has(condition.field, header) && isUsable(inner, header)
        case .objects(let objects): return has(objects.cid, header)
        }
    }

    func has(_ name: String, _ header: FieldNames) -> Bool {
        mapping.names(for: name).contains { header.contains($0) }
    }

    /// Maps one record.
    /// - Parameter record: the record.
    /// - Returns: the product, the rejection with its reason, or `.filtered`.
    public mutating func map(_ record: SourceRecord) -> MapOutcome {
        switch values(of: record, parent: nil) {
        case .filtered: return .filtered
        case .rejected(let rejection): return .rejected(rejection)
        case .values(let values): return assemble(values, location: record.location)
        }
    }

    /// What one record of a group gives before it is assembled into a product.
    enum MemberValues {
        case values(FieldValues)
        case rejected(Rejection)
        case filtered
    }

    /// Reads every field of a record.
    /// - Parameters:
    ///   - record: the record.
    ///   - parent: the first row of the record's group, which inherited columns come from.
    mutating func values(of record: SourceRecord, parent: SourceRecord?) -> MemberValues {
        groupParent = parent
        defer { groupParent = nil }
        if isFiltered(record) { return .filtered }
        var values = FieldValues()
        for index in specs.indices {
            let spec = specs[index]
            do {
                values[spec.field] = try value(of: spec, in: record)
            } catch {
                return .rejected(Rejection(
                    location: record.location, pid: values.text(.pid), field: spec.field.rawValue, reason: error.message))
            }
        }
        return .values(values)
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
}
