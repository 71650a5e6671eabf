import FeedSyncMapping
import Testing

struct CategoryURLTemplateTests {
    @Test("{path} is replaced by every level's slug joined by '/'")
    func pathPlaceholder() {
        let template = CategoryURLTemplate(baseURL: "https://shop.example", template: "/product-category/{path}/")
        #expect(
            template.url(levelSlugs: ["clothing", "t-shirts"])
                == "https://shop.example/product-category/clothing/t-shirts/")
    }

    @Test("{slug} is replaced by the category's own slug")
    func slugPlaceholder() {
        let template = CategoryURLTemplate(baseURL: "https://shop.example", template: "/collections/{slug}")
        #expect(template.url(levelSlugs: ["clothing", "t-shirts"]) == "https://shop.example/collections/t-shirts")
    }

    @Test(
        "base and template are joined with exactly one slash",
        arguments: [
            ("https://shop.example", "/c/{path}"),
            ("https://shop.example/", "/c/{path}"),
            ("https://shop.example/", "c/{path}"),
            ("https://shop.example", "c/{path}"),
        ])
    func joinedWithOneSlash(base: String, template: String) {
        #expect(
            CategoryURLTemplate(baseURL: base, template: template).url(levelSlugs: ["music"])
                == "https://shop.example/c/music")
    }

    @Test("the default template is the path between slashes")
    func defaultTemplate() {
        #expect(
            CategoryURLTemplate(baseURL: "https://shop.example").url(levelSlugs: ["music", "albums"])
                == "https://shop.example/music/albums/")
    }

    @Test("an absolute template needs no base")
    func absoluteTemplate() {
        let template = CategoryURLTemplate(baseURL: "", template: "https://shop.example/c/{path}")
        #expect(template.url(levelSlugs: ["music"]) == "https://shop.example/c/music")
    }

    @Test("non-ASCII slugs are percent-encoded")
    func percentEncodes() {
        let template = CategoryURLTemplate(baseURL: "https://nakhll.com", template: "/category/{path}/")
        // "پوشاک-بانوان": ir_nakhll_torob_style/products_array.json, category_name "پوشاک بانوان".
        #expect(
            template.url(levelSlugs: ["پوشاک-بانوان"])
                == "https://nakhll.com/category/%D9%BE%D9%88%D8%B4%D8%A7%DA%A9-%D8%A8%D8%A7%D9%86%D9%88%D8%A7%D9%86/")
    }

    @Test(
        "the byte-level builder for ASCII templates gives what String replacement gives",
        arguments: ["", "https://shop.example", "https://shop.example/"],
        ["", "/", "{path}", "/{path}/", "c/{slug}", "/{path}/{slug}/{path}", "{sl{path}ug}", "/{pat", "x{slug}{slug}"])
    func bytesMatchStrings(base: String, template: String) {
        for slugs in [[], ["music"], ["پوشاک", "زنانه"], ["a b", "~x.y_z-1"]] {
            #expect(
                CategoryURLTemplate(baseURL: base, template: template).url(levelSlugs: slugs)
                    == Self.stringURL(base: base, template: template, levelSlugs: slugs))
        }
    }

    /// The URL built with `String` operations, as `url(levelSlugs:)` builds it for non-ASCII templates.
    private static func stringURL(base: String, template: String, levelSlugs: [String]) -> String {
        let path = levelSlugs.map(PercentEncoding.unreserved).joined(separator: "/")
        let leaf = levelSlugs.last.map(PercentEncoding.unreserved) ?? ""
        let tail = template.replacing("{path}", with: path).replacing("{slug}", with: leaf)
        if base.isEmpty { return tail }
        if base.hasSuffix("/") && tail.hasPrefix("/") { return base + tail.dropFirst() }
        if base.hasSuffix("/") || tail.hasPrefix("/") || tail.isEmpty { return base + tail }
        return base + "/" + tail
    }
}
