import FeedSyncCore
import FeedSyncMapping
import Testing

struct CategoryPathParserTests {
    private let woo = CategoryPathParser()

    @Test("a WooCommerce cell with a root and its child gives two linked categories")
    func wooRootAndChild() {
        // woo_importer_test_sample/sample.csv, Categories of the first T-shirt.
        let parsed = woo.parse("Clothing, Clothing > T-shirts")
        #expect(
            parsed.categories == [
                Category(cid: "clothing", name: "Clothing", url: "", parentCid: nil, isPrimary: false),
                Category(cid: "clothing/t-shirts", name: "T-shirts", url: "", parentCid: "clothing", isPrimary: true),
            ])
    }

    @Test("the primary category is the leaf of the deepest path, wherever that path is")
    func primaryIsDeepestLeaf() {
        // woo_importer_test_sample/sample.csv: "Music > Albums, Music".
        #expect(woo.parse("Music > Albums, Music").primary?.cid == "music/albums")
    }

    @Test("of paths equally deep, the first gives the primary category")
    func primaryTieGoesToFirst() {
        // woo_importer_test_sample/sample.csv, the grouped product's Categories.
        let parsed = woo.parse("Clothing, Clothing > T-shirts, Music > Albums, Music")
        #expect(parsed.primary?.cid == "clothing/t-shirts")
        #expect(parsed.categories.map(\.cid) == ["clothing", "clothing/t-shirts", "music", "music/albums"])
    }

    @Test("every level of a path becomes a category whose parent is the level before")
    func levelsAreChained() {
        // shopify_template_2023/product_template.csv, Product Category.
        let parsed = woo.parse("Apparel & Accessories > Clothing > Clothing Tops > T-Shirts")
        #expect(
            parsed.categories.map(\.cid) == [
                "apparel-accessories", "apparel-accessories/clothing", "apparel-accessories/clothing/clothing-tops",
                "apparel-accessories/clothing/clothing-tops/t-shirts",
            ])
        #expect(parsed.categories.map(\.parentCid) == [nil] + parsed.categories.dropLast().map(\.cid))
    }

    @Test("Magento paths use '/' between levels and ',' between paths")
    func magentoPaths() {
        // magento_luma_configurable/products.csv, categories of MH01.
        let magento = CategoryPathParser(levelSeparator: "/", pathSeparator: ",")
        let parsed = magento.parse(
            "Default Category/Men/Tops/Hoodies & Sweatshirts,Default Category/Collections/Eco Friendly,Default Category"
        )
        #expect(parsed.primary?.cid == "default-category/men/tops/hoodies-sweatshirts")
        #expect(parsed.categories.count == 6)
    }

    @Test("leading levels such as a store root can be skipped")
    func skipLeadingLevels() {
        // magento_luma_configurable/products.csv: "Default Category" is the store's root.
        let magento = CategoryPathParser(levelSeparator: "/", pathSeparator: ",", skipLeadingLevels: 1)
        let parsed = magento.parse(
            "Default Category/Men/Tops/Hoodies & Sweatshirts,Default Category/Collections/Eco Friendly,Default Category"
        )
        #expect(
            parsed.categories.map(\.cid) == [
                "men", "men/tops", "men/tops/hoodies-sweatshirts", "collections", "collections/eco-friendly",
            ])
        #expect(parsed.primary?.name == "Hoodies & Sweatshirts")
    }

    @Test("the same name under different parents gives different categories")
    func sameNameDifferentParents() {
        // magento_luma_configurable/products.csv: "Pants" under Men/Bottoms and under Promotions.
        let magento = CategoryPathParser(levelSeparator: "/", pathSeparator: ",", skipLeadingLevels: 1)
        let parsed = magento.parse("Default Category/Men/Bottoms/Pants,Default Category/Promotions/Pants")
        let pants = parsed.categories.filter { $0.name == "Pants" }
        #expect(pants.map(\.cid) == ["men/bottoms/pants", "promotions/pants"])
    }

    @Test("Shopware paths separated by '|' share their common levels once")
    func shopwarePaths() {
        // shopware6_import_fixtures/products_with_category_path.csv, categories.
        let shopware = CategoryPathParser(levelSeparator: ">", pathSeparator: "|")
        let parsed = shopware.parse("Main>First>Second|Main>Second|Main|Main>First New>Second New")
        #expect(
            parsed.categories.map(\.cid) == [
                "main", "main/first", "main/first/second", "main/second", "main/first-new", "main/first-new/second-new",
            ])
        #expect(parsed.primary?.cid == "main/first/second")
    }

    @Test("a single-path cell keeps commas inside names")
    func singlePathKeepsCommas() {
        // vehicles_majorworld_3formats/google_feed.xml, g:google_product_category.
        let google = CategoryPathParser(pathSeparator: nil)
        let parsed = google.parse("Vehicles & Parts > Vehicles > Motor Vehicles > Cars, Trucks & Vans")
        #expect(parsed.primary?.name == "Cars, Trucks & Vans")
        #expect(parsed.primary?.cid == "vehicles-parts/vehicles/motor-vehicles/cars-trucks-vans")
    }

    @Test("a '|' level separator with a trailing separator reads the levels")
    func pipeLevelsWithTrailingSeparator() {
        // gmc_cz_hurom_price_no_currency/1a6s8d465asd48a-feed.xml, CATEGORYTEXT.
        let zbozi = CategoryPathParser(levelSeparator: "|", pathSeparator: nil)
        let parsed = zbozi.parse("Domácí spotřebiče | Kuchyňské spotřebiče | Příprava nápojů |")
        #expect(parsed.categories.map(\.name) == ["Domácí spotřebiče", "Kuchyňské spotřebiče", "Příprava nápojů"])
        #expect(parsed.primary?.cid == "domácí-spotřebiče/kuchyňské-spotřebiče/příprava-nápojů")
    }

    @Test("paths may be one per line")
    func newlinePaths() {
        let parser = CategoryPathParser(pathSeparator: "\n")
        let parsed = parser.parse("Gear > Bags\nCollections > Erin Recommends\n")
        #expect(parsed.categories.map(\.cid) == ["gear", "gear/bags", "collections", "collections/erin-recommends"])
        #expect(parsed.primary?.cid == "gear/bags")
    }

    @Test("empty levels and empty paths are skipped")
    func emptyLevelsSkipped() {
        let parsed = woo.parse("Clothing >> T-shirts >, , ")
        #expect(parsed.categories.map(\.cid) == ["clothing", "clothing/t-shirts"])
    }

    @Test("a blank cell gives no categories", arguments: ["", "  ", ",", " > "])
    func blankCell(text: String) {
        #expect(woo.parse(text).isEmpty)
    }

    @Test("names are trimmed and their inner white space collapsed")
    func namesCleaned() {
        let parsed = woo.parse("  Hoodies\u{00A0}\u{00A0}&   Sweatshirts >\tZip\nUps ")
        #expect(parsed.categories.map(\.name) == ["Hoodies & Sweatshirts", "Zip Ups"])
    }

    @Test("a WooCommerce escaped comma stays inside the name")
    func escapedComma() {
        let parsed = woo.parse(#"Shirts\, Tees > Polo, Hats"#)
        #expect(parsed.categories.map(\.name) == ["Shirts, Tees", "Polo", "Hats"])
    }

    @Test("categories repeated across paths appear once, with the first name met")
    func dedupedByCid() {
        let parsed = woo.parse("Clothing > T-shirts, Clothing > T Shirts")
        #expect(parsed.categories.map(\.name) == ["Clothing", "T-shirts"])
    }

    @Test("Persian paths keep Persian letters in their ids")
    func persianPath() {
        // ir_digikala_search_page/digikala_search_page1.json, data_layer item_category2/3.
        let parsed = woo.parse("موبایل > گوشی موبایل")
        #expect(parsed.categories.map(\.cid) == ["موبایل", "موبایل/گوشی-موبایل"])
        #expect(parsed.primary?.name == "گوشی موبایل")
    }

    @Test("Russian paths from a Google feed keep their letters")
    func russianPath() {
        // gmc_nonamespace_farfetch_ru/google_merchant_feed.xml, product_type.
        let google = CategoryPathParser(pathSeparator: nil)
        let parsed = google.parse("Для Нее > Одежда > Платья > Diesel > Diesel: атласное платье мини")
        #expect(parsed.categories.count == 5)
        #expect(parsed.primary?.cid == "для-нее/одежда/платья/diesel/diesel-атласное-платье-мини")
    }

    @Test("a level without letters or digits still gets a stable, non-empty id")
    func symbolOnlyLevel() {
        let parsed = woo.parse("★ > Top")
        #expect(parsed.categories.map(\.cid) == ["u2605", "u2605/top"])
    }

    @Test("the same cell always gives the same categories")
    func deterministic() {
        let cell = "Clothing, Clothing > T-shirts, Music > Albums, Music"
        #expect(woo.parse(cell) == woo.parse(cell))
    }

    @Test(
        "exactly one category is primary whenever there is one",
        arguments: [
            "Clothing > Tshirts",  // woo_sample_products/sample_products.csv
            "Music",
            "Clothing, Clothing > T-shirts, Music > Albums, Music",
            "Fitness > Nutrition & Supplements > Energy Gels & Hydration Tablets",  // gmc_insider_samples
            "Main>First>Second, Main>Second, Main",
            "A, B, C",
            "A > B, A > B, A",
        ])
    func exactlyOnePrimary(text: String) {
        #expect(woo.parse(text).categories.filter(\.isPrimary).count == 1)
    }

    @Test("category URLs follow the shop's permalink template")
    func urlsFromTemplate() {
        let parser = CategoryPathParser(
            urlTemplate: CategoryURLTemplate(baseURL: "https://shop.example", template: "/product-category/{path}/"))
        let parsed = parser.parse("Clothing > T-shirts")
        #expect(
            parsed.categories.map(\.url) == [
                "https://shop.example/product-category/clothing/",
                "https://shop.example/product-category/clothing/t-shirts/",
            ])
    }

    @Test("a category met after a shared parent gets the URL of its whole path")
    func urlsAfterSharedParent() {
        let parser = CategoryPathParser(
            urlTemplate: CategoryURLTemplate(baseURL: "https://shop.example", template: "/product-category/{path}/"))
        let parsed = parser.parse("Clothing, Clothing > T-shirts")
        #expect(parsed.primary?.url == "https://shop.example/product-category/clothing/t-shirts/")
    }
}
