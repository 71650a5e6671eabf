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
    /// An amount taken off `price` for the sale (PrestaShop's `Discount amount`); used when
    /// there is no `sale_price`.
    case discountAmount = "discount_amount"
    /// A percentage taken off `price` for the sale (`Discount percent`); used when there is
    /// neither `sale_price` nor `discount_amount`.
    case discountPercent = "discount_percent"
    /// When the sale starts; before it, the sale price is not applied.
    case saleStart = "sale_start"
    /// When the sale ends; after it, the sale price is not applied. A date without a time
    /// includes that whole day.
    case saleEnd = "sale_end"
    /// The stock-keeping unit, when it differs from `pid` (AccessTrade's `sku`).
    case sku
    /// The description, as text (AccessTrade's `desc`).
    case description

    /// The fields without which a record cannot become a product.
    public static let required: [ProductField] = [.pid, .name, .url, .price]

    /// The kind of value the field holds once mapped.
    public var valueKind: MappedValue.Kind {
        switch self {
        case .pid, .name, .url, .sku, .description: return .text
        case .price, .oldPrice, .salePrice, .discountAmount, .discountPercent: return .number
        case .inStock: return .bool
        case .images: return .list
        case .categories: return .categories
        case .createdAt, .updatedAt, .saleStart, .saleEnd: return .date
        }
    }

    /// The field's position in ``allCases``, for storage indexed by field (spelled out:
    /// a lookup table would cost a hash per access).
    public var ordinal: Int {
        switch self {
        case .pid: 0
        case .name: 1
        case .url: 2
        case .price: 3
        case .oldPrice: 4
        case .salePrice: 5
        case .inStock: 6
        case .images: 7
        case .categories: 8
        case .createdAt: 9
        case .updatedAt: 10
        case .discountAmount: 11
        case .discountPercent: 12
        case .saleStart: 13
        case .saleEnd: 14
        case .sku: 15
        case .description: 16
        }
    }
}
