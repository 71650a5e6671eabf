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

    @Test("a name spelled with other code points than the previous row's is mapped from its own bytes")
    func canonicallyEqualNamesKeepTheirSpelling() throws {
        // "Café" precomposed (U+00E9), then decomposed (e + U+0301): equal as Swift
        // Strings, different bytes. The second row must not get the first row's output.
        var mapper = try MappingFactory.mapper(MappingFactory.basic)
        var row = fullRow
        row[1] = ("title", "Caf\u{E9}")
        let first = try #require(mapper.map(MappingFactory.record(row)).product)
        row[0] = ("id", "p-2")
        row[1] = ("title", "Cafe\u{301}")
        let second = try #require(mapper.map(MappingFactory.record(row)).product)
        #expect(Array(first.name.utf8) == Array("Caf\u{E9}".utf8))
        #expect(Array(second.name.utf8) == Array("Cafe\u{301}".utf8))
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

    @Test("a sale price above the price is ignored with a warning naming both")
    func higherSalePriceWarns() throws {
        var mapper = try MappingFactory.mapper(MappingFactory.basic)
        var row = fullRow
        row[4] = ("sale", "2000")
        let outcome = mapper.map(MappingFactory.record(row, line: 9))
        let product = try #require(outcome.product)
        #expect(product.price == 1250)
        #expect(product.oldPrice == nil)
        let warning = try #require(outcome.warnings.first)
        #expect(warning.field == "sale_price")
        #expect(warning.reason == "the sale price 2000 is higher than the price 1250; ignored")
        #expect(warning.location.line == 9)
        #expect(warning.pid == "p-1")
    }

    @Test("a sale price equal to the price changes nothing and warns of nothing")
    func equalSalePrice() throws {
        var mapper = try MappingFactory.mapper(MappingFactory.basic)
        var row = fullRow
        row[4] = ("sale", "1250")
        let outcome = mapper.map(MappingFactory.record(row))
        #expect(outcome.product?.oldPrice == nil)
        #expect(outcome.warnings.isEmpty)
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

    private static let promotion = """
        fields:
          pid: id
          name: title
          url: link
          price: price
          old_price: old
          discount_amount: amount
          discount_percent: percent
          sale_start: { from: from, transforms: [{ date: yyyy-MM-dd }] }
          sale_end: { from: to, transforms: [{ date: yyyy-MM-dd }] }
        """

    private func promoted(_ cells: [(String, String)], now: Date = MappingFactory.now) throws -> MapOutcome {
        var mapper = Mapper(mapping: try MappingFactory.mapping(Self.promotion), context: MappingContext(now: now))
        let base = [("id", "1"), ("title", "iPod Nano"), ("link", "https://s/1"), ("price", "100")]
        return mapper.map(MappingFactory.record(base + cells))
    }

    @Test("a discount percent gives the sale price, the regular price becomes old_price")
    func discountPercent() throws {
        // prestashop_import_samples/products_import.csv: iPod Nano, 100 with 5.5 percent off.
        let product = try #require(try promoted([("percent", "5.5")]).product)
        #expect(product.price == 94.5)
        #expect(product.oldPrice == 100)
    }

    @Test("a discount amount gives the sale price")
    func discountAmount() throws {
        // prestashop_import_samples/products_import.csv: MacBook Air, 1500 with 100 off.
        var mapper = Mapper(mapping: try MappingFactory.mapping(Self.promotion), context: MappingContext(now: MappingFactory.now))
        let product = mapper.map(MappingFactory.record([
            ("id", "3"), ("title", "MacBook Air"), ("link", "https://s/3"), ("price", "1500"), ("amount", "100"),
        ])).product
        #expect(product?.price == 1400)
        #expect(product?.oldPrice == 1500)
    }

    @Test("a sale outside its dates is not applied, and the last day counts whole")
    func saleWindow() throws {
        let window = [("percent", "10"), ("from", "2013-06-01"), ("to", "2018-12-31")]
        #expect(try promoted(window).product?.price == 100)  // now is 2025
        #expect(try promoted(window, now: Date(timeIntervalSince1970: 1_300_000_000)).product?.price == 100)  // 2011
        let lastDay = Date(timeIntervalSince1970: 1_546_257_600)  // 2018-12-31T12:00Z
        #expect(try promoted(window, now: lastDay).product?.price == 90)
        #expect(try promoted(window).warnings.isEmpty)
    }

    @Test("an old price not above the price is dropped with a warning")
    func oldPriceNotAbove() throws {
        // shopify_template_2023/product_template.csv: Example Jeans, price 95, compare-at 64.95.
        var mapper = Mapper(mapping: try MappingFactory.mapping(Self.promotion), context: MappingContext(now: MappingFactory.now))
        let outcome = mapper.map(MappingFactory.record([
            ("id", "PNT_DEN_285"), ("title", "Example Jeans"), ("link", "https://s/jeans"), ("price", "95"), ("old", "64.95"),
        ]))
        #expect(outcome.product?.oldPrice == nil)
        #expect(outcome.warnings.map(\.reason) == ["old_price 64.95 is not above the price 95; dropped"])
    }

    @Test("a pid in Excel's scientific notation is rejected even without an id step")
    func excelDamagedPidAlwaysChecked() throws {
        var mapper = try MappingFactory.mapper(MappingFactory.basic)
        var row = fullRow
        row[0] = ("id", "4.6347E+11")
        let rejection = try #require(mapper.map(MappingFactory.record(row)).rejection)
        #expect(rejection.field == "pid")
        #expect(rejection.reason.contains("Excel-damaged identifier"))
    }

    @Test("sku and description are carried on the product for AccessTrade")
    func skuAndDescription() throws {
        var mapper = try MappingFactory.mapper(MappingFactory.requiredFields + "\n" + """
              sku: sku
              description: { from: body, transforms: [strip_html] }
            """)
        let product = mapper.map(MappingFactory.record([
            ("id", "1"), ("title", "Shirt"), ("link", "https://s/1"), ("price", "25"), ("sku", "SRT_COT_111"), ("body", "<p>Easy to wear.</p>"),
        ])).product
        #expect(product?.sku == "SRT_COT_111")
        #expect(product?.details == "Easy to wear.")
    }

    @Test("when items give a value for the records that meet their condition, before from")
    func whenConditions() throws {
        // Shopify: an untracked variant or one that sells when out of stock is available.
        var mapper = try MappingFactory.mapper(MappingFactory.requiredFields + "\n" + """
              in_stock:
                when:
                  - { field: tracker, empty: true, value: "1" }
                  - { field: policy, equals: continue, value: "1" }
                from: qty
                transforms: [availability]
            """)
        func inStock(_ tracker: String, _ policy: String, _ qty: String) -> Bool? {
            mapper.map(MappingFactory.record([
                ("id", "1"), ("title", "Shirt"), ("link", "https://s/1"), ("price", "25"),
                ("tracker", tracker), ("policy", policy), ("qty", qty),
            ])).product?.inStock
        }
        #expect(inStock("", "deny", "0") == true)
        #expect(inStock("shopify", "continue", "0") == true)
        #expect(inStock("shopify", "deny", "0") == false)
        #expect(inStock("shopify", "deny", "20") == true)
    }

    @Test("collect gathers the non-empty cells of several columns into one list")
    func collectColumns() throws {
        // meta_catalog_csv_*: image_link plus a comma-separated additional_image_link.
        var mapper = try MappingFactory.mapper(MappingFactory.requiredFields + "\n" + """
              images: { collect: [image_link, additional_image_link], transforms: [{ split: "," }] }
            """)
        let product = mapper.map(MappingFactory.record([
            ("id", "1"), ("title", "Tee"), ("link", "https://s/1"), ("price", "449 BDT"),
            ("image_link", "https://s/a.jpg"), ("additional_image_link", "https://s/b.jpg,https://s/a.jpg, https://s/c.jpg"),
        ])).product
        #expect(product?.images == ["https://s/a.jpg", "https://s/b.jpg", "https://s/c.jpg"])
    }

    @Test("every field's ordinal is its position among all fields")
    func ordinals() {
        #expect(ProductField.allCases.enumerated().allSatisfy { $0.offset == $0.element.ordinal })
    }

    @Test("a repeated cell gives the same value, and a different cell after it its own")
    func repeatedCells() throws {
        var mapper = try MappingFactory.mapper(MappingFactory.basic)
        var row = fullRow
        #expect(mapper.map(MappingFactory.record(row)).product?.price == 1250)
        #expect(mapper.map(MappingFactory.record(row)).product?.price == 1250)
        row[3] = ("price", "abc")
        #expect(mapper.map(MappingFactory.record(row)).rejection?.field == "price")
        row[3] = ("price", "99")
        #expect(mapper.map(MappingFactory.record(row)).product?.price == 99)
    }

    @Test("filter values match without regard to case, in any script")
    func filterCaseInsensitive() throws {
        var mapper = try MappingFactory.mapper("""
            filter:
              drop: [{ field: status, in: [ẩn, DRAFT] }]
            fields: { pid: id, name: title, url: link, price: price }
            """)
        #expect(mapper.map(MappingFactory.record(fullRow + [("status", "Ẩn")])).isFiltered)
        #expect(mapper.map(MappingFactory.record(fullRow + [("status", "draft")])).isFiltered)
        #expect(mapper.map(MappingFactory.record(fullRow + [("status", "drafts")])).product != nil)
    }

    @Test("filter values are trimmed the same for ASCII and other text, and case folds beyond ASCII")
    func filterTrimsAndFolds() throws {
        var mapper = try MappingFactory.mapper("""
            filter:
              drop: [{ field: status, in: [draft, k] }, { field: note, empty: false }]
            fields: { pid: id, name: title, url: link, price: price }
            """)
        let kept: [(String, String)] = [("note", " \t\r\n")]
        #expect(mapper.map(MappingFactory.record(fullRow + kept + [("status", "\t DRAFT \r\n")])).isFiltered)
        #expect(mapper.map(MappingFactory.record(fullRow + kept + [("status", "\u{A0}draft\u{200B}")])).isFiltered)
        // The Kelvin sign lower-cases to the ASCII `k`.
        #expect(mapper.map(MappingFactory.record(fullRow + kept + [("status", "\u{212A}")])).isFiltered)
        #expect(mapper.map(MappingFactory.record(fullRow + kept + [("status", "dr aft")])).product != nil)
        #expect(mapper.map(MappingFactory.record(fullRow + [("note", "\u{A0}")])).product != nil)
        #expect(mapper.map(MappingFactory.record(fullRow + [("note", " x ")])).isFiltered)
    }

    @Test("collect gathers every value of repeated fields (XML elements, JSON arrays), in order")
    func collectRepeatedValues() throws {
        var mapper = try MappingFactory.mapper("""
            fields:
              pid: id
              name: title
              url: link
              price: price
              images: { collect: [image_link, additional_image_link] }
            """)
        let product = try #require(mapper.map(MappingFactory.record([
            ("id", "1"), ("title", "A"), ("link", "https://s/a"), ("price", "5"), ("image_link", "https://s/1.jpg"),
            ("additional_image_link", "https://s/2.jpg"), ("additional_image_link", ""), ("additional_image_link", "https://s/3.jpg"),
        ])).product)
        #expect(product.images == ["https://s/1.jpg", "https://s/2.jpg", "https://s/3.jpg"])
    }
}
