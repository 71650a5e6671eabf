import FeedSyncCore
import Foundation

/// Field values gathered while mapping one record.
///
/// An array indexed by ``ProductField/ordinal`` rather than a dictionary: every record
/// fills one, and hashing each field's key twice per record showed in profiles.
struct FieldValues: Sendable {
    private var storage = [MappedValue?](repeating: nil, count: ProductField.allCases.count)

    subscript(field: ProductField) -> MappedValue? {
        get { storage[field.ordinal] }
        set { storage[field.ordinal] = newValue }
    }

    func text(_ field: ProductField) -> String? {
        if case .text(let text)? = self[field] { return text }
        return nil
    }

    func number(_ field: ProductField) -> Double? {
        if case .number(let number)? = self[field] { return number }
        return nil
    }

    func bool(_ field: ProductField) -> Bool? {
        if case .bool(let value)? = self[field] { return value }
        return nil
    }

    func list(_ field: ProductField) -> [String]? {
        if case .list(let items)? = self[field] { return items }
        return nil
    }

    func categories(_ field: ProductField) -> [Category]? {
        if case .categories(let categories)? = self[field] { return categories }
        return nil
    }

    func date(_ field: ProductField) -> Date? {
        if case .date(let date)? = self[field] { return date }
        return nil
    }
}

/// Why a value could not be mapped, in words for the rejection list.
struct MappingFailure: Error {
    var message: String

    init(message: String) {
        self.message = message
    }

    init(_ error: TransformError) {
        message = error.description
    }
}
