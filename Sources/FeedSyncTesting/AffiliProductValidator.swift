import FeedSyncCore
import Foundation

/// Checks Affili products as `JSONSerialization` objects, with the JSON types the
/// Affili document gives, strictly: a stand-in that accepted `"1000"` for a price or `1`
/// for a boolean would let the client's mistakes through to the real service.
///
/// Unknown keys are ignored, as JSON APIs commonly do.
public enum AffiliProductValidator {
    /// The problems with one product, each prefixed with `path` (e.g. `products[3]`).
    /// - Parameters:
    ///   - value: the product as `JSONSerialization` returned it.
    ///   - path: where the product is in the body, for the messages.
    /// - Returns: one message per problem; empty when the product is valid.
    public static func problems(in value: Any, at path: String) -> [String] {
        guard let product = value as? [String: Any] else {
            return ["\(path): expected an object, got \(JSONType.of(value))"]
        }
        var problems: [String] = []
        func check(_ key: String, _ expected: JSONType, nullable: Bool = false) {
            guard let field = product[key] else {
                problems.append("\(path).\(key): missing")
                return
            }
            let actual = JSONType.of(field)
            if actual == expected || (nullable && actual == .null) { return }
            problems.append("\(path).\(key): expected \(expected)\(nullable ? " or null" : ""), got \(actual)")
        }
        check("pid", .string)
        if let pid = product["pid"] as? String, pid.isEmpty { problems.append("\(path).pid: empty") }
        check("name", .string)
        check("url", .string)
        check("price", .number)
        check("old_price", .number, nullable: true)
        check("in_stock", .boolean)
        check("images", .array)
        if let images = product["images"] as? [Any] {
            for (index, image) in images.enumerated() where JSONType.of(image) != .string {
                problems.append("\(path).images[\(index)]: expected string, got \(JSONType.of(image))")
            }
        }
        check("categories", .array)
        if let categories = product["categories"] as? [Any] {
            for (index, category) in categories.enumerated() {
                problems += categoryProblems(in: category, at: "\(path).categories[\(index)]")
            }
        }
        for key in ["created_at", "updated_at"] {
            check(key, .string)
            if let text = product[key] as? String, !isISO8601WithOffset(text) {
                problems.append(
                    "\(path).\(key): expected an ISO-8601 time with an offset "
                        + "(e.g. 2024-05-01T10:20:30+03:30 or ...Z), got \"\(text.prefix(40))\"")
            }
        }
        return problems
    }

    private static func categoryProblems(in value: Any, at path: String) -> [String] {
        guard let category = value as? [String: Any] else {
            return ["\(path): expected an object, got \(JSONType.of(value))"]
        }
        var problems: [String] = []
        for (key, expected, nullable) in [
            ("cid", JSONType.string, false), ("name", .string, false), ("url", .string, false),
            ("parent_cid", .string, true), ("is_primary", .boolean, false),
        ] {
            guard let field = category[key] else {
                problems.append("\(path).\(key): missing")
                continue
            }
            let actual = JSONType.of(field)
            if actual != expected, !(nullable && actual == .null) {
                problems.append("\(path).\(key): expected \(expected)\(nullable ? " or null" : ""), got \(actual)")
            }
        }
        return problems
    }

    /// Whether `text` is `yyyy-MM-ddTHH:mm:ss[.fraction]` followed by `Z` or `±hh:mm`,
    /// and a real calendar time.
    /// - Parameter text: the value to check.
    /// - Returns: `true` for a valid time with an offset.
    public static func isISO8601WithOffset(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        func digits(_ range: Range<Int>) -> Bool {
            range.upperBound <= bytes.count && bytes[range].allSatisfy { $0 >= 48 && $0 <= 57 }
        }
        func byte(_ index: Int, _ character: Unicode.Scalar) -> Bool {
            index < bytes.count && bytes[index] == UInt8(ascii: character)
        }
        guard digits(0..<4), byte(4, "-"), digits(5..<7), byte(7, "-"), digits(8..<10), byte(10, "T"),
              digits(11..<13), byte(13, ":"), digits(14..<16), byte(16, ":"), digits(17..<19)
        else { return false }
        var index = 19
        if byte(index, ".") {
            index += 1
            let start = index
            while digits(index..<(index + 1)) { index += 1 }
            guard index > start else { return false }
        }
        let offsetIsValid: Bool
        if byte(index, "Z") {
            offsetIsValid = index + 1 == bytes.count
        } else if byte(index, "+") || byte(index, "-") {
            offsetIsValid = index + 6 == bytes.count && digits((index + 1)..<(index + 3)) && byte(index + 3, ":")
                && digits((index + 4)..<(index + 6))
        } else {
            offsetIsValid = false
        }
        // Timestamp.parse checks the calendar (month 13, 30 February) and field ranges.
        return offsetIsValid && Timestamp.parse(text) != nil
    }
}

/// The JSON type of a `JSONSerialization` value.
public enum JSONType: String, Sendable, CustomStringConvertible {
    /// A JSON string.
    case string
    /// A JSON number.
    case number
    /// `true` or `false`.
    case boolean
    /// `null`.
    case null
    /// A JSON array.
    case array
    /// A JSON object.
    case object

    /// The type name as used in messages.
    public var description: String { rawValue }

    /// The JSON type of `value`.
    ///
    /// Booleans and numbers both come out of `JSONSerialization` as `NSNumber`, and on
    /// Linux `NSNumber(1) is Bool` is true, so `is Bool` cannot tell them apart. A JSON
    /// boolean is the boolean subclass of `NSNumber` (`__NSCFBoolean`); comparing the
    /// runtime class with that of a known boolean works on Linux and Darwin alike.
    /// - Parameter value: a value from `JSONSerialization.jsonObject(with:)`.
    /// - Returns: its JSON type.
    public static func of(_ value: Any) -> JSONType {
        if value is NSNull { return .null }
        if value is String { return .string }
        if let number = value as? NSNumber {
            return ObjectIdentifier(type(of: number)) == booleanClass ? .boolean : .number
        }
        if value is [Any] { return .array }
        if value is [String: Any] { return .object }
        // JSONSerialization produces nothing else; report a type a reader will notice.
        return .null
    }

    private static let booleanClass = ObjectIdentifier(type(of: NSNumber(value: true)))
}
