import Foundation

/// A page of the stored catalog with filters, as the Affili webhook asks for it.
///
/// Every filter is an exact match except the ranges; all of them combine with AND.
/// Category filters must all hold for one and the same category of the product.
public struct CatalogQuery: Sendable, Equatable {
    /// A comparison on a product column.
    public enum Comparison: Sendable, Equatable {
        case equals
        case atLeast
        case atMost
    }

    /// A product field a filter can compare.
    public enum ProductColumn: String, Sendable, CaseIterable {
        case pid, name, url, price
        case oldPrice = "old_price"
        case inStock = "in_stock"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }

    /// A category field a filter can compare.
    public enum CategoryColumn: String, Sendable, CaseIterable {
        case cid, name, url
        case parentCid = "parent_cid"
        case isPrimary = "is_primary"
    }

    /// A value computed from a product's prices, as AccessTrade's datafeed shows them.
    public enum DerivedColumn: String, Sendable, CaseIterable {
        /// The price before promotion: `old_price` when there is one, else `price`.
        case priceBeforePromotion
        /// The price before promotion less the price, never below 0.
        case discountAmount
        /// The discount as a percentage of the price before promotion, two decimals.
        case discountRate
    }

    /// A filter value: text, a number, a boolean, a time, or SQL NULL (`old_price=null`).
    public enum Value: Sendable, Equatable {
        case text(String)
        case number(Double)
        case bool(Bool)
        case time(Date)
        case null
    }

    /// The destination whose catalog is served.
    public var destination: String
    /// 1-based page number.
    public var page: Int
    /// Products per page.
    public var perPage: Int
    /// Conditions on the product.
    public var product: [(column: ProductColumn, comparison: Comparison, value: Value)]
    /// Conditions one of the product's categories must meet together.
    public var category: [(column: CategoryColumn, value: Value)]
    /// An image URL the product must have.
    public var image: String?
    /// Conditions on values computed from the prices.
    public var derived: [(column: DerivedColumn, comparison: Comparison, value: Double)] = []

    /// Creates a query with no filters.
    public init(destination: String, page: Int = 1, perPage: Int = 100) {
        self.destination = destination
        self.page = page
        self.perPage = perPage
        product = []
        category = []
    }

    public static func == (lhs: CatalogQuery, rhs: CatalogQuery) -> Bool {
        lhs.destination == rhs.destination && lhs.page == rhs.page && lhs.perPage == rhs.perPage && lhs.image == rhs.image
            && lhs.product.elementsEqual(rhs.product) { $0.column == $1.column && $0.comparison == $1.comparison && $0.value == $1.value }
            && lhs.category.elementsEqual(rhs.category) { $0.column == $1.column && $0.value == $1.value }
            && lhs.derived.elementsEqual(rhs.derived) { $0.column == $1.column && $0.comparison == $1.comparison && $0.value == $1.value }
    }
}

/// One page of the stored catalog.
public struct CatalogPage: Sendable {
    /// The products matching the query, all pages together.
    public var total: Int
    /// The page's products as Affili JSON, in pid order.
    public var bodies: [String]
}
