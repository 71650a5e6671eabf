import FeedSyncConfig
import FeedSyncCore
import FeedSyncMapping
import Testing

/// shopify-csv on Shopify's own templates and the Shopify Partners demo catalogs.
@Suite("Preset shopify-csv")
struct ShopifyPresetTests {
    private let shop = "https://acme.example"

    @Test("2023 template: the T-shirt's twelve rows fold into one product, the draft and archived ones are filtered")
    func template2023() throws {
        let run = try PresetRun("shopify-csv", "shopify_template_2023/product_template.csv", baseURL: shop)
        #expect(run.products.map(\.pid) == ["example-shirt"])
        #expect(run.filtered == 5)  // Example Jeans (draft, 4 rows) and Example Beanie (archived)
        #expect(run.merged == 11)
        #expect(run.rejections.isEmpty)
        #expect(run.countsAddUp)
        let shirt = try run.product("example-shirt")
        #expect(shirt.name == "Example T-Shirt")
        #expect(shirt.url == "https://acme.example/products/example-shirt")
        #expect(shirt.price == 25)
        #expect(shirt.oldPrice == nil)
        #expect(shirt.inStock)  // quantity 0, but the inventory is not tracked
        #expect(shirt.images.count == 6)
        #expect(shirt.images.first == "https://burst.shopifycdn.com/photos/tshirts.jpg?width=1500")
        #expect(shirt.categoryChain.cids == [
            "apparel-accessories", "apparel-accessories/clothing", "apparel-accessories/clothing/clothing-tops",
            "apparel-accessories/clothing/clothing-tops/t-shirts",
        ])
        #expect(shirt.categoryChain.primary == "apparel-accessories/clothing/clothing-tops/t-shirts")
        #expect(shirt.sku == "SRT_COT_111")
        #expect(shirt.details?.hasPrefix("This t-shirt is as simple as it gets.") == true)
    }

    @Test("2023 template with variants separate: one product per variant, pid the SKU, title inherited")
    func template2023Separate() throws {
        let run = try PresetRun(
            "shopify-csv", "shopify_template_2023/product_template.csv", baseURL: shop,
            overrides: "group_by: { variants: separate }\n")
        #expect(run.products.count == 12)
        let graySmall = try run.product("SRT_COT_311")
        #expect(graySmall.name == "Example T-Shirt")
        #expect(graySmall.price == 25)
        #expect(graySmall.images == ["https://burst.shopifycdn.com/photos/grey-t-shirt.jpg?width=1500"])
        #expect(graySmall.categoryChain.primary == "apparel-accessories/clothing/clothing-tops/t-shirts")
        #expect(run.countsAddUp)
    }

    @Test("legacy template: the cheapest variant's price with its compare-at price as old_price")
    func legacyTemplate() throws {
        let run = try PresetRun("shopify-csv", "shopify_template_legacy/product_template.csv", baseURL: shop)
        let shirt = try run.product("example-t-shirt")
        #expect(run.products.count == 1)
        #expect(shirt.price == 19.99)
        #expect(shirt.oldPrice == 24.99)
        #expect(shirt.inStock)
        #expect(shirt.images == ["https://cdn.shopify.com/s/images/shopify_shirt.png?e6948ca4d9028f9e734b8202cc472e3b89aae0f3"])
        #expect(shirt.categoryChain.cids == ["apparel-accessories", "apparel-accessories/clothing"])
    }

    @Test("Partners demo jewellery: image rows add images, out-of-stock variants of untracked inventory still sell")
    func partnersJewelery() throws {
        let run = try PresetRun("shopify-csv", "shopify_partners_demo_csvs/jewelery.csv", baseURL: shop)
        #expect(run.products.count == 20)
        #expect(run.merged == 21)
        #expect(run.countsAddUp)
        let anchor = try run.product("leather-anchor")
        #expect(anchor.name == "Anchor Bracelet Mens")
        #expect(anchor.price == 55)  // Silver, the cheaper of the two
        #expect(anchor.oldPrice == 85)
        #expect(anchor.inStock)
        #expect(anchor.images.count == 3)  // two variants and one image row
        #expect(anchor.categoryChain.cids == ["bracelet"])
        let crane = try run.product("origami-crane-necklace")
        #expect(crane.price == 75.99)
        #expect(crane.oldPrice == nil)
        #expect(crane.images.count == 4)
        #expect(crane.categoryChain.primary == "necklace")
    }

    @Test("Partners demo apparel: a product without options keeps its handle as pid, sizes fold")
    func partnersApparel() throws {
        let run = try PresetRun("shopify-csv", "shopify_partners_demo_csvs/apparel.csv", baseURL: shop)
        #expect(run.products.count == 20)
        let top = try run.product("classic-varsity-top")
        #expect(top.price == 60)
        #expect(top.images.count == 1)
        #expect(top.categories.isEmpty)  // the demo leaves Type empty
        let shirt = try run.product("ocean-blue-shirt")
        #expect(shirt.price == 50)
        #expect(shirt.inStock)
        #expect(try run.product("chequered-red-shirt").images.count == 1)
    }

    @Test("Partners demo home and garden maps without rejections")
    func partnersHomeAndGarden() throws {
        let run = try PresetRun("shopify-csv", "shopify_partners_demo_csvs/home-and-garden.csv", baseURL: shop)
        #expect(run.products.count == 20)
        #expect(run.rejections.isEmpty)
        #expect(run.countsAddUp)
    }

    @Test("without base_url the source is refused before any record is read, saying to set base_url")
    func needsBaseURL() throws {
        let error = try #require(throws: ConfigError.self) {
            try PresetRun("shopify-csv", "shopify_template_legacy/product_template.csv")
        }
        #expect(error.key == "fields.url")
        #expect(error.message.contains("set base_url on the source"))
    }
}
