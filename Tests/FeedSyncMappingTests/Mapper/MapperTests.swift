import FeedSyncCore
import FeedSyncMapping
import FeedSyncSources
import Foundation
import Testing

@Suite("Mapper")
struct MapperTests {
    private let fullRow: [(String, String)] = [
        ("id", "p-1"), ("title", "  Blue   mug "), ("link", "https://shop.example/mug"), ("price", "1,250.00"),
        ("sale", ""), ("stock", "in stock"), ("images", "https://a/1.jpg|https://a/2.jpg"), ("category", "Home > Kitchen"),
    ]

    @Test("a complete record becomes a product with every field converted")
    func mapsCompleteRecord() throws {
        var mapper = try MappingFactory.mapper(MappingFactory.basic)
        let product = try #require(mapper.map(MappingFactory.record(fullRow)).product)
        #expect(product.pid == "p-1")
        #expect(product.name == "Blue mug")
        #expect(product.price == 1250)
        #expect(product.oldPrice == nil)
        #expect(product.inStock)
        #expect(product.images == ["https://a/1.jpg", "https://a/2.jpg"])
        #expect(product.categories.map(\.cid) == ["home", "home/kitchen"])
        #expect(product.categories.filter(\.isPrimary).map(\.cid) == ["home/kitchen"])
        #expect(product.createdAt == MappingFactory.now)
    }

    @Test("a lower sale price becomes price and the regular price becomes old_price")
    func salePrice() throws {
        var mapper = try MappingFactory.mapper(MappingFactory.basic)
        var row = fullRow
        row[4] = ("sale", "999")
        let product = try #require(mapper.map(MappingFactory.record(row)).product)
        #expect(product.price == 999)
        #expect(product.oldPrice == 1250)
    }

    @Test("a sale price that is not lower leaves the price alone")
    func higherSalePriceIgnored() throws {
        var mapper = try MappingFactory.mapper(MappingFactory.basic)
        var row = fullRow
        row[4] = ("sale", "2000")
        let product = try #require(mapper.map(MappingFactory.record(row)).product)
        #expect(product.price == 1250)
        #expect(product.oldPrice == nil)
    }

    @Test("a record without a required field is rejected naming the field and the columns looked in")
    func missingRequiredField() throws {
        var mapper = try MappingFactory.mapper(MappingFactory.basic)
        var row = fullRow
        row[2] = ("link", "")
        let rejection = try #require(mapper.map(MappingFactory.record(row, line: 7)).rejection)
        #expect(rejection.field == "url")
        #expect(rejection.pid == "p-1")
        #expect(rejection.location.line == 7)
        #expect(rejection.reason.contains("link"))
    }

    @Test("an unreadable price is rejected with the value in the reason")
    func badPrice() throws {
        var mapper = try MappingFactory.mapper(MappingFactory.basic)
        var row = fullRow
        row[3] = ("price", "call us")
        let rejection = try #require(mapper.map(MappingFactory.record(row)).rejection)
        #expect(rejection.field == "price")
        #expect(rejection.reason.contains("call us"))
    }

    @Test("an unknown availability word is rejected, not guessed")
    func badAvailability() throws {
        var mapper = try MappingFactory.mapper(MappingFactory.basic)
        var row = fullRow
        row[5] = ("stock", "perhaps")
        #expect(mapper.map(MappingFactory.record(row)).rejection?.field == "in_stock")
    }

    @Test("in_stock without a mapping defaults to true")
    func inStockDefault() throws {
        var mapper = try MappingFactory.mapper("""
            fields: { pid: id, name: title, url: link, price: price }
            """)
        #expect(mapper.map(MappingFactory.record(fullRow)).product?.inStock == true)
    }

