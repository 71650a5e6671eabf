import FeedSyncCore
import Foundation
import Testing

/// One webhook query and the rule it must select by, applied in Swift to the full catalog.
struct FilterCase: Sendable, CustomTestStringConvertible {
    /// The query string, percent-encoded as a client sends it.
    var query: String
    /// Whether a product matches.
    var matches: @Sendable (Product) -> Bool
    /// Whether the case is meant to select nothing.
    var selectsNothing = false

    var testDescription: String { query }
}

/// `date` written as ISO-8601 wall time at `offsetMinutes` from UTC (`+03:30` for 210).
func isoTime(_ date: Date, offsetMinutes: Int, plusEncoded: Bool = false) -> String {
    let wall = Timestamp.format(date.addingTimeInterval(Double(offsetMinutes * 60)))
    let sign = offsetMinutes < 0 ? "-" : (plusEncoded ? "%2B" : "+")
    let minutes = abs(offsetMinutes)
    let offset = sign + String(format: "%02d:%02d", minutes / 60, minutes % 60)
    return String(wall.dropLast(6)) + offset
}

func epoch(_ date: Date) -> String { String(Int64(date.timeIntervalSince1970)) }

/// The filter cases: every Product and Category field, every range, and combinations.
enum FilterCases {
    typealias C = WebhookCatalog

    static let pid: [FilterCase] = [
        FilterCase(query: "pid=SKU-0042") { $0.pid == "SKU-0042" },
        FilterCase(query: "pid=X100") { $0.pid == "X100" },
        FilterCase(query: "pid=SKU-9999", matches: { _ in false }, selectsNothing: true),
    ]

    static let name: [FilterCase] = [
        FilterCase(query: "name=" + queryEncoded(C.numbered(13).name)) { $0.name == C.numbered(13).name },
        FilterCase(query: "name=" + queryEncoded(C.numbered(15).name)) { $0.name == C.numbered(15).name },  // Persian
        FilterCase(query: "name=Gift%20card") { $0.name == "Gift card" },
        FilterCase(query: "name=" + queryEncoded(C.punctuatedName)) { $0.name == C.punctuatedName },
    ]

    static let url: [FilterCase] = [
        FilterCase(query: "url=" + queryEncoded(C.numbered(42).url)) { $0.url == C.numbered(42).url },  // holds ? & =
        FilterCase(query: "url=" + queryEncoded(C.numbered(43).url)) { $0.url == C.numbered(43).url },
    ]

    static let price: [FilterCase] = [
        FilterCase(query: "price=250000") { $0.price == 250_000 },
        FilterCase(query: "price=\(C.numbered(14).price)") { $0.price == C.numbered(14).price },  // with a fraction
        FilterCase(query: "old_price=\(Int(C.numbered(20).oldPrice!))") { $0.oldPrice == C.numbered(20).oldPrice },
        FilterCase(query: "old_price=null") { $0.oldPrice == nil },
    ]

    static let inStock: [FilterCase] = [
        FilterCase(query: "in_stock=true") { $0.inStock },
        FilterCase(query: "in_stock=false") { !$0.inStock },
        FilterCase(query: "in_stock=1") { $0.inStock },
        FilterCase(query: "in_stock=0") { !$0.inStock },
    ]

    static let image: [FilterCase] = [
        FilterCase(query: "image=" + queryEncoded(C.sharedImage)) { $0.images.contains(C.sharedImage) },
        FilterCase(query: "image=" + queryEncoded("https://cdn.shop.example/img/7-2.jpg")) {
            $0.images.contains("https://cdn.shop.example/img/7-2.jpg")
        },
    ]

