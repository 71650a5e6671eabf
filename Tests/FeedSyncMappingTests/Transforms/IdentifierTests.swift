import FeedSyncMapping
import Testing

struct IdentifierTests {
    @Test("every barcode Excel damaged in Shopify's 2023 template is refused as an Excel-damaged identifier")
    func shopifyBarcodes() throws {
        let barcodes = try RealFeedValues.cells("Variant Barcode", in: "shopify_template_2023/product_template.csv").filter { !$0.isEmpty }
        try #require(barcodes.count == 16)
        for barcode in barcodes {
            #expect(throws: TransformError.self, "\(barcode)") { try Identifier.check(barcode) }
        }
        let error = try #require(throws: TransformError.self) { try Identifier.check("3.65275E+11") }
        #expect(error.reason.hasPrefix("Excel-damaged identifier"))
        #expect(error.value == "3.65275E+11")
    }

    @Test("ids keep their leading zeros exactly as written")
    func leadingZeros() throws {
        // prestashop_import_samples/combinations_import.csv: EAN13 and UPC columns.
        let eans = try RealFeedValues.cells("EAN13", in: "prestashop_import_samples/combinations_import.csv", delimiter: .semicolon)
        #expect(eans.first == "0000080446392")
        for ean in eans where !ean.isEmpty {
            #expect(try Identifier.check(ean) == ean)
        }
        #expect(try Identifier.check(" 080064075921 ") == "080064075921")
    }

    @Test("SKUs that only look numeric-ish are kept", arguments: ["24-MB01", "SRT_COT_111", "12E34", "2E10-BLK", "1.50", "MH01-XS-Black"])
    func realSKUsPass(sku: String) throws {
        #expect(try Identifier.check(sku) == sku)
    }
}
