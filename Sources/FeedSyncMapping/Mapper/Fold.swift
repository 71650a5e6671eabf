import Foundation

/// Combines the values of a group's rows into one product's values (`variants: fold`).
///
/// - `pid` is the group key.
/// - `price` (with its `old_price` and sale) is that of the variant with the lowest final
///   price among those in stock, or among all when none is; ties go to the earlier row.
/// - `in_stock` is true when any variant is in stock.
/// - `images` are every row's images in row order, each once (image rows included).
/// - `updated_at` is the latest of the rows'.
/// - Every other field comes from the first row that has it (the product row).
enum Fold {
    /// The fields that travel together with the chosen variant's price.
    private static let priceFields: [ProductField] = [
        .price, .oldPrice, .salePrice, .discountAmount, .discountPercent, .saleStart, .saleEnd,
    ]

    /// - Parameters:
    ///   - key: the group key, the product's pid.
    ///   - variants: the values of the group's variant rows, in row order; not empty.
    ///   - rows: the values of every usable row, image rows included, in row order.
    ///   - now: the run's time, for sale windows.
    ///   - timeZone: the mapping's zone, for sale windows.
    static func combine(key: String, variants: [FieldValues], rows: [FieldValues], now: Date, timeZone: TimeZone?) -> FieldValues {
        var result = FieldValues()
        for field in ProductField.allCases where field != .images && field != .updatedAt {
            result[field] = variants.first { $0[field] != nil }?[field]
        }
        result[.pid] = .text(key)
        if let chosen = cheapest(variants, now: now, timeZone: timeZone) {
            for field in priceFields { result[field] = chosen[field] }
        }
        result[.inStock] = .bool(variants.contains { $0.bool(.inStock) ?? true })
        var seen: Set<String> = []
        result[.images] = .list(rows.flatMap { $0.list(.images) ?? [] }.filter { seen.insert($0).inserted })
        if let latest = variants.compactMap({ $0.date(.updatedAt) }).max() { result[.updatedAt] = .date(latest) }
        return result
    }

    private static func cheapest(_ variants: [FieldValues], now: Date, timeZone: TimeZone?) -> FieldValues? {
        var best: (values: FieldValues, inStock: Bool, price: Double)?
        for values in variants {
            guard let price = values.number(.price) else { continue }
            let final = PriceResolution(price: price, values: values, now: now, timeZone: timeZone).price
            let inStock = values.bool(.inStock) ?? true
            if let current = best, (current.inStock && !inStock) || (current.inStock == inStock && current.price <= final) { continue }
            best = (values, inStock, final)
        }
        return best?.values
    }
}
