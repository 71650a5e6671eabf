import FeedSyncCore
import FeedSyncMapping
import FeedSyncSources
import Testing

/// `group_by`: rows of one product, adjacent in the export, mapped as one unit.
@Suite("Grouping")
struct GroupingTests {
    /// A Shopify-like mapping: the first row of a handle carries the title and status,
    /// variant rows the price and stock, image rows only an image.
    private static func shopLike(_ variants: String, extra: String = "") -> String {
        """
        filter:
          drop: [{ field: Status, in: [draft] }]
        group_by:
          key: Handle
          variants: \(variants)
          inherit: [Title, Status]
          image_rows: { field: Price, empty: true }
        \(extra)
        fields:
          pid: { from: SKU, template: "{{Handle}}-{{Option|slug}}" }
          name: Title
          url: { template: ["https://shop.example/products/{{Handle}}", "https://shop.example/p/{{SKU}}"] }
          price: Price
          in_stock: { from: Qty, transforms: [availability] }
          images: Image
        """
    }

    private static let header = ["Handle", "Title", "Status", "Option", "SKU", "Price", "Qty", "Image"]

    private static func row(_ line: Int, _ cells: [String]) -> SourceRecord {
        MappingFactory.record(Array(zip(header, cells)), line: line)
    }

    /// The varsity top of shopify_partners_demo_csvs/apparel.csv, with an image row added
    /// as Shopify writes them (jewelery.csv).
    private static let varsityTop = [
        row(2, ["classic-varsity-top", "Classic Varsity Top", "active", "Small", "", "60", "1", "https://cdn.example/top.jpg"]),
        row(3, ["classic-varsity-top", "", "", "Medium", "", "55", "0", ""]),
        row(4, ["classic-varsity-top", "", "", "Large", "", "58", "1", ""]),
        row(5, ["classic-varsity-top", "", "", "", "", "", "", "https://cdn.example/top-back.jpg"]),
    ]

    private func run(_ yaml: String, _ records: [SourceRecord]) throws -> [MapOutcome] {
        var grouper = GroupingMapper(mapper: try MappingFactory.mapper(yaml))
        var outcomes: [MappedRecord] = []
        for record in records { grouper.add(record, to: &outcomes) }
        grouper.finish(into: &outcomes)
        #expect(outcomes.map(\.location.line) == records.map(\.location.line), "one outcome per record, in order")
        return outcomes.map(\.outcome)
    }

    @Test("separate: every variant is a product with the first row's title and the image rows' images")
    func separateVariants() throws {
        let outcomes = try run(Self.shopLike("separate"), Self.varsityTop)
        #expect(outcomes.count == 4)
        let products = outcomes.compactMap(\.product)
        #expect(products.map(\.pid) == ["classic-varsity-top-small", "classic-varsity-top-medium", "classic-varsity-top-large"])
        #expect(products.map(\.name) == Array(repeating: "Classic Varsity Top", count: 3))
        #expect(products.map(\.price) == [60, 55, 58])
        #expect(products[0].images == ["https://cdn.example/top.jpg", "https://cdn.example/top-back.jpg"])
        #expect(products[1].images == ["https://cdn.example/top-back.jpg"])
        #expect(outcomes[3].isMerged)
    }

    @Test("fold: the group is one product keyed by the handle, at the lowest price in stock, with every image")
    func foldVariants() throws {
        let outcomes = try run(Self.shopLike("fold"), Self.varsityTop)
        #expect(outcomes.count == 4)
        let product = try #require(outcomes[0].product)
        #expect(product.pid == "classic-varsity-top")
        #expect(product.name == "Classic Varsity Top")
        #expect(product.price == 58)  // Medium at 55 is out of stock
        #expect(product.inStock)
        #expect(product.images == ["https://cdn.example/top.jpg", "https://cdn.example/top-back.jpg"])
        #expect(outcomes.dropFirst().allSatisfy { $0.isMerged })
    }

    @Test("fold: with no variant in stock the product is out of stock at the lowest price")
    func foldOutOfStock() throws {
        let rows = [
            Self.row(2, ["mug", "Mug", "active", "Blue", "M-B", "12", "0", ""]),
            Self.row(3, ["mug", "", "", "Red", "M-R", "10", "0", ""]),
        ]
        let product = try #require(try run(Self.shopLike("fold"), rows).first?.product)
        #expect(product.price == 10)
        #expect(!product.inStock)
    }

    @Test("a status on the first row filters every row of the group")
    func inheritedFilter() throws {
        var rows = Self.varsityTop
        rows[0] = Self.row(2, ["classic-varsity-top", "Classic Varsity Top", "draft", "Small", "", "60", "1", "https://cdn.example/top.jpg"])
        let outcomes = try run(Self.shopLike("fold"), rows)
        #expect(outcomes.count == 4)
        #expect(outcomes.allSatisfy { $0.isFiltered })
    }

    @Test("fold: a variant that cannot be mapped is rejected and the others still fold")
    func foldWithRejectedVariant() throws {
        var rows = Self.varsityTop
        rows[2] = Self.row(4, ["classic-varsity-top", "", "", "Large", "", "call us", "1", ""])
        let outcomes = try run(Self.shopLike("fold"), rows)
        #expect(outcomes[0].product?.price == 60)
        #expect(outcomes[2].rejection?.field == "price")
        #expect(outcomes[2].rejection?.location.line == 4)
    }

