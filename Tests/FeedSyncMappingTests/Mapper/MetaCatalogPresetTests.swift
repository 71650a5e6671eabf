import FeedSyncCore
import FeedSyncMapping
import Testing

/// meta-catalog-csv on two shops' Meta catalog feeds.
@Suite("Preset meta-catalog-csv")
struct MetaCatalogPresetTests {
    @Test("variants are products of their own by default, with prices in taka")
    func bdtSeparate() throws {
        let run = try PresetRun("meta-catalog-csv", "meta_catalog_csv_bdt_variants/products.csv")
        #expect(run.products.count == 36)
        #expect(run.countsAddUp)
        let tee = try run.product("drop_tshirt-black-m")
        #expect(tee.name == "Chayannito 26 Drop Shoulder T-Shirt - Black-M")
        #expect(tee.url == "https://shop.chayannito26.com/product/drop_tshirt")
        #expect(tee.price == 449)
        #expect(tee.oldPrice == nil)
        #expect(tee.inStock)
        #expect(tee.images == ["https://shop.chayannito26.com/images/drop_black_1.jpg"])
        #expect(tee.categories.isEmpty)
        #expect(try run.product("sticker-2.5in").price == 15)
    }

    @Test("with variants fold, each item group is one product at its lowest price with every variant's image")
    func bdtFold() throws {
        let run = try PresetRun("meta-catalog-csv", "meta_catalog_csv_bdt_variants/products.csv", overrides: "group_by: { variants: fold }\n")
        #expect(run.products.map(\.pid) == ["drop_tshirt", "hoodie", "mug", "totebag", "notebook", "pen", "bottle", "phonecover", "sticker"])
        #expect(run.merged == 27)
        #expect(run.countsAddUp)
        let tee = try run.product("drop_tshirt")
        #expect(tee.price == 449)
        #expect(tee.images.count == 2)
        #expect(tee.name == "Chayannito 26 Drop Shoulder T-Shirt - White-S")
        #expect(try run.product("sticker").price == 5)
        #expect(try run.product("notebook").images.count == 2)
    }

    @Test("German wine shop: euro prices and the Google category chain")
    func wine() throws {
        let run = try PresetRun("meta-catalog-csv", "meta_catalog_csv_de_wine/facebook_catalog.csv")
        #expect(run.products.count == 80)
        #expect(run.rejections.isEmpty)
        let held = try run.product("uyJSzIis1XqQu6ECM9xgfl")
        #expect(held.name == "2018 Pölicher Held")
        #expect(held.price == 18)
        #expect(held.oldPrice == nil)
        #expect(held.inStock)
        #expect(held.images.count == 1)
        #expect(held.categoryChain.cids == [
            "food-beverages-tobacco", "food-beverages-tobacco/beverages", "food-beverages-tobacco/beverages/alcoholic-beverages",
            "food-beverages-tobacco/beverages/alcoholic-beverages/wine",
        ])
        #expect(held.details?.hasPrefix("Aromen und Stil Kräftiges Goldgelb im Glas.") == true)
        #expect(try run.product("uyJSzIis1XqQu6ECM9xiqd").price == 100)
    }
}
