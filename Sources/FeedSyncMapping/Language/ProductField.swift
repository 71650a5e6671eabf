/// The Product fields a mapping can fill, with the type each one ends as.
public enum ProductField: String, Sendable, CaseIterable {
    case pid, name, url, price
    case oldPrice = "old_price"
    /// A sale price: when present and lower than `price`, it becomes `price` and the
    /// regular price becomes `old_price`.
    case salePrice = "sale_price"
    case inStock = "in_stock"
    case images, categories
    case createdAt = "created_at"
    case updatedAt = "updated_at"

    /// The fields without which a record cannot become a product.
    public static let required: [ProductField] = [.pid, .name, .url, .price]

    /// The kind of value the field holds once mapped.
    public var valueKind: MappedValue.Kind {
        switch self {
        case .pid, .name, .url: return .text
        case .price, .oldPrice, .salePrice: return .number
        case .inStock: return .bool
        case .images: return .list
        case .categories: return .categories
        case .createdAt, .updatedAt: return .date
        }
    }
}
