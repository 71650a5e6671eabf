import FeedSyncCore
import FeedSyncStore
import Foundation

/// Reads AccessTrade's datafeed query parameters (api-reference section 2) into a
/// ``CatalogQuery``.
///
/// `campaign` and `domain` must name this shop's (anything else matches nothing);
/// `price_from`/`price_to` compare the price before promotion, `discount_from`/`discount_to`
/// the price after it, `discount_amount_*` and `discount_rate_*` the difference;
/// `status_discount` is 1 for discounted products; `update_from`/`update_to` are days as
/// `dd-MM-yyyy` in the shop's AccessTrade time zone, both inclusive. `limit` defaults to 50
/// and is clamped to 200; `page` defaults to 1.
enum DatafeedQuery {
    static let defaultLimit = 50
    static let maximumLimit = 200

    static func parse(_ parameters: [(String, String)], destination: String, campaign: String, domain: String, timeZone: TimeZone) throws(ParameterError) -> CatalogQuery {
        var query = CatalogQuery(destination: destination, page: 1, perPage: defaultLimit)
        for (name, raw) in parameters {
            let value = raw.trimmingCharacters(in: .whitespaces)
            switch name {
            case "page": query.page = try positiveInt(value, name)
            case "limit": query.perPage = min(try positiveInt(value, name), maximumLimit)
            case "campaign", "domain":
                let expected = name == "campaign" ? campaign : domain
                if value.caseInsensitiveCompare(expected) != .orderedSame { query.product.append((.pid, .equals, .null)) }
            case "price_from", "price_to":
                query.derived.append((.priceBeforePromotion, name.hasSuffix("from") ? .atLeast : .atMost, try ParameterError.number(value, name)))
            case "discount_from", "discount_to":
                query.product.append((.price, name.hasSuffix("from") ? .atLeast : .atMost, .number(try ParameterError.number(value, name))))
            case "discount_amount_from", "discount_amount_to":
                query.derived.append((.discountAmount, name.hasSuffix("from") ? .atLeast : .atMost, try ParameterError.number(value, name)))
            case "discount_rate_from", "discount_rate_to":
                query.derived.append((.discountRate, name.hasSuffix("from") ? .atLeast : .atMost, try ParameterError.number(value, name)))
            case "status_discount":
                switch value {
                case "1": query.derived.append((.discountAmount, .atLeast, 0.000_001))
                case "0": query.derived.append((.discountAmount, .atMost, 0))
                default: throw ParameterError(parameter: name, message: "expected 0 or 1, got '\(value.prefix(40))'")
                }
            case "update_from", "update_to":
                let start = try day(value, name, timeZone: timeZone)
                if name == "update_from" {
                    query.product.append((.updatedAt, .atLeast, .time(start)))
                } else {
                    query.product.append((.updatedAt, .atMost, .time(start.addingTimeInterval(86_399))))
                }
            default:
                continue
            }
        }
        return query
    }

    private static func positiveInt(_ value: String, _ name: String) throws(ParameterError) -> Int {
        if !value.isEmpty, value.count > 6, value.allSatisfy(\.isASCII), value.allSatisfy(\.isNumber) { return 1_000_000 }
        guard let number = Int(value), number >= 1 else {
            throw ParameterError(parameter: name, message: "expected a whole number of at least 1, got '\(value.prefix(40))'")
        }
        return number
    }

    /// The first second of a `dd-MM-yyyy` day in `timeZone`.
    private static func day(_ value: String, _ name: String, timeZone: TimeZone) throws(ParameterError) -> Date {
        let parts = value.split(separator: "-")
        guard parts.count == 3, let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2]),
              parts[2].count == 4, let date = Timestamp.parse(String(format: "%04d-%02d-%02d", year, month, day))
        else {
            throw ParameterError(parameter: name, message: "expected a day as dd-MM-yyyy (like 08-09-2017), got '\(value.prefix(40))'")
        }
        return date.addingTimeInterval(-Double(timeZone.secondsFromGMT(for: date)))
    }
}
