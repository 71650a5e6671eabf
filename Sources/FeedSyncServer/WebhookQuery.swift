import FeedSyncCore
import FeedSyncStore
import Foundation

/// Reads the Affili webhook's query parameters into a ``CatalogQuery``.
///
/// `page` (default 1) and `per_page` (default 100; larger than 1000 is clamped to 1000,
/// Affili's maximum, so a puller asking for more still gets a valid page). Exact filters
/// on every Product field (`pid`, `name`, `url`, `price`, `old_price`, `in_stock`, `image`,
/// `created_at`, `updated_at`) and Category field (`cid`, `parent_cid`, `is_primary`,
/// `category_name`, `category_url`: the category's `name` and `url`, since `name` and `url`
/// mean the product's), plus the ranges `min_`/`max_` of `price`, `old_price`,
/// `last_update` (the product's `updated_at`) and `created_at`. Unknown parameters are
/// ignored, because Affili may add some.
enum WebhookQuery {
    static let defaultPerPage = 100

    static func parse(_ parameters: [(String, String)], destination: String) throws(ParameterError) -> CatalogQuery {
        var query = CatalogQuery(destination: destination, page: 1, perPage: defaultPerPage)
        for (name, raw) in parameters {
            let value = raw.trimmingCharacters(in: .whitespaces)
            switch name {
            case "page":
                query.page = try positiveInt(value, name)
            case "per_page":
                // Any size above the maximum, however large, is clamped rather than refused.
                let digitsOnly = !value.isEmpty && value.allSatisfy(\.isASCII) && value.allSatisfy(\.isNumber)
                query.perPage = digitsOnly && value.count > 4 && value.contains(where: { $0 != "0" })
                    ? Page.maximumPerPage : min(try positiveInt(value, name), Page.maximumPerPage)
            case "pid", "name", "url":
                query.product.append((CatalogQuery.ProductColumn(rawValue: name) ?? .pid, .equals, .text(raw)))
            case "price", "old_price":
                let column: CatalogQuery.ProductColumn = name == "price" ? .price : .oldPrice
                let number: CatalogQuery.Value = name == "old_price" && value == "null" ? .null : .number(try ParameterError.number(value, name))
                query.product.append((column, .equals, number))
            case "min_price", "max_price", "min_old_price", "max_old_price":
                let column: CatalogQuery.ProductColumn = name.hasSuffix("old_price") ? .oldPrice : .price
                query.product.append((column, name.hasPrefix("min_") ? .atLeast : .atMost, .number(try ParameterError.number(value, name))))
            case "in_stock":
                query.product.append((.inStock, .equals, .bool(try bool(value, name))))
            case "created_at", "updated_at", "last_update":
                let column: CatalogQuery.ProductColumn = name == "created_at" ? .createdAt : .updatedAt
                query.product.append((column, .equals, .time(try time(value, name))))
            case "min_last_update", "max_last_update", "min_updated_at", "max_updated_at", "min_created_at", "max_created_at":
                let column: CatalogQuery.ProductColumn = name.hasSuffix("created_at") ? .createdAt : .updatedAt
                query.product.append((column, name.hasPrefix("min_") ? .atLeast : .atMost, .time(try time(value, name))))
            case "image", "images":
                query.image = raw
            case "cid":
                query.category.append((.cid, .text(raw)))
            case "parent_cid":
                query.category.append((.parentCid, value.isEmpty || value == "null" ? .null : .text(raw)))
            case "is_primary":
                query.category.append((.isPrimary, .bool(try bool(value, name))))
            case "category_name", "category_url":
                query.category.append((name == "category_name" ? .name : .url, .text(raw)))
            default:
                continue
            }
        }
        return query
    }

    private static func positiveInt(_ value: String, _ name: String) throws(ParameterError) -> Int {
        guard let number = Int(value), number >= 1, number <= 100_000_000 else {
            throw ParameterError(parameter: name, message: "expected a whole number of at least 1, got '\(value.prefix(40))'")
        }
        return number
    }

    private static func bool(_ value: String, _ name: String) throws(ParameterError) -> Bool {
        switch value.lowercased() {
        case "1", "true": return true
        case "0", "false": return false
        default: throw ParameterError(parameter: name, message: "expected true, false, 1 or 0, got '\(value.prefix(40))'")
        }
    }

    private static func time(_ value: String, _ name: String) throws(ParameterError) -> Date {
        guard let date = Timestamp.parse(value) else {
            throw ParameterError(
                parameter: name,
                message: "expected an ISO-8601 time (2024-05-01T10:20:30+03:30) or epoch seconds, got '\(value.prefix(40))'")
        }
        return date
    }
}
