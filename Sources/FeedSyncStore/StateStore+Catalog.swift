import Foundation
import GRDB

extension StateStore {
    /// One page of the stored catalog, filtered and ordered by pid, selected in SQLite
    /// with bound parameters (filter values never become SQL text); the query's result
    /// list is kept in ``snapshots`` for its next pages.
    /// - Throws: ``StoreError``.
    public func catalogPage(_ query: CatalogQuery) throws -> CatalogPage {
        var conditions = ["p.destination = ?"]
        var arguments: [(any DatabaseValueConvertible)?] = [query.destination]
        for filter in query.product {
            let column = Self.sqlColumn(filter.column)
            if case .null = filter.value {
                conditions.append(filter.comparison == .equals ? "p.\(column) IS NULL" : "0")
                continue
            }
            let operation = switch filter.comparison {
            case .equals: "="
            case .atLeast: ">="
            case .atMost: "<="
            }
            // Times are stored in whole seconds: a bound with a fraction rounds inward, and an
            // exact time with a fraction matches nothing.
            if case .time(let date) = filter.value {
                let seconds = date.timeIntervalSince1970
                let whole = seconds.rounded(.down) == seconds
                switch filter.comparison {
                case .equals where !whole: conditions.append("0")
                case .atLeast: conditions.append("p.\(column) >= ?"); arguments.append(Int64(seconds.rounded(.up)))
                default: conditions.append("p.\(column) \(operation) ?"); arguments.append(Int64(seconds.rounded(.down)))
                }
                continue
            }
            conditions.append("p.\(column) \(operation) ?")
            arguments.append(Self.sqlValue(filter.value))
        }
        if !query.category.isEmpty {
            var inner = ["c.destination = p.destination", "c.pid = p.pid"]
            for filter in query.category {
                let column = "c.\(filter.column.rawValue)"
                if case .null = filter.value {
                    inner.append("\(column) IS NULL")
                } else {
                    inner.append("\(column) = ?")
                    arguments.append(Self.sqlValue(filter.value))
                }
            }
            conditions.append("EXISTS (SELECT 1 FROM product_category c WHERE \(inner.joined(separator: " AND ")))")
        }
        for filter in query.derived {
            let before = "COALESCE(p.old_price, p.price)"
            let amount = "MAX(0, \(before) - p.price)"
            let expression = switch filter.column {
            case .priceBeforePromotion: before
            case .discountAmount: amount
            case .discountRate: "(CASE WHEN \(before) > 0 THEN ROUND(\(amount) * 100.0 / \(before), 2) ELSE 0 END)"
            }
            let operation = switch filter.comparison {
            case .equals: "="
            case .atLeast: ">="
            case .atMost: "<="
            }
            conditions.append("\(expression) \(operation) ?")
            arguments.append(filter.value)
        }
        if let image = query.image {
            conditions.append("EXISTS (SELECT 1 FROM product_body b, json_each(b.body, '$.images') WHERE b.id = p.id AND value = ?)")
            arguments.append(image)
        }
        let whereClause = conditions.joined(separator: " AND ")
        let offset = (max(query.page, 1) - 1) * query.perPage
        let key = ([whereClause] + arguments.map { String(reflecting: $0) }).joined(separator: "\u{1F}")
        return try read("read the catalog") { db in
            let version = try Int64.fetchOne(db, sql: "SELECT version FROM catalog_version") ?? 0
            let ids = try snapshots.ids(for: key, version: version, page: query.page) {
                try Int64.fetchAll(
                    db, sql: "SELECT p.id FROM product p WHERE \(whereClause) ORDER BY p.pid", arguments: StatementArguments(arguments))
            }
            var bodies: [String] = []
            if offset < ids.count {
                let statement = try db.cachedStatement(sql: "SELECT body FROM product_body WHERE id = ?")
                for id in ids[offset..<min(ids.count, offset + query.perPage)] {
                    if let body = try String.fetchOne(statement, arguments: [id]) { bodies.append(body) }
                }
            }
            return CatalogPage(total: ids.count, bodies: bodies)
        }
    }

    /// How many products the store holds for `destination`.
    /// - Throws: ``StoreError``.
    public func catalogSize(destination: String) throws -> Int {
        try read("count the catalog") { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM product WHERE destination = ?", arguments: [destination]) ?? 0
        }
    }

    /// Whether the store answers a query (for `/healthz`).
    public func isReachable() -> Bool {
        (try? read("check the store") { db in try Int.fetchOne(db, sql: "SELECT 1") }) == 1
    }

    private static func sqlColumn(_ column: CatalogQuery.ProductColumn) -> String {
        column.rawValue
    }

    private static func sqlValue(_ value: CatalogQuery.Value) -> (any DatabaseValueConvertible)? {
        switch value {
        case .text(let text): return text
        case .number(let number): return number
        case .bool(let flag): return flag ? 1 : 0
        case .time(let date): return Int64(date.timeIntervalSince1970.rounded(.down))
        case .null: return nil
        }
    }
}
