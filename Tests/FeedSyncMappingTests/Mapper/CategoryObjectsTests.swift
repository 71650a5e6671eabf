import FeedSyncConfig
import FeedSyncCore
import FeedSyncMapping
import FeedSyncSources
import Foundation
import Testing

/// `categories: { objects: … }` zips parallel repeated fields into Category entities.
@Suite("Category objects")
struct CategoryObjectsTests {
    private static let yaml = MappingFactory.requiredFields + """

          categories:
            objects: { cid: categories/cid, name: categories/name, url: categories/url, parent_cid: categories/parent_cid, is_primary: categories/is_primary }
        """

    private static let required = [("id", "7"), ("title", "Shirt"), ("link", "https://shop.example/p/7"), ("price", "100")]

    private func map(_ pairs: [(String, String)], yaml: String = yaml) throws -> MapOutcome {
        var mapper = try MappingFactory.mapper(yaml)
        return mapper.map(MappingFactory.record(Self.required + pairs))
    }

    @Test("the i-th values of each member make the i-th category; an empty parent is a root")
    func zipsByPosition() throws {
        let outcome = try map([
            ("categories/cid", "10"), ("categories/name", "Clothing"), ("categories/url", "https://shop.example/c/10"),
            ("categories/parent_cid", ""), ("categories/is_primary", "0"),
            ("categories/cid", "11"), ("categories/name", "Shirts"), ("categories/url", "https://shop.example/c/11"),
            ("categories/parent_cid", "10"), ("categories/is_primary", "1"),
        ])
        let product = try #require(outcome.product)
        #expect(product.categories == [
            Category(cid: "10", name: "Clothing", url: "https://shop.example/c/10", parentCid: nil, isPrimary: false),
            Category(cid: "11", name: "Shirts", url: "https://shop.example/c/11", parentCid: "10", isPrimary: true),
        ])
    }

    @Test("is_primary reads true/false in any case; with none primary the first becomes primary")
    func firstIsPrimaryWhenNoneIs() throws {
        let outcome = try map([
            ("categories/cid", "a"), ("categories/name", "A"), ("categories/is_primary", "FALSE"),
            ("categories/cid", "b"), ("categories/name", "B"), ("categories/is_primary", "false"),
        ])
        let product = try #require(outcome.product)
        #expect(product.categories.map(\.isPrimary) == [true, false])
        #expect(product.categories.map(\.url) == ["", ""])
    }

    @Test("of several primary categories only the first stays primary")
    func exactlyOnePrimary() throws {
        let outcome = try map([
            ("categories/cid", "a"), ("categories/name", "A"), ("categories/is_primary", "0"),
            ("categories/cid", "b"), ("categories/name", "B"), ("categories/is_primary", "true"),
            ("categories/cid", "c"), ("categories/name", "C"), ("categories/is_primary", "1"),
        ])
        let product = try #require(outcome.product)
        #expect(product.categories.filter(\.isPrimary).map(\.cid) == ["b"])
    }

    @Test("objects without a cid and repeated cids are skipped; a missing name is the cid")
    func skipsEmptyAndRepeatedIds() throws {
        let outcome = try map([
            ("categories/cid", ""), ("categories/name", "Nameless"),
            ("categories/cid", "5"), ("categories/name", ""),
            ("categories/cid", "5"), ("categories/name", "Again"),
        ])
        let product = try #require(outcome.product)
        #expect(product.categories.map(\.cid) == ["5"])
        #expect(product.categories.first?.name == "5")
    }

    @Test("a record without category objects has no categories")
    func noObjects() throws {
        let product = try #require(try map([]).product)
        #expect(product.categories.isEmpty)
    }

    @Test("an is_primary that is no boolean rejects the record, naming the field")
    func badFlag() throws {
        let outcome = try map([("categories/cid", "a"), ("categories/name", "A"), ("categories/is_primary", "maybe")])
        let rejection = try #require(outcome.rejection)
        #expect(rejection.field == "categories")
        #expect(rejection.reason.contains("'maybe'"))
    }

    @Test("objects on a field other than categories is refused at load with its line")
    func onlyForCategories() throws {
        let yaml = MappingFactory.requiredFields + """

              images:
                objects: { cid: a, name: b }
            """
        let error = try #require(MappingFactory.loadError(yaml))
        #expect(error.contains("test.yml:7"))
        #expect(error.contains("objects builds categories"))
    }

    @Test("objects with transforms, or without cid, or with an unknown key, is refused at load")
    func refusedShapes() throws {
        let withTransforms = try #require(MappingFactory.loadError(MappingFactory.requiredFields + """

              categories:
                objects: { cid: a, name: b }
                transforms: [trim]
            """))
        #expect(withTransforms.contains("test.yml:7"))
        #expect(withTransforms.contains("cannot be combined"))
        let withoutCid = try #require(MappingFactory.loadError(MappingFactory.requiredFields + """

              categories: { objects: { name: b } }
            """))
        #expect(withoutCid.contains("test.yml:6"))
        #expect(withoutCid.contains("cid"))
        let unknownKey = try #require(MappingFactory.loadError(MappingFactory.requiredFields + """

              categories: { objects: { cid: a, name: b, slug: c } }
            """))
        #expect(unknownKey.contains("test.yml:6"))
        #expect(unknownKey.contains("slug"))
    }
}