    static let times: [FilterCase] = [
        FilterCase(query: "created_at=" + Timestamp.format(C.numbered(33).createdAt)) { $0.createdAt == C.numbered(33).createdAt },
        FilterCase(query: "created_at=" + epoch(C.numbered(34).createdAt)) { $0.createdAt == C.numbered(34).createdAt },
        FilterCase(query: "updated_at=2024-06-01T12:00:00Z") { $0.updatedAt == C.sharedUpdate },
        FilterCase(query: "updated_at=" + isoTime(C.sharedUpdate, offsetMinutes: 210, plusEncoded: true)) { $0.updatedAt == C.sharedUpdate },
        FilterCase(query: "last_update=" + epoch(C.sharedUpdate)) { $0.updatedAt == C.sharedUpdate },
        FilterCase(query: "min_created_at=" + epoch(C.numbered(200).createdAt)) { $0.createdAt >= C.numbered(200).createdAt },
        FilterCase(query: "max_created_at=" + isoTime(C.numbered(20).createdAt, offsetMinutes: 210)) { $0.createdAt <= C.numbered(20).createdAt },
    ]

    static let category: [FilterCase] = [
        FilterCase(query: "cid=11") { $0.categories.contains { $0.cid == "11" } },
        FilterCase(query: "cid=111") { $0.categories.contains { $0.cid == "111" } },
        FilterCase(query: "cid=30") { $0.categories.contains { $0.cid == "30" } },
        FilterCase(query: "cid=999", matches: { _ in false }, selectsNothing: true),
        FilterCase(query: "parent_cid=10") { $0.categories.contains { $0.parentCid == "10" } },
        FilterCase(query: "parent_cid=null") { $0.categories.contains { $0.parentCid == nil } },
        FilterCase(query: "is_primary=1") { $0.categories.contains { $0.isPrimary } },
        FilterCase(query: "is_primary=true") { $0.categories.contains { $0.isPrimary } },
        FilterCase(query: "is_primary=0") { $0.categories.contains { !$0.isPrimary } },
        FilterCase(query: "is_primary=false") { $0.categories.contains { !$0.isPrimary } },
        FilterCase(query: "category_name=" + queryEncoded("گوشی اندروید")) { $0.categories.contains { $0.name == "گوشی اندروید" } },
        FilterCase(query: "category_name=" + queryEncoded("Home & Kitchen")) { $0.categories.contains { $0.name == "Home & Kitchen" } },
        FilterCase(query: "category_url=" + queryEncoded(C.tree["22"]!.url)) { $0.categories.contains { $0.url == C.tree["22"]!.url } },
    ]

    static let priceRanges: [FilterCase] = [
        FilterCase(query: "min_price=500000") { $0.price >= 500_000 },
        FilterCase(query: "max_price=200000") { $0.price <= 200_000 },
        FilterCase(query: "min_price=300000&max_price=600000") { (300_000...600_000).contains($0.price) },
        FilterCase(query: "min_price=250000&max_price=250000") { $0.price == 250_000 },  // both bounds inclusive
        FilterCase(query: "min_price=\(C.numbered(14).price)") { $0.price >= C.numbered(14).price },
        FilterCase(query: "min_old_price=600000") { ($0.oldPrice ?? -1) >= 600_000 },
        FilterCase(query: "max_old_price=300000") { $0.oldPrice.map { $0 <= 300_000 } ?? false },
        FilterCase(query: "min_old_price=200000&max_old_price=400000") { $0.oldPrice.map { (200_000...400_000).contains($0) } ?? false },
    ]

    /// A time in the middle of the catalog's update times, and one exactly on a product's update time.
    static let middle = C.numbered(125).updatedAt
    static let onProduct = C.numbered(100).updatedAt

