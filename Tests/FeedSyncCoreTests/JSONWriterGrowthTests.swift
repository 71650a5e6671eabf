import FeedSyncCore
import Foundation
import Testing

@Suite("JSON writer buffer")
struct JSONWriterGrowthTests {
    @Test("a writer grows past its first capacity and keeps every byte")
    func growsAndKeepsBytes() {
        var writer = JSONWriter(capacity: 16)
        var expected: [UInt8] = []
        for index in 0..<5000 {
            writer.string("item \(index)")
            expected += Array("\"item \(index)\"".utf8)
        }
        #expect(writer.bytes == expected)
        #expect(writer.count == expected.count)
    }

    @Test("a copy of a writer is unchanged by writes to the original")
    func copiesAreValues() {
        var writer = JSONWriter(capacity: 16)
        writer.raw("[1")
        let copy = writer
        writer.raw(",2]")
        writer.removeAll()
        writer.raw("x")
        #expect(String(decoding: copy.bytes, as: UTF8.self) == "[1")
        #expect(String(decoding: writer.bytes, as: UTF8.self) == "x")
    }
}

@Suite("JSON writer buffer, products")
struct JSONWriterProductGrowthTests {
    @Test("many products with times written into one default writer read back")
    func manyProducts() throws {
        var writer = JSONWriter()
        for index in 0..<200 {
            let product = Product(
                pid: "p\(index)", name: "Name \"\(index)\"", url: "https://shop.example/p/\(index)", price: 1000.5, oldPrice: nil,
                inStock: true, images: ["https://shop.example/i/\(index).jpg"], categories: [],
                createdAt: Date(timeIntervalSince1970: 1_700_000_000), updatedAt: Date(timeIntervalSince1970: 1_700_000_000 + Double(index)))
            product.write(to: &writer)
            writer.raw("\n")
        }
        #expect(String(decoding: writer.bytes, as: UTF8.self).split(separator: "\n").count == 200)
    }
}