    @Test("the first non-empty alternative wins: from columns, then templates, then default")
    func fallbacks() throws {
        var mapper = try MappingFactory.mapper("""
            fields:
              pid: { from: [sku, id] }
              name: { from: missing_name, default: Unnamed }
              url: { from: permalink, template: ["{{base_url}}/p/{{id}}"] }
              price: price
            """, variables: ["base_url": "https://shop.example"])
        let product = try #require(mapper.map(MappingFactory.record([
            ("sku", ""), ("id", "7"), ("missing_name", ""), ("permalink", ""), ("price", "10"),
        ])).product)
        #expect(product.pid == "7")
        #expect(product.name == "Unnamed")
        #expect(product.url == "https://shop.example/p/7")
    }

    @Test("a template with an empty reference yields nothing, so the next one is tried")
    func templateWithEmptyReference() throws {
        var mapper = try MappingFactory.mapper("""
            fields:
              pid: id
              name: name
              url: { template: ["{{base_url}}/?p={{id}}", "{{images|origin}}/?product={{name|slug}}"] }
              price: price
            """)
        let product = try #require(mapper.map(MappingFactory.record([
            ("id", "5"), ("name", "Hoodie with Logo"), ("images", "https://cdn.shop.example:8443/a.jpg, https://x/b.jpg"), ("price", "1"),
        ])).product)
        #expect(product.url == "https://cdn.shop.example:8443/?product=hoodie-with-logo")
    }

    @Test("column names match without regard to case and repeated spaces")
    func caseInsensitiveColumns() throws {
        var mapper = try MappingFactory.mapper("""
            fields: { pid: "ID", name: "Product   Name", url: Link, price: "REGULAR price" }
            """)
        let product = mapper.map(MappingFactory.record([
            ("id", "1"), ("product name", "A"), ("LINK", "https://s/a"), ("Regular Price", "5"),
        ])).product
        #expect(product?.name == "A")
    }

    @Test("aliases let one mapping read translated column names")
    func aliases() throws {
        var mapper = try MappingFactory.mapper("""
            aliases: { Name: [Nome], Regular price: [Preço] }
            fields: { pid: ID, name: Name, url: { value: "https://s/x" }, price: Regular price }
            """)
        let product = mapper.map(MappingFactory.record([("ID", "1"), ("Nome", "Camisa"), ("Preço", "12,50")])).product
        #expect(product?.name == "Camisa")
        #expect(product?.price == 12.5)
    }

    @Test("records matching a drop condition are filtered, not rejected")
    func dropFilter() throws {
        var mapper = try MappingFactory.mapper("""
            filter:
              drop: [{ field: type, in: [Variable, grouped] }]
            fields: { pid: id, name: title, url: link, price: price }
            """)
        #expect(mapper.map(MappingFactory.record(fullRow + [("type", "variable")])).isFiltered)
        #expect(mapper.map(MappingFactory.record(fullRow + [("type", "simple")])).product != nil)
    }

    @Test("keep conditions drop every record that does not match them")
    func keepFilter() throws {
        var mapper = try MappingFactory.mapper("""
            filter:
              keep: [{ field: status, equals: active }]
            fields: { pid: id, name: title, url: link, price: price }
            """)
        #expect(mapper.map(MappingFactory.record(fullRow + [("status", "archived")])).isFiltered)
        #expect(mapper.map(MappingFactory.record(fullRow + [("status", "Active")])).product != nil)
    }

    @Test("price conversion from Toman to Rial multiplies by ten")
    func tomanToRial() throws {
        var mapper = try MappingFactory.mapper("""
            fields:
              pid: id
              name: title
              url: link
              price: { from: price, transforms: [{ price: { from: IRT, to: IRR } }] }
            """)
        let product = mapper.map(MappingFactory.record([("id", "1"), ("title", "چای"), ("link", "https://s/1"), ("price", "۱۲۵٬۰۰۰ تومان")])).product
        #expect(product?.price == 1_250_000)
    }

    @Test("a header lacking a required field's columns is a configuration error at the mapping's line")
    func headerCheck() throws {
        let mapper = try MappingFactory.mapper(MappingFactory.basic)
        do {
            try mapper.check(header: FieldNames(["id", "title", "price"]), sourceFile: "catalog.csv")
            Issue.record("expected an error")
        } catch {
            let text = "\(error)"
            #expect(text.contains("test.yml:4"))
            #expect(text.contains("'link'"))
        }
    }

    @Test("a link that is not http(s) rejects the record with the reason")
    func rejectedLink() throws {
        var mapper = try MappingFactory.mapper("""
            fields:
              pid: id
              name: title
              url: { from: link, transforms: [absolute_url] }
              price: price
            """, variables: ["base_url": "https://shop.example"])
        let rejection = try #require(mapper.map(MappingFactory.record([
            ("id", "1"), ("title", "Mug"), ("link", "javascript:void(0)"), ("price", "5"),
        ])).rejection)
        #expect(rejection.field == "url")
        #expect(rejection.reason.contains("only http and https links are accepted"))
        let product = mapper.map(MappingFactory.record([("id", "2"), ("title", "Mug"), ("link", "/p/2"), ("price", "5")])).product
        #expect(product?.url == "https://shop.example/p/2")
    }

    @Test("the mapping's timezone places times written without an offset")
    func mappingTimeZone() throws {
        var mapper = try MappingFactory.mapper("""
            timezone: Asia/Tehran
            fields: { pid: id, name: title, url: link, price: price, created_at: created }
            """)
        let product = mapper.map(MappingFactory.record([
            ("id", "1"), ("title", "Mug"), ("link", "https://s/1"), ("price", "5"), ("created", "2024-11-22 01:15:12"),
        ])).product
        #expect(product.map { Timestamp.format($0.createdAt) } == "2024-11-21T21:45:12+00:00")
    }

    @Test("a pid Excel turned into scientific notation rejects the record")
    func excelDamagedPid() throws {
        var mapper = try MappingFactory.mapper("""
            fields: { pid: { from: id, transforms: [id] }, name: title, url: link, price: price }
            """)
        let rejection = try #require(mapper.map(MappingFactory.record([
            ("id", "3.65275E+11"), ("title", "Shirt"), ("link", "https://s/1"), ("price", "25"),
        ])).rejection)
        #expect(rejection.field == "pid")
        #expect(rejection.reason.contains("Excel-damaged identifier"))
    }
}