    @Test("fold: a row whose group already ended is rejected, saying to sort by the key")
    func foldStraggler() throws {
        let rows = [
            Self.row(2, ["a", "A", "active", "S", "", "5", "1", ""]),
            Self.row(3, ["b", "B", "active", "S", "", "6", "1", ""]),
            Self.row(4, ["a", "", "", "M", "", "4", "1", ""]),
        ]
        let outcomes = try run(Self.shopLike("fold"), rows)
        #expect(outcomes.compactMap(\.product).map(\.pid) == ["a", "b"])
        let rejection = try #require(outcomes[2].rejection)
        #expect(rejection.location.line == 4)
        #expect(rejection.reason.contains("sort the export by the group key"))
    }

    @Test("separate: a row whose group already ended is mapped alone with a warning")
    func separateStraggler() throws {
        let rows = [
            Self.row(2, ["a", "A", "active", "S", "A-S", "5", "1", ""]),
            Self.row(3, ["b", "B", "active", "S", "B-S", "6", "1", ""]),
            Self.row(4, ["a", "A again", "", "M", "A-M", "4", "1", ""]),
        ]
        let outcomes = try run(Self.shopLike("separate"), rows)
        #expect(outcomes[2].product?.pid == "A-M")
        #expect(outcomes[2].warnings.first?.reason.contains("not next to the group's other rows") == true)
    }

    @Test("records without a key are products of their own, as Meta rows without item_group_id")
    func noKey() throws {
        let rows = [
            Self.row(2, ["", "Wine", "active", "", "W1", "18", "1", ""]),
            Self.row(3, ["", "Sekt", "active", "", "W2", "15", "1", ""]),
        ]
        let outcomes = try run(Self.shopLike("fold"), rows)
        #expect(outcomes.compactMap(\.product).map(\.pid) == ["W1", "W2"])
    }

    @Test("max_rows ends a group, and later rows of it count as stragglers")
    func maxRows() throws {
        let rows = (2...5).map { Self.row($0, ["big", "Big", "active", "V\($0)", "", "\($0)", "1", ""]) }
        let outcomes = try run(Self.shopLike("fold", extra: "").replacingOccurrences(of: "variants: fold", with: "variants: fold\n  max_rows: 2"), rows)
        #expect(outcomes.compactMap(\.product).count == 1)
        #expect(outcomes.compactMap(\.rejection).count == 2)
    }

    @Test("image rows of a group with no variant left are rejected, not lost")
    func orphanImageRows() throws {
        var rows = Self.varsityTop
        rows[0] = Self.row(2, ["classic-varsity-top", "Classic Varsity Top", "active", "Small", "", "n/a", "1", "https://cdn.example/top.jpg"])
        rows[1] = Self.row(3, ["classic-varsity-top", "", "", "Medium", "", "n/a", "0", ""])
        rows[2] = Self.row(4, ["classic-varsity-top", "", "", "Large", "", "n/a", "1", ""])
        let outcomes = try run(Self.shopLike("separate"), rows)
        #expect(outcomes.allSatisfy { $0.rejection != nil })
        #expect(outcomes[3].rejection?.reason.contains("image row") == true)
    }

    @Test("WooCommerce variations sorted under their parent fold into the parent, named by it")
    func wooParentFold() throws {
        // woo_sample_products/sample_products.csv: the Hoodie (variable, SKU cc-hoodie) and its
        // variations (Parent cc-hoodie), here sorted so that they follow their parent.
        var grouper = GroupingMapper(mapper: try MappingFactory.mapper("""
            extends: woocommerce-csv
            filter: { drop: [{ field: Type, in: [grouped] }] }
            group_by: { key: { from: [Parent, SKU] }, variants: fold, inherit: [Categories] }
            """, variables: ["base_url": "https://classiccommerce.cc"]))
        let header = ["ID", "Type", "SKU", "Name", "Published", "In stock?", "Sale price", "Regular price", "Categories", "Parent"]
        let cells = [
            ["742", "variable", "cc-hoodie", "Hoodie", "1", "1", "", "", "Clothing > Hoodies", ""],
            ["758", "variation", "cc-hoodie-red", "Hoodie - Red, No", "1", "1", "42", "45", "", "cc-hoodie"],
            ["759", "variation", "cc-hoodie-green", "Hoodie - Green, No", "1", "1", "", "45", "", "cc-hoodie"],
            ["743", "simple", "cc-hoodie-with-logo", "Hoodie with Pocket and  Logo", "1", "1", "", "45", "Clothing > Hoodies", ""],
        ]
        var mapped: [MappedRecord] = []
        for (index, row) in cells.enumerated() {
            grouper.add(MappingFactory.record(Array(zip(header, row)), line: index + 2), to: &mapped)
        }
        grouper.finish(into: &mapped)
        let outcomes = mapped.map(\.outcome)
        let products = outcomes.compactMap(\.product)
        #expect(products.map(\.pid) == ["cc-hoodie", "cc-hoodie-with-logo"])
        #expect(products[0].name == "Hoodie")
        #expect(products[0].price == 42)
        #expect(products[0].oldPrice == 45)
        #expect(products[0].url == "https://classiccommerce.cc/?p=742")
        #expect(products[0].categories.map(\.cid) == ["clothing", "clothing/hoodies"])
        #expect(outcomes.filter(\.isMerged).count == 2)
    }
}
