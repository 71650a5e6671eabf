import FeedSyncCore
import Foundation

/// A value moving through a field's transform pipeline.
public enum MappedValue: Sendable, Equatable {
    case text(String)
    case list([String])
    case number(Double)
    case bool(Bool)
    case categories([Category])
    case date(Date)

    /// The kinds of value, for checking a pipeline and naming types in errors.
    public enum Kind: String, Sendable {
        case text, list, number, bool, categories, date
    }

    /// This value's kind.
    public var kind: Kind {
        switch self {
        case .text: return .text
        case .list: return .list
        case .number: return .number
        case .bool: return .bool
        case .categories: return .categories
        case .date: return .date
        }
    }

    /// Whether the value carries nothing (empty text or list), so a fallback applies.
    public var isEmpty: Bool {
        switch self {
        case .text(let text): return text.isEmpty
        case .list(let items): return items.isEmpty
        case .categories(let categories): return categories.isEmpty
        case .number, .bool, .date: return false
        }
    }
}
