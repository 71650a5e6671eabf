import FeedSyncCore
import Foundation
import Testing

/// What real senders put in Affili-shaped JSON, and what the models make of it.
struct LenientDecodingTests {
    /// A product object with `fields` replacing or adding to a valid base; a `nil` value removes the key.
    private func productJSON(_ fields: [String: String?]) -> String {
        var base: [(String, String?)] = [
            ("pid", #""p1""#), ("name", #""Kettle""#), ("url", #""https://shop.example/p1""#), ("price", "1200"),
            ("old_price", "1500"), ("in_stock", "true"), ("images", #"["https://shop.example/1.jpg"]"#),
            ("categories", "[]"), ("created_at", #""2024-05-01T10:20:30+00:00""#),
            ("updated_at", #""2024-05-01T10:20:30+00:00""#),
        ]
        for (key, value) in fields {
            if let index = base.firstIndex(where: { $0.0 == key }) { base[index].1 = value } else { base.append((key, value)) }
        }
        let members = base.compactMap { key, value in value.map { "\"\(key)\":\($0)" } }
        return "{" + members.joined(separator: ",") + "}"
    }

    private func decodeProduct(_ fields: [String: String?]) throws -> Product {
        try JSONDecoder().decode(Product.self, from: Data(productJSON(fields).utf8))
    }

    private func decodeCategory(_ json: String) throws -> Category {
        try JSONDecoder().decode(Category.self, from: Data(json.utf8))
    }

    @Test("in_stock accepts booleans, 0/1 and their text forms", arguments: [
        ("true", true), ("false", false), ("1", true), ("0", false),
        (#""true""#, true), (#""false""#, false), (#""1""#, true), (#""0""#, false), (#""TRUE""#, true),
    ])
    func inStockForms(json: String, value: Bool) throws {
        #expect(try decodeProduct(["in_stock": json]).inStock == value)
    }

    @Test("in_stock refuses values that are not a boolean", arguments: [#""maybe""#, "2", "-1", "0.5", "null", "[]"])
    func inStockRefused(json: String) {
        #expect(throws: DecodingError.self) { try decodeProduct(["in_stock": json]) }
    }

    @Test("in_stock is required")
    func inStockMissing() {
        #expect(throws: DecodingError.self) { try decodeProduct(["in_stock": nil]) }
    }

    @Test("is_primary accepts 0/1 and booleans", arguments: [("1", true), ("0", false), ("true", true), (#""false""#, false)])
    func isPrimaryForms(json: String, value: Bool) throws {
        let category = try decodeCategory(#"{"cid":"1","name":"A","url":"u","parent_cid":null,"is_primary":\#(json)}"#)
        #expect(category.isPrimary == value)
    }

    @Test("a missing is_primary means not primary")
    func isPrimaryMissing() throws {
        #expect(try decodeCategory(#"{"cid":"1","name":"A","url":"u"}"#).isPrimary == false)
    }

    @Test("price accepts numbers and numbers in text", arguments: [
        ("1200", 1200.0), (#""1200""#, 1200), (#"" 19.99 ""#, 19.99), ("19.99", 19.99), (#""1e3""#, 1000),
    ])
    func priceForms(json: String, value: Double) throws {
        #expect(try decodeProduct(["price": json]).price == value)
    }

    @Test("price refuses text that is not a number, and a missing price", arguments: [
        #""abc""#, #""12,5""#, #""NaN""#, #""inf""#, #""""#, "null", "true",
    ])
    func priceRefused(json: String) {
        #expect(throws: DecodingError.self) { try decodeProduct(["price": json]) }
    }

    @Test("price is required")
    func priceMissing() {
        #expect(throws: DecodingError.self) { try decodeProduct(["price": nil]) }
    }

    @Test("a numeric pid becomes its decimal text")
    func numericPid() throws {
        #expect(try decodeProduct(["pid": "123"]).pid == "123")
    }

    @Test("a numeric cid becomes its decimal text")
    func numericCid() throws {
        #expect(try decodeCategory(#"{"cid":77,"name":"A","url":"u"}"#).cid == "77")
    }

    @Test("old_price missing, null or empty text means no previous price", arguments: [nil, "null", #""""#, #""  ""#] as [String?])
    func oldPriceAbsent(json: String?) throws {
        #expect(try decodeProduct(["old_price": json]).oldPrice == nil)
    }

    @Test("old_price accepts a number or a number in text", arguments: [("1500", 1500.0), (#""1500.5""#, 1500.5)])
    func oldPricePresent(json: String, value: Double) throws {
        #expect(try decodeProduct(["old_price": json]).oldPrice == value)
    }

    @Test("old_price refuses text that is not a number")
    func oldPriceRefused() {
        #expect(throws: DecodingError.self) { try decodeProduct(["old_price": #""soon""#]) }
    }

    @Test("missing images and categories are empty lists")
    func missingLists() throws {
        let product = try decodeProduct(["images": nil, "categories": nil])
        #expect(product.images.isEmpty)
        #expect(product.categories.isEmpty)
    }

    @Test("null images and categories are empty lists")
    func nullLists() throws {
        let product = try decodeProduct(["images": "null", "categories": "null"])
        #expect(product.images.isEmpty)
        #expect(product.categories.isEmpty)
    }

    @Test("parent_cid missing, null or empty means a root category", arguments: [
        #"{"cid":"1","name":"A","url":"u"}"#,
        #"{"cid":"1","name":"A","url":"u","parent_cid":null}"#,
        #"{"cid":"1","name":"A","url":"u","parent_cid":""}"#,
    ])
    func parentCidRoot(json: String) throws {
        #expect(try decodeCategory(json).parentCid == nil)
    }

    @Test("a numeric parent_cid becomes its decimal text")
    func numericParentCid() throws {
        #expect(try decodeCategory(#"{"cid":"2","name":"A","url":"u","parent_cid":12}"#).parentCid == "12")
    }

    @Test("times accept ISO-8601 with or without offset and epoch seconds", arguments: [
        (#""2024-05-01T10:20:30Z""#, 1_714_558_830.0),
        (#""2024-05-01T10:20:30+03:30""#, 1_714_546_230),
        (#""2024-05-01T10:20:30+00:00""#, 1_714_558_830),
        (#""2024-05-01 10:20:30""#, 1_714_558_830),
        (#""2024-05-01""#, 1_714_521_600),
        ("1714558830", 1_714_558_830),
        ("1714558830000", 1_714_558_830),
        (#""1714558830""#, 1_714_558_830),
    ])
    func timeForms(json: String, seconds: TimeInterval) throws {
        let product = try decodeProduct(["created_at": json, "updated_at": json])
        #expect(product.createdAt.timeIntervalSince1970 == seconds)
        #expect(product.updatedAt.timeIntervalSince1970 == seconds)
    }

    @Test("times refuse text that is not a time", arguments: [#""yesterday""#, #""2024-13-01""#, #""""#, "null", "true"])
    func timeRefused(json: String) {
        #expect(throws: DecodingError.self) { try decodeProduct(["updated_at": json]) }
    }

    @Test("a product without a required text field is refused", arguments: ["pid", "name", "url", "created_at"])
    func requiredFields(key: String) {
        #expect(throws: DecodingError.self) { try decodeProduct([key: nil]) }
    }
}
