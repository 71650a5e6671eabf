import FeedSyncCore
import FeedSyncMapping
import Testing

/// magento2-csv on Magento's Luma sample catalog, and magento-sample-data-csv on the
/// sample-data fixtures.
@Suite("Presets magento2-csv and magento-sample-data-csv")
struct MagentoPresetTests {
    private let shop = "https://luma.example"

    @Test("Luma export: the 147 configurable products are mapped, their invisible children filtered")
    func lumaConfigurable() throws {
        let run = try PresetRun("magento2-csv", "magento_luma_configurable/products.csv", baseURL: shop)
        #expect(run.products.count == 147)
        #expect(run.filtered == 1847)
        #expect(run.rejections.isEmpty)
        #expect(run.countsAddUp)
        let hoodie = try run.product("MH01")
        #expect(hoodie.name == "Chaz Kangeroo Hoodie")
        #expect(hoodie.url == "https://luma.example/chaz-kangeroo-hoodie.html")
        #expect(hoodie.price == 52)
        #expect(hoodie.oldPrice == nil)
        #expect(hoodie.inStock)
        #expect(hoodie.images == [
            "https://luma.example/media/catalog/product/m/h/mh01-gray_main.jpg",
            "https://luma.example/media/catalog/product/m/h/mh01-gray_alt1.jpg",
            "https://luma.example/media/catalog/product/m/h/mh01-gray_back.jpg",
        ])
        #expect(hoodie.categoryChain.cids == ["men", "men/tops", "men/tops/hoodies-sweatshirts", "collections", "collections/eco-friendly"])
        #expect(hoodie.categoryChain.primary == "men/tops/hoodies-sweatshirts")
        #expect(hoodie.details?.hasPrefix("Ideal for cold-weather training") == true)
    }

    @Test("Luma export: a second product keeps its own values")
    func lumaSecondProduct() throws {
        let run = try PresetRun("magento2-csv", "magento_luma_configurable/products.csv", baseURL: shop)
        let teton = try run.product("MH02")
        #expect(teton.price == 70)
        #expect(teton.images.count == 3)
        #expect(teton.categoryChain.cids == ["men", "men/tops", "men/tops/hoodies-sweatshirts"])
    }

    @Test("sample-data bags: two-level category pairs, special prices as sales, no images")
    func sampleDataBags() throws {
        let run = try PresetRun("magento-sample-data-csv", "magento_luma_simple_gear/products_gear_bags.csv", baseURL: shop)
        #expect(run.products.count == 14)
        #expect(run.countsAddUp)
        let duffle = try run.product("24-MB01")
        #expect(duffle.url == "https://luma.example/joust-duffle-bag.html")
        #expect(duffle.price == 34)
        #expect(duffle.oldPrice == nil)
        #expect(duffle.inStock)
        #expect(duffle.images.isEmpty)
        #expect(duffle.categoryChain.cids == ["gear", "gear/bags"])
        let tote = try run.product("24-WB05")  // price 32, special_price 24
        #expect(tote.price == 24)
        #expect(tote.oldPrice == 32)
        #expect(tote.categoryChain.cids == ["gear", "gear/bags", "collections", "collections/erin-recommends"])
        #expect(tote.categoryChain.primary == "gear/bags")
        let pack = try run.product("24-MB04")  // special_price equal to the price: no sale
        #expect(pack.price == 32)
        #expect(pack.oldPrice == nil)
    }

    @Test("sample-data watches map with their collections")
    func sampleDataWatches() throws {
        let run = try PresetRun("magento-sample-data-csv", "magento_luma_simple_gear/products_gear_watches.csv", baseURL: shop)
        #expect(run.products.count == 9)
        let summit = try run.product("24-MG03")
        #expect(summit.price == 54)
        #expect(summit.categoryChain.cids == ["gear", "gear/watches", "collections", "collections/new-luma-yoga-collection"])
        #expect(try run.product("24-WG09").oldPrice == nil)  // special price 43 equals the price
    }
}
