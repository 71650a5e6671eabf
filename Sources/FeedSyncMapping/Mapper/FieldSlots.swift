import FeedSyncSources

/// The source field names a mapping refers to, numbered.
///
/// Every name a field, filter, template, grouping or category object reads is given an
/// integer slot when the ``Mapper`` is created, so that finding a field in a record is an
/// array index instead of hashing the name (about 13 lookups per record, 10% of an export).
struct FieldSlots: Sendable {
    /// The name of each slot, as the mapping writes it.
    private(set) var names: [String] = []
    /// For each slot, the names to look for: the name, then its aliases.
    private(set) var candidates: [[String]] = []
    /// For each slot, whether a group's later rows inherit the field.
    private(set) var inherited: [Bool] = []
    private var slotsByName: [String: Int] = [:]
    private let mapping: Mapping
    /// The normalized names of the columns a group's later rows inherit.
    private let inheritedNames: Set<String>

    /// Creates an empty table for a mapping's names.
    init(mapping: Mapping) {
        self.mapping = mapping
        inheritedNames = Set((mapping.grouping?.inherit ?? []).flatMap(mapping.names(for:)).map(FieldNames.normalize))
    }

    /// How many slots there are.
    var count: Int { names.count }

    /// The slot of `name`, given a new one the first time it is met.
    mutating func slot(for name: String) -> Int {
        if let slot = slotsByName[name] { return slot }
        let slot = names.count
        slotsByName[name] = slot
        names.append(name)
        candidates.append(mapping.names(for: name))
        inherited.append(inheritedNames.contains(FieldNames.normalize(name)))
        return slot
    }
}
