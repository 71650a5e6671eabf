@testable import FeedSyncMapping
import Testing

struct TextTransformTests {
    // MARK: - trim

    @Test(
        "trim removes spaces, line breaks, no-break spaces and invisible marks at both ends",
        arguments: [
            ("  Hoodie  ", "Hoodie"),
            ("\u{00A0}Hoodie\u{00A0}", "Hoodie"),
            ("\n\tHoodie\r\n", "Hoodie"),
            ("\u{FEFF}Hoodie", "Hoodie"),  // byte-order mark left by Excel exports
            ("\u{200F}گوشی موبایل\u{200F}", "گوشی موبایل"),  // right-to-left marks
            ("   ", ""),
            ("", ""),
        ])
    func trim(text: String, expected: String) {
        #expect(TextTransform.trim(text) == expected)
    }

    @Test("trim keeps inner white space")
    func trimKeepsInside() {
        #expect(TextTransform.trim(" Hoodie with Logo ") == "Hoodie with Logo")
    }

    // MARK: - collapseWhitespace

    @Test(
        "collapseWhitespace trims and makes every inner run one space",
        arguments: [
            ("Hoodies  &\tSweatshirts", "Hoodies & Sweatshirts"),
            (" Gear\nBags ", "Gear Bags"),  // magento_luma_simple_gear/products_gear_bags.csv, category
            ("T-\u{00A0}\u{00A0}shirts", "T- shirts"),
            ("already clean", "already clean"),
            ("", ""),
        ])
    func collapseWhitespace(text: String, expected: String) {
        #expect(TextTransform.collapseWhitespace(text) == expected)
    }

    @Test("collapseWhitespace keeps the zero-width non-joiner inside Persian words")
    func collapseKeepsZWNJ() {
        // ir_digikala_search_page/digikala_search_page1.json: "دسته‌بندی" (with U+200C).
        #expect(TextTransform.collapseWhitespace("دسته\u{200C}بندی") == "دسته\u{200C}بندی")
    }

    // MARK: - slug

    @Test(
        "slug lower-cases, keeps letters and digits and turns other runs into one dash",
        arguments: [
            ("T-shirts", "t-shirts"),  // woo_importer_test_sample/sample.csv
            ("Hoodies & Sweatshirts", "hoodies-sweatshirts"),  // magento_luma_configurable/products.csv
            ("Apparel & Accessories", "apparel-accessories"),  // shopify_template_2023/product_template.csv
            ("Default Category", "default-category"),
            ("  --Sale!!  ", "sale"),
            ("iPods", "ipods"),  // prestashop_import_samples/products_import.csv
            ("Second New", "second-new"),  // shopware6_import_fixtures/products_with_category_path.csv
        ])
    func asciiSlug(text: String, expected: String) {
        #expect(TextTransform.slug(text) == expected)
    }

    @Test(
        "slug keeps the letters of any script",
        arguments: [
            ("نوشیدنی و دمنوش ها", "نوشیدنی-و-دمنوش-ها"),  // ir_nakhll_torob_style/products_array.json
            ("پوشاک بانوان", "پوشاک-بانوان"),  // ir_nakhll_torob_style/products_array.json
            ("Thời trang & Mỹ phẩm", "thời-trang-mỹ-phẩm"),
            ("Для Нее", "для-нее"),  // gmc_nonamespace_farfetch_ru/google_merchant_feed.xml
            ("Domácí spotřebiče", "domácí-spotřebiče"),  // gmc_cz_hurom_price_no_currency, CATEGORYTEXT
            ("Жіночий одяг", "жіночий-одяг"),  // gmc_ua_rybka_multi_images/google-feed.xml
        ])
    func unicodeSlug(text: String, expected: String) {
        #expect(TextTransform.slug(text) == expected)
    }

