import FeedSyncCore
import FeedSyncSources

/// Maps a source's records, group by group when the mapping has `group_by:`.
///
/// **Rows of a group must be adjacent.** Shopify writes a product's rows one after the
/// other, and feeds with `item_group_id` usually list variants together; a group is the
/// run of consecutive records with the same key, so memory holds one group (at most
/// `max_rows` rows) and, to recognise stragglers, one hash per finished group (about 16
/// bytes a product). The catalog itself is never held.
///
/// A row whose group already ended (its key came before, then another key) is handled
/// without reordering anything:
/// - `variants: fold` rejects it, saying to sort the export by the key or to map the
///   variants separately: folding it into a second product with the same pid would
///   overwrite the first;
/// - `variants: separate` maps it alone, without the inherited columns and group images,
///   with a warning (an image row alone is rejected, having no price of its own).
///
/// Every record gives exactly one outcome: product, rejected, filtered or merged (a row
/// whose data went into another row's product).
public struct GroupingMapper: Sendable {
    /// The mapper of single records.
    public private(set) var mapper: Mapper
    private var members: [SourceRecord] = []
    private var currentKey: String?
    private var finishedKeys: Set<Int> = []

    /// Creates a grouping mapper.
    public init(mapper: Mapper) {
        self.mapper = mapper
    }

    /// Maps a record; outcomes are appended as groups end, so a call may append none or many.
    /// - Parameters:
    ///   - record: the next record of the source.
    ///   - outcomes: where outcomes are appended.
    public mutating func add(_ record: SourceRecord, to outcomes: inout [MappedRecord]) {
        guard let grouping = mapper.mapping.grouping else {
            outcomes.append(MappedRecord(location: record.location, outcome: mapper.map(record)))
            return
        }
        guard let key = mapper.groupKey(of: record) else {
            finishGroup(into: &outcomes)
            outcomes.append(MappedRecord(location: record.location, outcome: mapper.map(record)))
            return
        }
        if key == currentKey, members.count < grouping.maxRows {
            members.append(record)
            return
        }
        finishGroup(into: &outcomes)
        if finishedKeys.contains(key.hashValue) {
            outcomes.append(MappedRecord(location: record.location, outcome: straggler(record, key: key, grouping: grouping)))
            return
        }
        currentKey = key
        members.append(record)
    }

    /// Ends the source: appends the outcomes of the last group.
    public mutating func finish(into outcomes: inout [MappedRecord]) {
        finishGroup(into: &outcomes)
    }

    private mutating func finishGroup(into outcomes: inout [MappedRecord]) {
        guard let key = currentKey, let grouping = mapper.mapping.grouping, let parent = members.first else { return }
        finishedKeys.insert(key.hashValue)
        var rows: [(record: SourceRecord, values: Mapper.MemberValues, isImageRow: Bool)] = []
        rows.reserveCapacity(members.count)
        for record in members {
            rows.append((record, mapper.values(of: record, parent: parent), mapper.isImageRow(record)))
        }
        let usable = rows.indices.compactMap { index -> (index: Int, values: FieldValues)? in
            if case .values(let values) = rows[index].values { return (index, values) }
            return nil
        }
        let variants = usable.filter { !rows[$0.index].isImageRow }
        var results = rows.map { row -> MapOutcome in
            switch row.values {
            case .filtered: return .filtered
            case .rejected(let rejection): return .rejected(rejection)
            case .values:
                guard row.isImageRow else { return .merged }
                return variants.isEmpty ? .rejected(orphan(row.record, key: key)) : .merged
            }
        }
        switch grouping.variants {
        case .separate:
            var seen: Set<String> = []
            let groupImages = usable.filter { rows[$0.index].isImageRow }.flatMap { $0.values.list(.images) ?? [] }
            for (index, values) in variants {
                var values = values
                if !groupImages.isEmpty {
                    seen.removeAll(keepingCapacity: true)
                    values[.images] = .list(((values.list(.images) ?? []) + groupImages).filter { seen.insert($0).inserted })
                }
                results[index] = mapper.assemble(values, location: rows[index].record.location)
            }
        case .fold:
            if let first = variants.first {
                let combined = Fold.combine(
                    key: key, variants: variants.map(\.values), rows: usable.map(\.values),
                    now: mapper.context.now, timeZone: mapper.mapping.timeZone)
                results[first.index] = mapper.assemble(combined, location: rows[first.index].record.location)
            }
        }
        for (row, result) in zip(rows, results) {
            outcomes.append(MappedRecord(location: row.record.location, outcome: result))
        }
        members.removeAll(keepingCapacity: true)
        currentKey = nil
    }

    /// The outcome of a row whose group already ended.
    private mutating func straggler(_ record: SourceRecord, key: String, grouping: Grouping) -> MapOutcome {
        let place = "group '\(TransformError.truncate(key))'"
        switch grouping.variants {
        case .fold:
            return .rejected(Rejection(
                location: record.location, pid: key,
                reason: "this row of \(place) comes after the group's rows ended; variants: fold needs a group's rows next to each other (sort the export by the group key, or use variants: separate)"))
        case .separate:
            if mapper.isImageRow(record) { return .rejected(orphan(record, key: key)) }
            let outcome = mapper.map(record)
            guard case .product(let product, var warnings) = outcome, !grouping.inherit.isEmpty || grouping.imageRows != nil else {
                return outcome
            }
            warnings.append(RecordWarning(
                location: record.location, pid: product.pid,
                reason: "this row of \(place) is not next to the group's other rows; it was mapped without their shared columns and images"))
            return .product(product, warnings: warnings)
        }
    }

    private func orphan(_ record: SourceRecord, key: String) -> Rejection {
        Rejection(
            location: record.location, pid: key,
            reason: "image row of group '\(TransformError.truncate(key))', which has no product next to it to add its images to")
    }
}
