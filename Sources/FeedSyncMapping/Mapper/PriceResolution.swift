import Foundation

/// Decides a record's `price` and `old_price` from its price fields, and what looked wrong.
///
/// - The sale comes from `sale_price`, else `price − discount_amount`, else
///   `price × (1 − discount_percent / 100)` (rounded to cents).
/// - Outside its `sale_start`…`sale_end` window the sale is not applied (no warning: an
///   ended promotion is normal). A `sale_end` at midnight includes that whole day, since
///   exports write the last day of a sale as a date.
/// - A sale lower than the price becomes `price`, and the regular price becomes
///   `old_price` unless the record gives one. A sale equal to the price changes nothing.
/// - A sale above the price, or of zero or less, is ignored with a warning.
/// - An `old_price` not above the final price is dropped with a warning: Affili would
///   show it as a discount that is not one.
struct PriceResolution {
    var price: Double
    var oldPrice: Double?
    var warnings: [(field: ProductField, reason: String)] = []

    init(price regular: Double, values: FieldValues, now: Date, timeZone: TimeZone?) {
        price = regular
        oldPrice = values.number(.oldPrice)
        if let (sale, field) = Self.sale(of: regular, values), Self.isRunning(values, now: now, timeZone: timeZone) {
            if sale <= 0 {
                warnings.append((field, "the sale price \(Self.text(sale)) is not above zero; ignored"))
            } else if sale > regular {
                warnings.append((field, "the sale price \(Self.text(sale)) is higher than the price \(Self.text(regular)); ignored"))
            } else if sale < regular {
                if oldPrice == nil { oldPrice = regular }
                price = sale
            }
        }
        if let old = oldPrice, old <= price {
            warnings.append((.oldPrice, "old_price \(Self.text(old)) is not above the price \(Self.text(price)); dropped"))
            oldPrice = nil
        }
    }

    private static func sale(of price: Double, _ values: FieldValues) -> (Double, ProductField)? {
        if let sale = values.number(.salePrice) { return (sale, .salePrice) }
        if let amount = values.number(.discountAmount), amount > 0 { return (price - amount, .discountAmount) }
        if let percent = values.number(.discountPercent), percent > 0 {
            return (((price * (100 - percent)) / 100 * 100).rounded() / 100, .discountPercent)
        }
        return nil
    }

    private static func isRunning(_ values: FieldValues, now: Date, timeZone: TimeZone?) -> Bool {
        if let start = values.date(.saleStart), now < start { return false }
        guard var end = values.date(.saleEnd) else { return true }
        let offset = timeZone.map { Double($0.secondsFromGMT(for: end)) } ?? 0
        if (end.timeIntervalSince1970 + offset).truncatingRemainder(dividingBy: 86_400) == 0 { end += 86_400 }
        return now < end
    }

    /// A price as a person writes it: `1250`, `17.99`.
    static func text(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
