import FeedSyncCore
import FeedSyncMapping
import Testing

/// `collect:` gathers every value of a repeated field (XML elements, JSON arrays).
@Suite("collect over repeated fields")
struct CollectRepeatedTests {
    @Test("every non-empty value of a repeated field is collected, in order, after the fields before it")
    func repeatedValues() throws {
        var mapper = try MappingFactory.mapper(MappingFactory.requiredFields + """

              images: { collect: [image_link, additional_image_link] }
            """)
        let record = MappingFactory.record([
            ("id", "1"), ("title", "T"), ("link", "https://shop.example/1"), ("price", "5"),
            ("image_link", "https://img.example/1.jpg"), ("additional_image_link", "https://img.example/2.jpg"),
            ("additional_image_link", ""), ("additional_image_link", "https://img.example/3.jpg"),
        ])
        let product = try #require(mapper.map(record).product)
        #expect(product.images == ["https://img.example/1.jpg", "https://img.example/2.jpg", "https://img.example/3.jpg"])
    }
}
