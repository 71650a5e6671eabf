import FeedSyncMapping
import Testing

struct HTMLTextTests {
    @Test("strip_html turns Magento's description into lines, decoding &bull; and &ndash;")
    func magentoDescription() throws {
        // magento_luma_configurable/products.csv: the Grayson Crewneck Sweatshirt rows.
        let html = try #require(try RealFeedValues.cells("description", in: "magento_luma_configurable/products.csv")
            .first { $0.hasPrefix("<p>The Grayson Crewneck") })
        let text = TextTransform.stripHTML(html)
        #expect(text.hasPrefix("The Grayson Crewneck Sweatshirt gives you that ageless, classic look – a style"))
        #expect(text.contains("always in vogue.\n• Cream crewneck sweatshirt with black accents.\n• 80% cotton/20% polyester fleece.\n"))
        #expect(!text.contains("<") && !text.contains("&"))
    }

    @Test("strip_html drops a style element with its CSS and keeps the Vietnamese text after it")
    func tikiStyleElement() throws {
        // vn_tiki_smartphones_json/Tiki_crawl_result.json, a Samsung Galaxy Z Fold3 description.
        let html = #"<style type="text/css"><!--td {border: 1px solid #ccc;}br {mso-data-placement:same-cell;}--></style>"#
            + "\n<h5>Sẵn sàng mở ra tiềm năng công nghệ mới</h5>\n<p>Không dừng lại ở một chiếc điện thoại thông minh cao cấp.</p>\n"
            + #"<p><img src="https://salt.tikicdn.com/ts/tmp/f9/36/56/63abbfb360906f30615ea5d0ed929781.jpg" alt="Bạc Phantom" width="750" height="475" /></p>"#
        #expect(TextTransform.stripHTML(html) == "Sẵn sàng mở ra tiềm năng công nghệ mới\nKhông dừng lại ở một chiếc điện thoại thông minh cao cấp.")
    }

    @Test("strip_html leaves a Shopify body as one paragraph of text")
    func shopifyBody() throws {
        let bodies = try RealFeedValues.cells("Body (HTML)", in: "shopify_template_2023/product_template.csv")
        #expect(TextTransform.stripHTML(bodies[0]).hasPrefix("This t-shirt is as simple as it gets. Easy to wear"))
        #expect(TextTransform.stripHTML(bodies[0]).hasSuffix("a classic look you can print on."))
    }

    @Test("strip_html drops scripts and comments, keeps inline words whole and separates table cells")
    func scriptsCommentsInlineAndCells() {
        let html = "<script>var a = '<p>no</p>';</script><!-- note --><b>Bo</b>ld <table><tr><td>Size</td><td>XL</td></tr></table>"
        #expect(TextTransform.stripHTML(html) == "Bold\nSize XL")
    }

    @Test("strip_html keeps a '<' that starts no tag and an unclosed tag as text")
    func brokenMarkupKept() {
        #expect(TextTransform.stripHTML("price < 100 & size <3") == "price < 100 & size <3")
        #expect(TextTransform.stripHTML("a <b c") == "a <b c")
    }

    @Test("strip_html collapses white space and non-breaking spaces the way a browser shows them")
    func whitespace() {
        #expect(TextTransform.stripHTML("  10&nbsp;kg\n\n  bag  ") == "10 kg bag")
        #expect(TextTransform.stripHTML("already plain") == "already plain")
    }

    @Test(
        "decode_entities decodes the references real exports contain",
        arguments: [
            ("Tops &amp; Tees", "Tops & Tees"),
            ("&bull; Two-tone gray heather hoodie.", "• Two-tone gray heather hoodie."),  // magento_luma_configurable
            ("Dri-Fit&trade; fabric &reg;", "Dri-Fit™ fabric ®"),
            ("classic look &ndash; a style", "classic look – a style"),
            ("&ldquo;Erin&rdquo; &frac14; zip", "“Erin” ¼ zip"),
            ("&#1740;&#x6A9;", "یک"),
            ("&#150; Windows dash", "– Windows dash"),  // &#150; means cp1252's en dash
            ("AT&T & co &unknown; &amp", "AT&T & co &unknown; &amp"),
            ("&amp;amp;", "&amp;"),
            ("&#0;&#xD800;", "\u{FFFD}\u{FFFD}"),
        ])
    func decodeEntities(text: String, expected: String) {
        #expect(TextTransform.decodeEntities(text) == expected)
    }

    @Test("decode_entities counts every &bull; in the Magento catalog out")
    func magentoEntitiesAllDecoded() throws {
        let descriptions = try RealFeedValues.cells("description", in: "magento_luma_configurable/products.csv")
        for description in descriptions where description.contains("&") {
            let decoded = TextTransform.decodeEntities(description)
            #expect(!decoded.contains("&bull;") && !decoded.contains("&trade;") && !decoded.contains("&ndash;"))
        }
    }
}