    static let updateRanges: [FilterCase] = [
        FilterCase(query: "min_last_update=" + isoTime(middle, offsetMinutes: 210)) { $0.updatedAt >= middle },
        FilterCase(query: "min_last_update=" + isoTime(middle, offsetMinutes: 210, plusEncoded: true)) { $0.updatedAt >= middle },
        FilterCase(query: "min_last_update=" + isoTime(middle, offsetMinutes: -300)) { $0.updatedAt >= middle },
        FilterCase(query: "min_last_update=" + epoch(middle)) { $0.updatedAt >= middle },
        FilterCase(query: "max_last_update=" + isoTime(middle, offsetMinutes: 210)) { $0.updatedAt <= middle },
        FilterCase(query: "max_last_update=" + epoch(middle)) { $0.updatedAt <= middle },
        FilterCase(query: "min_last_update=" + epoch(onProduct)) { $0.updatedAt >= onProduct },  // inclusive
        FilterCase(query: "max_last_update=" + Timestamp.format(onProduct)) { $0.updatedAt <= onProduct },  // inclusive
        FilterCase(query: "min_last_update=" + epoch(onProduct) + "&max_last_update=" + isoTime(middle, offsetMinutes: 210, plusEncoded: true)) {
            (onProduct...middle).contains($0.updatedAt)
        },
        FilterCase(query: "min_last_update=2024-06-01") { $0.updatedAt >= C.sharedUpdate.addingTimeInterval(-12 * 3_600) },
        FilterCase(query: "max_last_update=" + epoch(middle) + "000") { $0.updatedAt <= middle },  // epoch milliseconds
        FilterCase(query: "max_last_update=" + Timestamp.format(onProduct).dropLast(6) + ".75Z") { $0.updatedAt <= onProduct.addingTimeInterval(0.75) },
    ]

    static let combinations: [FilterCase] = [
        FilterCase(query: "cid=11&is_primary=1") { $0.categories.contains { $0.cid == "11" && $0.isPrimary } },
        FilterCase(query: "cid=11&is_primary=0") { $0.categories.contains { $0.cid == "11" && !$0.isPrimary } },
        FilterCase(query: "parent_cid=null&is_primary=1") { $0.categories.contains { $0.parentCid == nil && $0.isPrimary } },
        FilterCase(query: "category_name=Kitchen&parent_cid=20") { $0.categories.contains { $0.name == "Kitchen" && $0.parentCid == "20" } },
        FilterCase(query: "cid=111&parent_cid=null", matches: { _ in false }, selectsNothing: true),  // one and the same category
        FilterCase(query: "min_price=100000&max_price=700000&in_stock=1") { (100_000...700_000).contains($0.price) && $0.inStock },
        FilterCase(query: "old_price=null&in_stock=0") { $0.oldPrice == nil && !$0.inStock },
        FilterCase(query: "image=" + queryEncoded(C.sharedImage) + "&in_stock=true") { $0.images.contains(C.sharedImage) && $0.inStock },
        FilterCase(query: "name=Gift%20card&in_stock=1") { $0.name == "Gift card" && $0.inStock },
        FilterCase(query: "cid=10&max_price=500000&min_last_update=" + epoch(middle)) {
            $0.categories.contains { $0.cid == "10" } && $0.price <= 500_000 && $0.updatedAt >= middle
        },
        FilterCase(query: "pid=SKU-0041&in_stock=0") { $0.pid == "SKU-0041" && !$0.inStock },
        FilterCase(query: "pid=SKU-0042&in_stock=0", matches: { _ in false }, selectsNothing: true),
    ]
}

struct WebhookFilterTests {
    /// Checks that `filter` lists exactly the products its rule selects from the full catalog, in pid order.
    private func check(_ filter: FilterCase) async throws {
        let expected = WebhookCatalog.expectedPids(where: filter.matches)
        if filter.selectsNothing {
            #expect(expected.isEmpty, "the case is meant to select nothing")
        } else {
            // A filter that selects nothing or everything would prove nothing.
            #expect(!expected.isEmpty && expected.count < WebhookCatalog.products.count, "the catalog does not exercise \(filter.query)")
        }
        try await withServer { client in
            let pages = try await client.allPages(filter.query)
            let listed = pages.flatMap { $0.products.map(\.pid) }
            #expect(pages[0].meta.total == expected.count)
            let extra = Set(listed).subtracting(expected).sorted()
            let missing = Set(expected).subtracting(listed).sorted()
            #expect(extra.isEmpty, "listed but not matching: \(extra.prefix(10))")
            #expect(missing.isEmpty, "matching but not listed: \(missing.prefix(10))")
            let inPidOrder = listed == expected
            #expect(inPidOrder, "listed \(listed.count) products, expected \(expected.count) in pid order")
        }
    }

