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
}
