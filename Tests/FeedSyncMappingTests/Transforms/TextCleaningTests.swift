import FeedSyncMapping
import Testing

struct TextCleaningTests {
    @Test("nfc composes Vietnamese letters typed with combining marks")
    func nfcComposes() {
        // "Áo Thun" from vn_accesstrade_datafeeds_doc, written decomposed (A + U+0301).
        let decomposed = "A\u{0301}o Thun Cao Câ\u{0301}p"
        #expect(TextTransform.nfc(decomposed).unicodeScalars.elementsEqual("Áo Thun Cao Cấp".unicodeScalars))
    }

    @Test("nfc leaves composed text as it is", arguments: ["Áo Thun Cao Cấp Hình Star Wars Coffee", "گوشی موبایل", "T-Shirt"])
    func nfcKeepsComposed(text: String) {
        #expect(TextTransform.nfc(text).unicodeScalars.elementsEqual(text.unicodeScalars))
    }

    @Test("persian turns Arabic yeh, alef maksura and kaf into Persian letters")
    func persianLetters() {
        // ir_nakhll_torob_style/products_array.json "نوشیدنی ژله ای تردینه", typed on an Arabic keyboard.
        let arabicKeyboard = "نوشيدني ژله اى تردينه"
        #expect(TextTransform.persian(arabicKeyboard) == "نوشیدنی ژله ای تردینه")
        #expect(TextTransform.persian("كيف چرم") == "کیف چرم")
    }

    @Test("persian keeps the zero-width non-joiner Persian words need")
    func persianKeepsZWNJ() {
        // ir_digikala_search_page/digikala_search_page1.json: "سرویس‌های بهداشتی" (U+200C after سرویس).
        let text = "سرویس\u{200C}های بهداشتی"
        #expect(TextTransform.persian(text).unicodeScalars.elementsEqual(text.unicodeScalars))
    }

    @Test("persian writes Arabic-Indic digits as Persian digits")
    func persianDigits() {
        // affiliate_amazon_ae_8k_json/products-data.json writes "١٦٠".
        #expect(TextTransform.persian("١٦٠ واط") == "۱۶۰ واط")
    }

    @Test("slug and persian fold the same letters, so ids match names")
    func slugSharesPersianFolding() {
        #expect(TextTransform.slug("ى") == TextTransform.slug(TextTransform.persian("ى")))
        #expect(TextTransform.slug("اى") == "ای")
    }

    @Test("truncate cuts at a word in the last third of the room and ends with an ellipsis")
    func truncateAtWord() {
        // shopify_template_2023/product_template.csv, SEO Description of the beanie.
        let text = "Dead stock yarn hats from our store."
        #expect(TextTransform.truncate(text, to: 20) == "Dead stock yarn…")
        #expect(TextTransform.truncate(text, to: 20).count <= 20)
    }

    @Test("truncate cuts inside a word when no boundary is near, counting characters not bytes")
    func truncateCharacters() {
        #expect(TextTransform.truncate("Điệnthoạithôngminh", to: 6, ellipsis: "") == "Điệnth")
        #expect(TextTransform.truncate("short", to: 10) == "short")
    }
}
