import FeedSyncConfig
import FeedSyncSources

/// What grouping needs from the mapper: a record's group key and whether it is an image row.
extension Mapper {
    /// The record's group key, or `nil` when it has none (it is then a product alone).
    mutating func groupKey(of record: SourceRecord) -> String? {
        guard let key = groupKeySpec else { return nil }
        guard var value = firstSource(of: key, in: record) else { return nil }
        for operation in keyPipeline {
            // A key step that fails leaves the record ungrouped rather than rejecting it here;
            // the same value fails again, with its reason, if a field reads it.
            guard let next = try? transformer.apply(operation, to: value) else { return nil }
            value = next
        }
        let text: String
        switch value {
        case .text(let single): text = single
        case .list(let items): text = items.first ?? ""
        default: return nil
        }
        return text.isEmpty ? nil : text
    }

    /// Whether the record only adds images to its group.
    mutating func isImageRow(_ record: SourceRecord) -> Bool {
        guard let condition = imageRowCondition else { return false }
        return matches(condition, record)
    }

    /// Checks that the grouping's key and image-row columns are in the header.
    func checkGrouping(header: FieldNames, sourceFile: String) throws {
        guard let grouping = mapping.grouping else { return }
        let place = grouping.file.isEmpty ? mapping.file : grouping.file
        guard grouping.key.alternatives.contains(where: { isUsable($0, header) }) || grouping.key.defaultValue != nil else {
            let names = grouping.key.sourceFields.map { "'\($0)'" }.joined(separator: ", ")
            throw ConfigError(file: place, line: grouping.key.line, key: "group_by.key", message: "\(sourceFile) has no field \(names)")
        }
        if let condition = grouping.imageRows, !has(condition.field, header) {
            throw ConfigError(
                file: place, line: condition.line, key: "group_by.image_rows", message: "\(sourceFile) has no field '\(condition.field)'")
        }
    }
}
