import FeedSyncCore
import Foundation
import Testing

struct ContentHashTests {
    /// One change to one content field.
    enum ContentEdit: String, CaseIterable, CustomTestStringConvertible {
        case name, url, price
        case oldPriceNilVersusValue = "old_price nil vs value"
        case oldPriceValue = "old_price value"
        case inStock = "in_stock"
        case imagesOrder = "images order"
        case imageAdded = "image added"
        case categoryName = "category name"
        case categoryPrimary = "category is_primary"
        case categoryParent = "category parent_cid"
        case categoriesOrder = "categories order"
        case categoryRemoved = "category removed"

        var testDescription: String { rawValue }

        func apply(to product: inout Product) {
            switch self {
            case .name: product.name += " XL"
            case .url: product.url += "?v=2"
            case .price: product.price += 1
            case .oldPriceNilVersusValue: product.oldPrice = nil
            case .oldPriceValue: product.oldPrice = 1300
            case .inStock: product.inStock.toggle()
            case .imagesOrder: product.images.reverse()
            case .imageAdded: product.images.append("https://shop.example/i/extra.jpg")
            case .categoryName: product.categories[0].name = "Lights"
            case .categoryPrimary: product.categories[0].isPrimary.toggle()
            case .categoryParent: product.categories[1].parentCid = nil
            case .categoriesOrder: product.categories.reverse()
            case .categoryRemoved: product.categories.removeLast()
            }
        }
    }

    @Test("equal content hashes alike, however often and from whichever instance")
    func stableForEqualContent() {
        let first = makeProduct()
        let second = makeProduct()
        #expect(first.contentHash == second.contentHash)
        #expect(first.contentHash == first.contentHash)
    }

    @Test("products that differ only in their times hash alike")
    func timesAreLeftOut() {
        let product = makeProduct(createdAt: firstRunTime, updatedAt: firstRunTime)
        let later = makeProduct(createdAt: secondRunTime, updatedAt: thirdRunTime)
        #expect(product.contentHash == later.contentHash)
    }

    @Test("changing one content field changes the hash", arguments: ContentEdit.allCases)
    func contentFieldChangesHash(_ edit: ContentEdit) {
        let product = makeProduct()
        var edited = product
        edit.apply(to: &edited)
        #expect(edited != product)
        #expect(edited.contentHash != product.contentHash)
    }

    @Test(
        "products decoded from differently spelled JSON of the same content hash alike",
        arguments: [
            // Reversed key order, and a decimal price.
            """
            {"updated_at":"2023-11-14T22:13:20+00:00","created_at":"2023-11-14T22:13:20Z","categories":[],\
            "images":["https://shop.example/i/1.jpg"],"in_stock":true,"old_price":null,"price":1000.0,\
            "url":"https://shop.example/p/p1","name":"Desk lamp","pid":"p1"}
            """,
            // Prices as text, in_stock as 1, a missing old_price and epoch times.
            """
            {"pid":"p1","name":"Desk lamp","url":"https://shop.example/p/p1","price":"1000","in_stock":1,\
            "images":["https://shop.example/i/1.jpg"],"categories":[],"created_at":1700000000,"updated_at":1700086400}
            """,
            // A price in exponent notation and a numeric pid.
            """
            {"price":1e3,"pid":"p1","url":"https://shop.example/p/p1","name":"Desk lamp","in_stock":"true",\
            "images":["https://shop.example/i/1.jpg"],"old_price":"","created_at":"2024-01-01","updated_at":"2024-01-02"}
            """,
        ])
    func decodedSpellingsHashAlike(_ json: String) throws {
        let reference = """
            {"pid":"p1","name":"Desk lamp","url":"https://shop.example/p/p1","price":1000,"old_price":null,"in_stock":true,\
            "images":["https://shop.example/i/1.jpg"],"categories":[],\
            "created_at":"2023-11-14T22:13:20+00:00","updated_at":"2023-11-14T22:13:20+00:00"}
            """
        let expected = try JSONDecoder().decode(Product.self, from: Data(reference.utf8))
        let decoded = try JSONDecoder().decode(Product.self, from: Data(json.utf8))
        #expect(decoded.contentHash == expected.contentHash)
    }

    @Test("a category decoded with different key order and a numeric cid hashes alike")
    func decodedCategorySpellingsHashAlike() throws {
        let spelled = """
            {"pid":"p1","name":"Desk lamp","url":"u","price":5,"in_stock":true,"created_at":0,"updated_at":0,
             "categories":[{"is_primary":1,"parent_cid":null,"url":"c","name":"Lamps","cid":11}]}
            """
        let respelled = """
            {"pid":"p1","name":"Desk lamp","url":"u","price":5,"in_stock":true,"created_at":0,"updated_at":0,
             "categories":[{"cid":"11","name":"Lamps","url":"c","is_primary":true}]}
            """
        let first = try JSONDecoder().decode(Product.self, from: Data(spelled.utf8))
        let second = try JSONDecoder().decode(Product.self, from: Data(respelled.utf8))
        #expect(first.contentHash == second.contentHash)
    }

    @Test("a product decoded from its own body hashes as the original")
    func bodyRoundTripKeepsHash() throws {
        let product = makeProduct(price: 1999.5, oldPrice: nil)
        let decoded = try JSONDecoder().decode(Product.self, from: Data(product.jsonText.utf8))
        #expect(decoded.contentHash == product.contentHash)
    }
}

@Suite("Content hash encoding")
struct ContentHashEncodingTests {
    @Test("the hash is XXH64 of the documented encoding, the one schema v5 stores hold")
    func documentedEncoding() {
        let product = Product(
            pid: "p-1", name: "چای سبز", url: "https://shop.example/p/1", price: 125_000, oldPrice: nil, inStock: true,
            images: ["https://shop.example/i/1.jpg"],
            categories: [Category(cid: "tea", name: "Tea", url: "https://shop.example/c/tea", parentCid: nil, isPrimary: true)],
            createdAt: Date(timeIntervalSince1970: 1_700_000_000), updatedAt: Date(timeIntervalSince1970: 1_700_000_000))
        var bytes: [UInt8] = []
        func count(_ value: Int) { withUnsafeBytes(of: UInt32(value).littleEndian) { bytes += $0 } }
        func field(_ text: String) { count(text.utf8.count); bytes += text.utf8 }
        field("p-1"); field("چای سبز"); field("https://shop.example/p/1")
        withUnsafeBytes(of: Double(125_000).bitPattern.littleEndian) { bytes += $0 }
        bytes.append(0)  // no old price
        bytes.append(1)  // in stock
        count(1); field("https://shop.example/i/1.jpg")
        count(1); field("tea"); field("Tea"); field("https://shop.example/c/tea")
        bytes.append(0)  // no parent
        bytes.append(1)  // primary
        #expect(product.contentHash == XXH64.hash(bytes))
        #expect(product.contentHash(scratch: ContentHashScratch(capacity: 1)) == XXH64.hash(bytes))
    }
}
