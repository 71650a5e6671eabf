import FeedSyncCore

/// The categories read from one category cell, ready for ``FeedSyncCore/Product/categories``.
public struct ParsedCategories: Sendable, Hashable {
    /// Every category of every path, root first, each `cid` once, in the order first met.
    /// Exactly one is primary when the list is not empty.
    public var categories: [Category]

    /// Creates a result.
    /// - Parameter categories: the categories, exactly one primary unless empty.
    public init(categories: [Category]) {
        self.categories = categories
    }

    /// The primary category: the leaf of the deepest path.
    public var primary: Category? {
        categories.first(where: \.isPrimary)
    }

    /// Whether the cell held no category.
    public var isEmpty: Bool {
        categories.isEmpty
    }
}
