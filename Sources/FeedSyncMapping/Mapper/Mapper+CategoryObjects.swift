import FeedSyncCore
import FeedSyncSources

/// Building categories from a source's category objects (`categories: { objects: … }`).
extension Mapper {
    /// Zips the i-th value of each member field into the i-th category.
    ///
    /// Objects without a `cid` are skipped, as is a `cid` seen before; a missing name is
    /// the `cid`; an empty parent is a root (`null`). `is_primary` is read as `1`/`0`,
    /// `true`/`false` or `yes`/`no` (empty is false); the first primary one stays primary,
    /// and when none is, the first category becomes primary, so there is exactly one.
    /// - Throws: ``MappingFailure`` for an `is_primary` value that is none of those.
    mutating func categories(from objects: CompiledCategoryObjects, in record: SourceRecord) throws(MappingFailure) -> [Category] {
        let cids = allValues(objects.cid, in: record)
        guard !cids.isEmpty else { return [] }
        let names = allValues(objects.name, in: record)
        let urls = objects.url.map { allValues($0, in: record) } ?? []
        let parents = objects.parentCid.map { allValues($0, in: record) } ?? []
        let primaries = objects.isPrimary.map { allValues($0, in: record) } ?? []
        var categories: [Category] = []
        var seen = SeenStrings()
        var hasPrimary = false
        for (index, rawCid) in cids.enumerated() {
            let cid = TextTransform.trim(rawCid)
            guard !cid.isEmpty, seen.insert(cid) else { continue }
            let name = TextTransform.trim(Self.item(names, index))
            let parent = TextTransform.trim(Self.item(parents, index))
            var isPrimary = try Self.flag(Self.item(primaries, index), field: objects.source.isPrimary ?? "is_primary", cid: cid)
            if isPrimary {
                if hasPrimary { isPrimary = false }
                hasPrimary = true
            }
            categories.append(Category(
                cid: cid, name: name.isEmpty ? cid : name, url: TextTransform.trim(Self.item(urls, index)),
                parentCid: parent.isEmpty || parent == "null" ? nil : parent, isPrimary: isPrimary))
        }
        if !hasPrimary, !categories.isEmpty { categories[0].isPrimary = true }
        return categories
    }

    private static func item(_ values: [String], _ index: Int) -> String {
        index < values.count ? values[index] : ""
    }

    /// A lenient boolean: `1`/`true`/`yes` and `0`/`false`/`no`/empty, in any case.
    private static func flag(_ text: String, field: String, cid: String) throws(MappingFailure) -> Bool {
        switch TextTransform.trim(text).lowercased() {
        case "1", "true", "yes": return true
        case "0", "false", "no", "", "null": return false
        default:
            throw MappingFailure(message: "\(field) '\(text)' of category \(cid) is not 0, 1, true or false")
        }
    }
}
