import FeedSyncMapping
import Testing

struct ListSplitterTests {
    @Test("WooCommerce image lists split on comma and space")
    func wooCommerceImages() {
        // woo_sample_products/sample_products.csv, Images of the T-Shirt (id 741).
        let cell =
            "https://classiccommerce.cc/wp-content/downloads/sample-data-images/t-shirt-green.png, "
            + "https://classiccommerce.cc/wp-content/downloads/sample-data-images/t-shirt-blue.png, "
            + "https://classiccommerce.cc/wp-content/downloads/sample-data-images/t-shirt-red.png"
        #expect(
            ListSplitter().split(cell) == [
                "https://classiccommerce.cc/wp-content/downloads/sample-data-images/t-shirt-green.png",
                "https://classiccommerce.cc/wp-content/downloads/sample-data-images/t-shirt-blue.png",
                "https://classiccommerce.cc/wp-content/downloads/sample-data-images/t-shirt-red.png",
            ])
    }

    @Test("comma lists without spaces split too")
    func commaWithoutSpaces() {
        // prestashop_import_samples/products_import.csv, "Image URLs (x,y,z...)" of the iPod Nano.
        let cell = "http://localhost/prestashop/img/p/1/5/15.jpg,http://localhost/prestashop/img/p/2/3/23.jpg"
        #expect(
            ListSplitter().split(cell) == [
                "http://localhost/prestashop/img/p/1/5/15.jpg", "http://localhost/prestashop/img/p/2/3/23.jpg",
            ])
    }

    @Test("a pipe separator splits pipe lists")
    func pipeSeparated() {
        // shopware6_import_fixtures/products_with_variants.csv, variants.
        let cell = "size: M, L, XL, XXL | motive: Shopware, Symfony, PHP, Vue"
        #expect(
            ListSplitter(separator: "|").split(cell) == ["size: M, L, XL, XXL", "motive: Shopware, Symfony, PHP, Vue"])
    }

    @Test("a newline separator splits one item per line, CRLF included")
    func newlineSeparated() {
        // magento_luma_simple_gear/products_gear_bags.csv, category: "Gear\nBags".
        #expect(ListSplitter(separator: "\n").split("Gear\nBags") == ["Gear", "Bags"])
        #expect(ListSplitter(separator: "\n").split("Gear\r\nBags\r\n") == ["Gear", "Bags"])
    }

    @Test("a separator of several characters is matched whole")
    func multiCharacterSeparator() {
        #expect(ListSplitter(separator: " | ").split("a|b | c") == ["a|b", "c"])
    }

    @Test("a backslash keeps an escaped separator inside the item")
    func escapedSeparator() {
        // WooCommerce's exporter writes a comma inside a category name as "\,".
        #expect(ListSplitter().split(#"Shirts\, Tees, Hats"#) == ["Shirts, Tees", "Hats"])
    }

    @Test("a doubled backslash is one backslash")
    func escapedBackslash() {
        #expect(ListSplitter().split(#"a\\,b"#) == [#"a\"#, "b"])
    }

    @Test("a backslash before any other character is kept")
    func lonelyBackslash() {
        #expect(ListSplitter().split(#"C:\images\1.png,2.png"#) == [#"C:\images\1.png"#, "2.png"])
    }

    @Test("items are trimmed and empty items dropped")
    func trimsAndDropsEmpty() {
        #expect(ListSplitter().split(" a , ,b,, \u{00A0},c ") == ["a", "b", "c"])
    }

    @Test("a blank cell gives no items", arguments: ["", "  ", ",", " , , "])
    func blankCell(text: String) {
        #expect(ListSplitter().split(text).isEmpty)
    }

    @Test("repeated items are dropped, the first kept")
    func deduplicates() {
        // magento_luma_configurable/products.csv repeats the same images across variant rows.
        #expect(ListSplitter().split("/m/h/a.jpg,/m/h/b.jpg,/m/h/a.jpg") == ["/m/h/a.jpg", "/m/h/b.jpg"])
    }

    @Test("repeated items are kept when deduplication is off")
    func keepsRepeats() {
        #expect(ListSplitter(deduplicates: false).split("a,b,a") == ["a", "b", "a"])
    }

    @Test("deduplication also works for long lists")
    func deduplicatesLongLists() {
        let items = (0..<100).map { "https://img.example/\($0).jpg" }
        let cell = (items + items).joined(separator: ",")
        #expect(ListSplitter().split(cell) == items)
    }

    @Test("a limit keeps the first items only")
    func limit() {
        #expect(ListSplitter(limit: 1).split("https://a/1.png, https://a/2.png") == ["https://a/1.png"])
        #expect(ListSplitter(limit: 2).split("a,,a,b,c") == ["a", "b"])
    }

    @Test("a limit of zero keeps nothing")
    func zeroLimit() {
        #expect(ListSplitter(limit: 0).split("a,b").isEmpty)
    }

    @Test("items may hold any script")
    func unicodeItems() {
        #expect(ListSplitter(separator: "،").split("موبایل، تبلت") == ["موبایل", "تبلت"])
    }

    @Test("items are trimmed exactly as TextTransform.trim trims, no-break spaces and invisible marks included",
          arguments: [
              " a ", "\u{A0}a\u{A0}", "\u{200B} b", "c\u{FEFF}", " \u{A0} d \u{3000} ", "\u{A0}", " \u{200B} ",
              "پوشاک ", "\te\u{301}\n", "\u{2007}f",
          ])
    func trimsLikeTrim(item: String) {
        let expected = TextTransform.trim(item)
        #expect(ListSplitter().split("x," + item + ",y") == ["x"] + (expected.isEmpty ? [] : [expected]) + ["y"])
    }
}
