import FeedSyncCore
import Foundation

/// Field values gathered while mapping one record.
struct FieldValues: Sendable {
    private var storage: [ProductField: MappedValue] = [:]

    subscript(field: ProductField) -> MappedValue? {
        get { storage[field] }
        set { storage[field] = newValue }
    }

    func text(_ field: ProductField) -> String? {
        if case .text(let text)? = storage[field] { return text }
        return nil
    }

    func number(_ field: ProductField) -> Double? {
        if case .number(let number)? = storage[field] { return number }
        return nil
    }

    func bool(_ field: ProductField) -> Bool? {
        if case .bool(let value)? = storage[field] { return value }
        return nil
    }

    func list(_ field: ProductField) -> [String]? {
        if case .list(let items)? = storage[field] { return items }
        return nil
    }

    func categories(_ field: ProductField) -> [Category]? {
        if case .categories(let categories)? = storage[field] { return categories }
        return nil
    }

    func date(_ field: ProductField) -> Date? {
        if case .date(let date)? = storage[field] { return date }
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
