import FeedSyncCore
import Foundation

/// The deterministic catalog the webhook tests serve: 250 products with varied prices,
/// `old_price` null or not, stock mixed, 0 to 3 images (one image shared by several
/// products), categories from a three-level tree with exactly one primary each, varied
/// times, Persian names and category names, duplicated names, prices and update times,
/// and URLs holding `?`, `&` and `=`.
enum WebhookCatalog {
    /// The category tree: cid → (name, url, parent).
    static let tree: [String: FeedSyncCore.Category] = {
        let nodes: [(String, String, String?)] = [
            ("10", "کالای دیجیتال", nil),
            ("11", "موبایل", "10"),
            ("111", "گوشی اندروید", "11"),
            ("112", "Phone cases", "11"),
            ("12", "Laptops", "10"),
            ("20", "Home & Kitchen", nil),
            ("21", "Kitchen", "20"),
            ("211", "Cookware", "21"),
            ("22", "Furniture", "20"),
            ("30", "کتاب", nil),
        ]
        var tree: [String: FeedSyncCore.Category] = [:]
        for (cid, name, parent) in nodes {
            tree[cid] = FeedSyncCore.Category(cid: cid, name: name, url: "https://shop.example/category/\(cid)?sort=new", parentCid: parent)
        }
        return tree
    }()

    /// The leaves products are filed under.
    static let leaves = ["111", "112", "12", "211", "22", "30"]

    /// The chain from the root down to `cid`.
    static func path(to cid: String) -> [String] {
        var chain = [cid]
        while let parent = tree[chain[0]]?.parentCid { chain.insert(parent, at: 0) }
        return chain
    }

    static let sharedImage = "https://cdn.shop.example/img/sale-badge.png"
    static let sharedUpdate = Date(timeIntervalSince1970: 1_717_243_200)  // 2024-06-01T12:00:00Z
    static let sharedName = "Gift card"
    static let sharedPrice = 250_000.0
    static let punctuatedName = "T-shirt (L) & cap = 100% cotton"

    static func persianDigits(_ number: Int) -> String {
        String(String(number).map { Character(Unicode.Scalar(0x06F0 + UInt32(String($0))!)!) })
    }

    /// Product number `i` (1...250).
    static func product(_ i: Int) -> Product {
        let pid = i % 50 == 0 ? "X\(i)" : "SKU-" + String(repeating: "0", count: 4 - String(i).count) + String(i)
        let name: String
        switch i {
        case 200...204: name = sharedName
        case 77: name = punctuatedName
        case _ where i % 5 == 0: name = "گوشی سامسونگ مدل \(persianDigits(i))"
        default: name = "Product \(i) \(["Blue", "Red", "Green", "Black"][i % 4])"
        }
        let url = i % 2 == 0 ? "https://shop.example/product/\(i)?color=red&size=\(i % 3)" : "https://shop.example/product/\(i)"
        var price = Double((i * 7_919) % 90_000 * 10 + 10_000)
        if i % 7 == 0 { price += 0.5 }
        if (120...124).contains(i) { price = sharedPrice }
        let oldPrice: Double? = i % 3 == 0 ? nil : price + Double((i % 5 + 1) * 1_000)
        var images = (0..<(i % 4)).map { "https://cdn.shop.example/img/\(i)-\($0).jpg" }
        if i % 10 == 0 { images.append(sharedImage) }
        var categories: [FeedSyncCore.Category] = []
        if i % 17 != 0 {
            let chain = path(to: leaves[i % leaves.count])
            let cids: [String] = switch i % 3 {
            case 0: chain
            case 1: [chain[chain.count - 1]]
            default: Array(Set([chain[0], chain[chain.count - 1]])).sorted()
            }
            categories = cids.map { tree[$0]! }
            if i % 2 == 0 { categories.reverse() }
            categories[(i / 5) % categories.count].isPrimary = true
        }
        let created = Date(timeIntervalSince1970: 1_672_531_200 + Double(i * 86_400 + (i * 37) % 3_600))
        var updated = created.addingTimeInterval(Double((i % 11) * 18_000 + (i * 13) % 60))
        if (230...233).contains(i) { updated = sharedUpdate }
        return Product(
            pid: pid, name: name, url: url, price: price, oldPrice: oldPrice, inStock: i % 4 != 1,
            images: images, categories: categories, createdAt: created, updatedAt: updated)
    }

    /// The whole catalog, by product number.
    static let products: [Product] = (1...250).map(product)

    /// The catalog in the order it is ingested: shuffled, so that only the server's own
    /// ordering can list it by pid.
    static let ingestOrder: [Product] = (1...250).sorted { ($0 * 97) % 251 < ($1 * 97) % 251 }.map { products[$0 - 1] }

    /// The product with number `i`.
    static func numbered(_ i: Int) -> Product { products[i - 1] }

    /// The pids of the products matching `predicate`, in the order the webhook lists them
    /// (by pid, byte-wise as SQLite compares text).
    static func expectedPids(where predicate: (Product) -> Bool) -> [String] {
        sortedByPid(products.filter(predicate).map(\.pid))
    }

    static func sortedByPid(_ pids: [String]) -> [String] {
        pids.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// `count` simple products, for catalogs of other sizes.
    static func plain(count: Int) -> [Product] {
        (0..<count).map { i in
            Product(
                pid: "P\(100_000 + i)", name: "Plain \(i)", url: "https://shop.example/plain/\(i)", price: Double(1_000 + i),
                createdAt: Date(timeIntervalSince1970: 1_700_000_000), updatedAt: Date(timeIntervalSince1970: 1_700_000_000))
        }
    }
}

/// Percent-encodes `text` for a query value: everything but unreserved characters.
func queryEncoded(_ text: String) -> String {
    let allowed = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
    return text.addingPercentEncoding(withAllowedCharacters: allowed)!
}

/// A decoded webhook answer.
struct WebhookAnswer: Sendable {
    var products: [Product]
    var meta: Page
    /// The answer as a generic JSON value, for shape checks.
    var json: JSONValue

    init(_ bytes: [UInt8]) throws {
        struct Body: Decodable {
            struct Products: Decodable { var products: [Product] }
            struct Meta: Decodable { var page: Page }
            var data: Products
            var meta: Meta
        }
        let data = Data(bytes)
        let body = try JSONDecoder().decode(Body.self, from: data)
        products = body.data.products
        meta = body.meta.page
        json = try JSONDecoder().decode(JSONValue.self, from: data)
    }
}

/// Any JSON value, keeping the exact JSON type (a `1` is a number, not a boolean).
enum JSONValue: Decodable, Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    init(parsing bytes: [UInt8]) throws {
        self = try JSONDecoder().decode(JSONValue.self, from: Data(bytes))
    }

    subscript(key: String) -> JSONValue? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    var keys: Set<String>? {
        if case .object(let members) = self { return Set(members.keys) }
        return nil
    }

    var array: [JSONValue]? {
        if case .array(let items) = self { return items }
        return nil
    }

    var string: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    var isBool: Bool {
        if case .bool = self { return true }
        return false
    }

    var isNumber: Bool {
        if case .number = self { return true }
        return false
    }

    var isString: Bool {
        if case .string = self { return true }
        return false
    }
}