    @Test("pid filters list exactly the products with that pid", arguments: FilterCases.pid)
    func pid(_ filter: FilterCase) async throws { try await check(filter) }

    @Test("name filters match the whole name, Persian and punctuated names included", arguments: FilterCases.name)
    func name(_ filter: FilterCase) async throws { try await check(filter) }

    @Test("url filters match the whole product URL", arguments: FilterCases.url)
    func url(_ filter: FilterCase) async throws { try await check(filter) }

    @Test("price and old_price filters match exactly, and old_price=null matches products without one", arguments: FilterCases.price)
    func price(_ filter: FilterCase) async throws { try await check(filter) }

    @Test("in_stock accepts true, false, 1 and 0", arguments: FilterCases.inStock)
    func inStock(_ filter: FilterCase) async throws { try await check(filter) }

    @Test("image filters match products having that image among theirs", arguments: FilterCases.image)
    func image(_ filter: FilterCase) async throws { try await check(filter) }

    @Test("created_at and updated_at filters match the exact time, ISO-8601 or epoch", arguments: FilterCases.times)
    func times(_ filter: FilterCase) async throws { try await check(filter) }

    @Test("category filters match products having such a category", arguments: FilterCases.category)
    func category(_ filter: FilterCase) async throws { try await check(filter) }

    @Test("price ranges are inclusive and old_price ranges skip products without one", arguments: FilterCases.priceRanges)
    func priceRanges(_ filter: FilterCase) async throws { try await check(filter) }

    @Test("last_update ranges accept ISO-8601 with offsets and epoch seconds, bounds inclusive", arguments: FilterCases.updateRanges)
    func updateRanges(_ filter: FilterCase) async throws { try await check(filter) }

    @Test("filters combine with AND, category filters on one and the same category", arguments: FilterCases.combinations)
    func combinations(_ filter: FilterCase) async throws { try await check(filter) }

    @Test("a lower time bound with a fraction of a second excludes a product updated earlier in that second")
    func fractionalLowerBound() async throws {
        // Product 100 was updated at a whole second T; the bound is T + 0.5 s, so it must not match.
        let bound = FilterCases.onProduct.addingTimeInterval(0.5)
        let filter = FilterCase(query: "min_last_update=" + Timestamp.format(FilterCases.onProduct).dropLast(6) + ".5Z") { $0.updatedAt >= bound }
        try #require(WebhookCatalog.products.contains { $0.updatedAt == FilterCases.onProduct })
        try await check(filter)
    }

    @Test("an exact time with a fraction of a second matches no product stored in whole seconds")
    func fractionalExactTime() async throws {
        let filter = FilterCase(query: "updated_at=" + Timestamp.format(FilterCases.onProduct).dropLast(6) + ".5Z", matches: { _ in false }, selectsNothing: true)
        try await check(filter)
    }

    @Test("a filtered answer pages like the whole catalog: every match once, in pid order")
    func filteredPaging() async throws {
        let expected = WebhookCatalog.expectedPids { $0.inStock && $0.categories.contains { $0.cid == "10" } }
        try await withServer { client in
            let pages = try await client.allPages("in_stock=1&cid=10", perPage: 7)
            #expect(pages.count == (expected.count + 6) / 7)
            #expect(pages.allSatisfy { $0.meta.total == expected.count && $0.meta.last == pages.count })
            #expect(pages.flatMap { $0.products.map(\.pid) } == expected)
        }
    }

    @Test("a filtered product is served whole, exactly as stored")
    func filteredProductIsWhole() async throws {
        let product = WebhookCatalog.numbered(15)
        try await withServer { client in
            let page = try await client.page("pid=\(product.pid)")
            #expect(page.products == [product])
        }
    }
}
