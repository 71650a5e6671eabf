import FeedSyncCore
import Foundation
import Testing

struct ProductJSONWriterTests {
    static let created = Date(timeIntervalSince1970: 1_698_912_900) // 2023-11-02T08:15:00Z
    static let updated = Date(timeIntervalSince1970: 1_714_558_830) // 2024-05-01T10:20:30Z

    private func makeProduct(
        price: Double = 189_000_000,
        oldPrice: Double? = 199_000_000,
        inStock: Bool = true,
        categories: [Category] = [
            Category(cid: "12", name: "موبایل", url: "https://shop.example.ir/c/mobile"),
            Category(cid: "34", name: "سامسونگ", url: "https://shop.example.ir/c/mobile/samsung", parentCid: "12", isPrimary: true),
        ]
    ) -> Product {
        Product(
            pid: "10234", name: "Galaxy A54", url: "https://shop.example.ir/p/10234",
            price: price, oldPrice: oldPrice, inStock: inStock,
            images: ["https://shop.example.ir/i/1.jpg", "https://shop.example.ir/i/2.jpg"],
            categories: categories, createdAt: Self.created, updatedAt: Self.updated
        )
    }

    private func written(_ product: Product) -> String {
        var writer = JSONWriter()
        product.write(to: &writer)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    @Test("writes exactly the document's keys, in the document's order")
    func exactShape() {
        let expected = """
            {"pid":"10234","name":"Galaxy A54","url":"https://shop.example.ir/p/10234",\
            "price":189000000,"old_price":199000000,"in_stock":true,\
            "images":["https://shop.example.ir/i/1.jpg","https://shop.example.ir/i/2.jpg"],\
            "categories":[\
            {"cid":"12","name":"موبایل","url":"https://shop.example.ir/c/mobile","parent_cid":null,"is_primary":false},\
            {"cid":"34","name":"سامسونگ","url":"https://shop.example.ir/c/mobile/samsung","parent_cid":"12","is_primary":true}],\
            "created_at":"2023-11-02T08:15:00+00:00","updated_at":"2024-05-01T10:20:30+00:00"}
            """
        #expect(written(makeProduct()) == expected)
    }

    @Test("the output is valid JSON with exactly the product's and category's keys")
    func validJSONWithDocumentKeys() throws {
        let data = Data(written(makeProduct()).utf8)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(object.keys) == [
            "pid", "name", "url", "price", "old_price", "in_stock", "images", "categories", "created_at", "updated_at",
        ])
        let categories = try #require(object["categories"] as? [[String: Any]])
        for category in categories {
            #expect(Set(category.keys) == ["cid", "name", "url", "parent_cid", "is_primary"])
        }
    }

    @Test("old_price is null when there is no previous price")
    func oldPriceNull() {
        #expect(written(makeProduct(oldPrice: nil)).contains(#""old_price":null,"in_stock""#))
    }

    @Test("a root category has parent_cid null")
    func rootCategoryParentNull() {
        let json = written(makeProduct(categories: [Category(cid: "1", name: "Root", url: "u", isPrimary: true)]))
        #expect(json.contains(#""parent_cid":null,"is_primary":true"#))
    }

    @Test("in_stock is a JSON boolean", arguments: [(true, #""in_stock":true,"#), (false, #""in_stock":false,"#)])
    func inStockBoolean(inStock: Bool, fragment: String) {
        #expect(written(makeProduct(inStock: inStock)).contains(fragment))
    }

    @Test("prices are JSON numbers, integral ones without .0", arguments: [
        (1200.0, #""price":1200,"#), (19.99, #""price":19.99,"#), (0.5, #""price":0.5,"#), (189_000_000, #""price":189000000,"#),
    ])
    func pricesAsNumbers(price: Double, fragment: String) {
        #expect(written(makeProduct(price: price)).contains(fragment))
    }

    @Test("old_price is a JSON number too", arguments: [(1500.0, #""old_price":1500,"#), (24.95, #""old_price":24.95,"#)])
    func oldPriceNumber(oldPrice: Double, fragment: String) {
        #expect(written(makeProduct(oldPrice: oldPrice)).contains(fragment))
    }

    @Test("a NaN or infinite price is written as null (the mapper never produces one)", arguments: [Double.nan, .infinity])
    func nonFinitePriceIsNull(price: Double) {
        #expect(written(makeProduct(price: price)).contains(#""price":null,"#))
    }

    @Test("times are yyyy-MM-ddTHH:mm:ss+00:00")
    func timesWithOffset() {
        let json = written(makeProduct())
        #expect(json.contains(#""created_at":"2023-11-02T08:15:00+00:00""#))
        #expect(json.contains(#""updated_at":"2024-05-01T10:20:30+00:00""#))
    }

    @Test("empty images and categories are written as empty arrays")
    func emptyArrays() {
        var product = makeProduct(categories: [])
        product.images = []
        #expect(written(product).contains(#""images":[],"categories":[],"#))
    }

    @Test("names, urls and ids are escaped; Persian and emoji stay UTF-8")
    func fieldsEscaped() {
        var product = makeProduct(categories: [Category(cid: "c\"1", name: "لوازم\tخانگی", url: "u")])
        product.pid = #"A\1"#
        product.name = "کتاب \"ماه\" 📚\nجلد ۲"
        let json = written(product)
        #expect(json.contains(#""pid":"A\\1""#))
        #expect(json.contains(#""name":"کتاب \"ماه\" 📚\nجلد ۲""#))
        #expect(json.contains(#""cid":"c\"1","name":"لوازم\tخانگی""#))
    }

    @Test("jsonText is the text write(to:) produces")
    func jsonTextMatchesWriter() {
        let product = makeProduct()
        #expect(product.jsonText == written(product))
    }

    @Test("write(to:) appends to what the writer already holds")
    func appends() {
        var writer = JSONWriter()
        writer.raw("[")
        makeProduct().write(to: &writer)
        writer.raw(",")
        makeProduct(oldPrice: nil).write(to: &writer)
        writer.raw("]")
        let array = try? JSONSerialization.jsonObject(with: Data(writer.bytes)) as? [Any]
        #expect(array?.count == 2)
    }
}
