import FeedSyncCore
import FeedSyncMapping
import Foundation
import Testing

/// prestashop-csv on PrestaShop's own import samples.
@Suite("Preset prestashop-csv")
struct PrestaShopPresetTests {
    private let file = "prestashop_import_samples/products_import.csv"
    private let shop = "https://presta.example"

    @Test("products map with their images, categories and creation dates; a product visible nowhere is filtered")
    func products() throws {
        let run = try PresetRun("prestashop-csv", file, baseURL: shop)
        #expect(run.products.map(\.pid) == ["1", "2", "3", "4", "6", "7"])
        #expect(run.filtered == 1)  // iPod touch: visibility none
        #expect(run.countsAddUp)
        let nano = try run.product("1")
        #expect(nano.name == "iPod Nano")
        #expect(nano.url == "https://presta.example/index.php?controller=product&id_product=1")
        #expect(nano.price == 100)
        #expect(nano.oldPrice == nil)  // its discount ended on 2018-12-31
        #expect(nano.inStock)
        #expect(nano.images.count == 2)
        #expect(nano.categoryChain.cids == ["ipods"])
        #expect(nano.categoryChain.primary == "ipods")
        #expect(nano.sku == "RP-demo_1")
        #expect(Timestamp.format(nano.createdAt) == "2013-01-01T00:00:00+00:00")
        let folio = try run.product("6")
        #expect(folio.name == "Belkin Leather Folio for iPod nano - Black / Chocolate")
        #expect(folio.price == 25)
        #expect(folio.categoryChain.cids == ["accessories"])
    }

    @Test("while the discounts run, percent and amount discounts give the sale price")
    func discountsWhileRunning() throws {
        let inWindow = Date(timeIntervalSince1970: 1_420_070_400)  // 2015-01-01
        let run = try PresetRun("prestashop-csv", file, baseURL: shop, now: inWindow)
        let nano = try run.product("1")
        #expect(nano.price == 94.5)  // 5.5 percent off 100
        #expect(nano.oldPrice == 100)
        let air = try run.product("3")
        #expect(air.price == 1400)  // 100 off 1500
        #expect(air.oldPrice == 1500)
        #expect(try run.product("2").oldPrice == nil)  // on sale, but with no discount
    }
}
