import FeedSyncCore
import Foundation
import Testing

/// The shapes of the Affili document's examples (seed 004, "موجودیت‌ها"), filled with
/// realistic values, read into the models and written back.
struct EntityRoundTripTests {
    /// A product as the import body or a webhook page carries it, in the writer's compact form.
    static let productJSON = """
        {"pid":"10234","name":"گوشی موبایل سامسونگ مدل Galaxy A54 5G","url":"https://shop.example.ir/product/10234",\
        "price":189000000,"old_price":199500000.5,"in_stock":true,\
        "images":["https://shop.example.ir/images/10234-1.jpg","https://shop.example.ir/images/10234-2.jpg"],\
        "categories":[\
        {"cid":"12","name":"موبایل","url":"https://shop.example.ir/category/mobile","parent_cid":null,"is_primary":false},\
        {"cid":"34","name":"گوشی سامسونگ","url":"https://shop.example.ir/category/mobile/samsung","parent_cid":"12","is_primary":true}],\
        "created_at":"2023-11-02T08:15:00+00:00","updated_at":"2024-05-01T10:20:30+00:00"}
        """

    static let categoryJSON = """
        {"cid":"34","name":"گوشی سامسونگ","url":"https://shop.example.ir/category/mobile/samsung","parent_cid":"12","is_primary":true}
        """

    static let pageJSON = #"{"current":1,"per":100,"last":37,"total":3650}"#

    static let expectedProduct = Product(
        pid: "10234",
        name: "گوشی موبایل سامسونگ مدل Galaxy A54 5G",
        url: "https://shop.example.ir/product/10234",
        price: 189_000_000,
        oldPrice: 199_500_000.5,
        inStock: true,
        images: ["https://shop.example.ir/images/10234-1.jpg", "https://shop.example.ir/images/10234-2.jpg"],
        categories: [
            Category(cid: "12", name: "موبایل", url: "https://shop.example.ir/category/mobile", parentCid: nil, isPrimary: false),
            Category(
                cid: "34", name: "گوشی سامسونگ", url: "https://shop.example.ir/category/mobile/samsung",
                parentCid: "12", isPrimary: true),
        ],
        createdAt: Date(timeIntervalSince1970: 1_698_912_900),
        updatedAt: Date(timeIntervalSince1970: 1_714_558_830)
    )

    /// The webhook answer's envelope (seed 004, "وب‌هوک").
    struct WebhookAnswer: Codable, Equatable {
        struct DataPart: Codable, Equatable { var products: [Product] }
        struct Meta: Codable, Equatable { var page: Page }
        var data: DataPart
        var meta: Meta
    }

    @Test("the document's product example decodes into the expected Product")
    func decodesProduct() throws {
        let product = try JSONDecoder().decode(Product.self, from: Data(Self.productJSON.utf8))
        #expect(product == Self.expectedProduct)
    }

    @Test("the document's category example decodes into the expected Category")
    func decodesCategory() throws {
        let category = try JSONDecoder().decode(Category.self, from: Data(Self.categoryJSON.utf8))
        #expect(category == Self.expectedProduct.categories[1])
    }

    @Test("the document's page example decodes into the expected Page")
    func decodesPage() throws {
        let page = try JSONDecoder().decode(Page.self, from: Data(Self.pageJSON.utf8))
        #expect(page == Page(current: 1, per: 100, last: 37, total: 3650))
    }

    @Test("writing a decoded product gives the document's text back byte for byte")
    func writerReproducesText() throws {
        let product = try JSONDecoder().decode(Product.self, from: Data(Self.productJSON.utf8))
        #expect(product.jsonText == Self.productJSON)
    }

    @Test("a product read back from the writer's bytes equals the original")
    func writerBytesDecodeToOriginal() throws {
        var writer = JSONWriter()
        Self.expectedProduct.write(to: &writer)
        let decoded = try JSONDecoder().decode(Product.self, from: Data(writer.bytes))
        #expect(decoded == Self.expectedProduct)
    }

    @Test("a product with no old price, no images and a root category survives the writer")
    func writerBytesDecodeMinimal() throws {
        let product = Product(
            pid: "p-1", name: "کتاب \"ماه\"\n📚", url: "https://shop.example.ir/p-1", price: 19.99, inStock: false,
            categories: [Category(cid: "1", name: "Books", url: "", isPrimary: true)],
            createdAt: Date(timeIntervalSince1970: -14_182_940), updatedAt: Date(timeIntervalSince1970: 2_214_172_799)
        )
        var writer = JSONWriter()
        product.write(to: &writer)
        #expect(try JSONDecoder().decode(Product.self, from: Data(writer.bytes)) == product)
    }

    @Test("Codable encoding of a product decodes back to an equal product")
    func codableProductRoundTrip() throws {
        let data = try JSONEncoder().encode(Self.expectedProduct)
        #expect(try JSONDecoder().decode(Product.self, from: data) == Self.expectedProduct)
    }

    @Test("Codable encoding uses the document's keys, null old_price and parent_cid, and offset times")
    func codableProductShape() throws {
        var product = Self.expectedProduct
        product.oldPrice = nil
        let data = try JSONEncoder().encode(product)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(object.keys) == [
            "pid", "name", "url", "price", "old_price", "in_stock", "images", "categories", "created_at", "updated_at",
        ])
        #expect(object["old_price"] is NSNull)
        #expect(object["created_at"] as? String == "2023-11-02T08:15:00+00:00")
        let categories = try #require(object["categories"] as? [[String: Any]])
        #expect(categories[0]["parent_cid"] is NSNull)
        #expect(categories[1]["parent_cid"] as? String == "12")
    }

    @Test("Codable encoding of a category decodes back to an equal category", arguments: [
        Category(cid: "12", name: "موبایل", url: "https://shop.example.ir/category/mobile"),
        Category(cid: "34", name: "گوشی", url: "https://shop.example.ir/c/34", parentCid: "12", isPrimary: true),
    ])
    func codableCategoryRoundTrip(category: Category) throws {
        let data = try JSONEncoder().encode(category)
        #expect(try JSONDecoder().decode(Category.self, from: data) == category)
    }

    @Test("Codable encoding of a page decodes back to an equal page with the document's keys")
    func codablePageRoundTrip() throws {
        let page = Page(current: 2, per: 1000, total: 3650)
        let data = try JSONEncoder().encode(page)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Int])
        #expect(object == ["current": 2, "per": 1000, "last": 4, "total": 3650])
        #expect(try JSONDecoder().decode(Page.self, from: data) == page)
    }

    @Test("the webhook answer's envelope decodes and encodes back equal")
    func webhookEnvelopeRoundTrip() throws {
        let json = #"{"data":{"products":[\#(Self.productJSON)]},"meta":{"page":\#(Self.pageJSON)}}"#
        let answer = try JSONDecoder().decode(WebhookAnswer.self, from: Data(json.utf8))
        #expect(answer.data.products == [Self.expectedProduct])
        #expect(answer.meta.page == Page(current: 1, per: 100, last: 37, total: 3650))
        let again = try JSONDecoder().decode(WebhookAnswer.self, from: try JSONEncoder().encode(answer))
        #expect(again == answer)
    }
}