    @Test("slug gives the same result for composed and decomposed accents")
    func slugIsNormalizationStable() {
        let composed = "Th\u{1EDD}i trang"
        let decomposed = "Tho\u{031B}\u{0300}i trang"
        #expect(TextTransform.slug(composed) == TextTransform.slug(decomposed))
        #expect(TextTransform.slug(decomposed).unicodeScalars.elementsEqual("thời-trang".unicodeScalars))
    }

    @Test("slug folds Arabic yeh and kaf into their Persian forms")
    func slugFoldsArabicLetters() {
        #expect(TextTransform.slug("كتاب و مجله") == TextTransform.slug("کتاب و مجله"))
        #expect(TextTransform.slug("ريال") == "ریال")
    }

    @Test("slug writes Persian and Arabic-Indic digits as ASCII digits")
    func slugDigits() {
        #expect(TextTransform.slug("گوشی ۱۲") == "گوشی-12")
        #expect(TextTransform.slug("Note ١٠ Pro") == "note-10-pro")
    }

    @Test("slug of text without letters or digits is empty", arguments: ["", "★", " & ", "---"])
    func emptySlug(text: String) {
        #expect(TextTransform.slug(text) == "")
    }

    @Test(
        "slug is idempotent",
        arguments: ["Hoodies & Sweatshirts", "نوشیدنی و دمنوش ها", "Thời trang", "T-shirts", "Для Нее"])
    func slugIdempotent(text: String) {
        let once = TextTransform.slug(text)
        #expect(TextTransform.slug(once) == once)
    }

    @Test("trim's lead-byte shortcut agrees with trimming scalars, for every blank and its neighbours at either end")
    func trimShortcutAgrees() {
        let blanks: [UInt32] = [0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000, 0x200A, 0x200B, 0x200E,
                                0x200F, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF]
        let others: [UInt32] = [0x00, 0x1F, 0x21, 0x7F, 0x80, 0xBF, 0xC0, 0x627, 0x7FF, 0x800, 0xFFF, 0x1EA1, 0x3001,
                                0xE000, 0xFEFE, 0xFFFD, 0x1F600]
        for value in blanks + others {
            guard let scalar = Unicode.Scalar(value) else { continue }
            for text in ["\(scalar)x", "x\(scalar)", "\(scalar)", "\(scalar)گ\(scalar)", "ệ\(scalar)"] {
                let expected = String(String.UnicodeScalarView(TextTransform.trimmedScalars(text.unicodeScalars[...])))
                #expect(TextTransform.trim(text) == expected, "U+\(String(value, radix: 16)) in \(text.debugDescription)")
            }
        }
    }

    @Test("collapse_whitespace's byte shortcut agrees with the scalar rule, for every white space and its neighbours")
    func collapseShortcutAgrees() {
        let spaces: [UInt32] = [0x09, 0x0A, 0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000, 0x200A, 0x200B, 0x2028, 0x202F, 0x205F, 0x3000,
                                0xFEFF]
        let others: [UInt32] = [0x21, 0x7F, 0xC0, 0x627, 0x1EA1, 0x2010, 0x3001, 0x1F600]
        for value in spaces + others {
            guard let scalar = Unicode.Scalar(value) else { continue }
            for text in ["a\(scalar)b", "a \(scalar)b", "a\(scalar) b", "گ\(scalar)\(scalar)ی", "\(scalar)a", "a\(scalar)", "ệ \(scalar)x"] {
                var collapsed = ""
                var pendingSpace = false
                for scalar in TextTransform.trimmedScalars(text.unicodeScalars[...]) {
                    if scalar.isFeedWhitespace {
                        pendingSpace = true
                        continue
                    }
                    if pendingSpace { collapsed.unicodeScalars.append(" ") }
                    pendingSpace = false
                    collapsed.unicodeScalars.append(scalar)
                }
                #expect(TextTransform.collapseWhitespace(text) == collapsed, "U+\(String(value, radix: 16)) in \(text.debugDescription)")
            }
        }
    }
}
