import FeedSyncMapping
import Testing

struct URLResolverTests {
    private let digikala = URLResolver(base: .page("https://www.digikala.com"))

    @Test("a relative Persian product path becomes an absolute, percent-encoded URL")
    func persianPath() throws {
        // ir_digikala_search_page/digikala_search_page1.json, products[0].url.uri
        let path = "/product/dkp-13714776/گوشی-موبایل-سامسونگ-مدل-galaxy-s24-ultra-دو-سیم-کارت-ظرفیت-256-گیگابایت-و-رم-12-گیگابایت-ویتنام"
        let url = try digikala.resolve(path)
        #expect(url.hasPrefix("https://www.digikala.com/product/dkp-13714776/%DA%AF%D9%88%D8%B4%DB%8C-%D9%85%D9%88%D8%A8%D8%A7%DB%8C%D9%84-"))
        #expect(url.hasSuffix("-%D9%88%DB%8C%D8%AA%D9%86%D8%A7%D9%85"))
        #expect(url.utf8.allSatisfy { $0 < 0x80 })
        #expect(try digikala.resolve(url) == url, "encoding twice changes nothing")
    }

    @Test("absolute http(s) links are kept as they are")
    func absoluteKept() throws {
        // ir_nakhll_torob_style/products_array.json
        let link = "https://nakhll.com/media/Pictures/Markets/SubMarkets/Shops/Products/oizoHk.jpg"
        #expect(try URLResolver(base: nil).resolve(link) == link)
        #expect(try URLResolver(base: nil).resolve(" HTTPS://Shop.example/a b.jpg") == "https://Shop.example/a%20b.jpg")
    }

    @Test("Magento's image paths are appended to the media folder, leading slash and all")
    func magentoFolder() throws {
        // magento_luma_configurable/products.csv, base_image of MH01-XS-Black
        let media = URLResolver(base: .folder("https://luma.example/media/catalog/product/"))
        #expect(try media.resolve("/m/h/mh01-black_main.jpg") == "https://luma.example/media/catalog/product/m/h/mh01-black_main.jpg")
    }

    @Test(
        "relative references resolve as a browser resolves them",
        arguments: [
            ("a.jpg", "https://shop.example/products/a.jpg"),
            ("../img/a.jpg", "https://shop.example/img/a.jpg"),
            ("/img/./a.jpg", "https://shop.example/img/a.jpg"),
            ("?page=2", "https://shop.example/products/list?page=2"),
            ("//cdn.example/a.jpg", "https://cdn.example/a.jpg"),
            ("www.shop.example/p/1", "https://www.shop.example/p/1"),
        ])
    func relative(reference: String, expected: String) throws {
        #expect(try URLResolver(base: .page("https://shop.example/products/list?sort=new")).resolve(reference) == expected)
    }

    @Test(
        "links that are not http(s) are refused with a reason",
        arguments: ["javascript:alert(1)", "data:image/png;base64,iVBORw0KGgo=", "ftp://shop.example/a.jpg", "mailto:shop@example.com", "http:///a.jpg", "http://exa mple.com/a"])
    func refused(link: String) throws {
        let error = try #require(throws: TransformError.self) { try digikala.resolve(link) }
        #expect(error.transform == "absolute_url")
    }

    @Test("a relative link without a base is refused, saying to set base_url")
    func relativeWithoutBase() throws {
        let error = try #require(throws: TransformError.self) { try URLResolver(base: nil).resolve("/m/h/mh01.jpg") }
        #expect(error.reason.contains("base_url"))
    }

    @Test("a lone % is encoded while existing escapes stay")
    func percentSigns() throws {
        #expect(try digikala.resolve("https://x.example/50%-off/%D9%85") == "https://x.example/50%25-off/%D9%85")
    }
}
