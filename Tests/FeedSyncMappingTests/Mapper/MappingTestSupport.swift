import FeedSyncConfig
import FeedSyncCore
import FeedSyncMapping
import FeedSyncSources
import Foundation
import Testing

/// Builds mappings and records for mapper tests.
enum MappingFactory {
    static let now = Date(timeIntervalSince1970: 1_760_000_000)

    static func mapping(_ yaml: String, file: String = "test.yml") throws -> Mapping {
        try Mapping(root: YAMLValue.parse(yaml, file: file))
    }

    /// The error loading `yaml` gives, as text, or `nil` when it loads.
    static func loadError(_ yaml: String) -> String? {
        do {
            _ = try mapping(yaml)
            return nil
        } catch {
            return "\(error)"
        }
    }

    static func record(_ pairs: [(String, String)], line: Int = 2) -> SourceRecord {
        SourceRecord(location: RecordLocation(source: "shop", file: "catalog.csv", line: line, record: line - 1), pairs: pairs)
    }

    static func mapper(_ yaml: String, variables: [String: String] = [:]) throws -> Mapper {
        Mapper(mapping: try mapping(yaml), context: MappingContext(variables: variables, now: now))
    }

    /// `fields:` with the four required fields from columns id, title, link and price
    /// (lines 1 to 5), for tests that add one field at line 6.
    static let requiredFields = """
        fields:
          pid: id
          name: title
          url: link
          price: price
        """

    static let basic = """
        fields:
          pid: id
          name: { from: title, transforms: [collapse_whitespace] }
          url: { from: link }
          price: { from: price }
          sale_price: { from: sale }
          in_stock: { from: stock }
          images: { from: images, transforms: [{ split: "|" }] }
          categories: { from: category }
        """
}

extension MapOutcome {
    var product: Product? {
        if case .product(let product, _) = self { return product }
        return nil
    }

    var warnings: [RecordWarning] {
        if case .product(_, let warnings) = self { return warnings }
        return []
    }

    var rejection: Rejection? {
        if case .rejected(let rejection) = self { return rejection }
        return nil
    }

    var isFiltered: Bool {
        if case .filtered = self { return true }
        return false
    }

    var isMerged: Bool {
        if case .merged = self { return true }
        return false
    }
}
