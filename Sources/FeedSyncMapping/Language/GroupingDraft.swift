import FeedSyncConfig

/// `group_by:` as one mapping file writes it, each key optional so that an extending
/// mapping can change one (`group_by: { variants: separate }`).
struct GroupingDraft {
    var value: YAMLValue
    var key: FieldSpec?
    var variants: Grouping.Variants?
    var inherit: [String]?
    var imageRows: FilterCondition??
    var maxRows: Int?

    init(_ value: YAMLValue) throws {
        self.value = value
        let map = try value.mapping(allowed: ["key", "variants", "inherit", "image_rows", "max_rows"])
        if let keyValue = map["key"] { key = try MappingDraft.fieldSpec(.pid, keyValue) }
        if let variantsValue = map["variants"] {
            let text = try variantsValue.rawString()
            guard let variants = Grouping.Variants(rawValue: text) else {
                throw variantsValue.error("expected separate (one product per variant) or fold (one product per group), got '\(text.prefix(40))'")
            }
            self.variants = variants
        }
        inherit = try map["inherit"]?.sequenceOrSingle().map { try $0.rawString() }
        if let rows = map["image_rows"] { imageRows = .some(try MappingDraft.condition(rows)) }
        maxRows = try map["max_rows"]?.int(in: 1...1_000_000, environment: [:])
    }

    /// This file's keys over the base's.
    func merged(over base: GroupingDraft) -> GroupingDraft {
        var result = base
        result.value = value
        result.key = key ?? base.key
        result.variants = variants ?? base.variants
        result.inherit = inherit ?? base.inherit
        result.imageRows = imageRows ?? base.imageRows
        result.maxRows = maxRows ?? base.maxRows
        return result
    }

    /// The checked grouping.
    /// - Throws: ``ConfigError`` when no key is given.
    func grouping() throws -> Grouping {
        guard let key else { throw value.error("group_by needs a key: the column (or template) that rows of one product share") }
        return Grouping(
            key: key, variants: variants ?? .separate, inherit: inherit ?? [], imageRows: imageRows ?? nil,
            maxRows: maxRows ?? Grouping.defaultMaxRows, file: value.file, line: value.line)
    }
}
