import FeedSyncMapping
import Testing

struct CurrencyConversionTests {
    private let tomanToRial = PriceParser(conversion: UnitConversion(from: .toman, to: .rial))

    @Test("a Toman price becomes ten times as many Rial")
    func tomanToRialMultipliesByTen() throws {
        // ir_torob_api_spec/product_api_v1.md: "price": 5000000, "in Toman"; Affili shops are in Rial.
        #expect(try tomanToRial.parse("5000000") == 50_000_000)
    }

    @Test("a Rial price becomes a tenth as many Toman")
    func rialToTomanDividesByTen() throws {
        let parser = PriceParser(conversion: UnitConversion(from: .rial, to: .toman))
        #expect(try parser.parse("120000") == 12000)
    }

    @Test("a conversion between the same unit changes nothing")
    func sameUnit() throws {
        let parser = PriceParser(conversion: UnitConversion(from: .rial, to: .rial))
        #expect(try parser.parse("24000") == 24000)
    }

    @Test(
        "a unit named in the text wins over the mapping's default unit",
        arguments: [
            ("۱۲۰۰۰ ریال", 12000), ("12000 IRR", 12000), ("12000 rial", 12000), ("12000 ﷼", 12000),
            ("12000 ريال", 12000),  // Arabic yeh
            ("۱۲۰۰۰ تومان", 120_000), ("12000 Toman", 120_000), ("IRT 12000", 120_000),
        ] as [(String, Double)])
    func unitInTextWins(text: String, expected: Double) throws {
        #expect(try tomanToRial.parse(text) == expected)
    }

    @Test("a word merely containing a unit code is not a unit")
    func unitNeedsWholeWord() throws {
        // "mirror" contains "irr" but names no unit: the default (Toman) applies.
        #expect(try tomanToRial.parse("12000 mirror") == 120_000)
    }

    @Test("a price naming both Toman and Rial is refused")
    func bothUnits() {
        let error = #expect(throws: TransformError.self) { try tomanToRial.parse("تومان 12000 ریال") }
        #expect(error?.reason.contains("both Toman and Rial") == true)
    }

    @Test("without a conversion, unit words are ignored and nothing is multiplied")
    func noConversion() throws {
        #expect(try PriceParser().parse("۱۲۰۰۰ تومان") == 12000)
    }

    @Test("units are read from the codes and names a mapping file uses", arguments: ["IRT", "irt", "toman", "Toman"])
    func tomanCodes(code: String) {
        #expect(CurrencyUnit(code: code) == .toman)
    }

    @Test("Rial codes and names are read", arguments: ["IRR", "irr", "rial", "RIAL"])
    func rialCodes(code: String) {
        #expect(CurrencyUnit(code: code) == .rial)
    }

    @Test("an unknown unit code is refused")
    func unknownCode() {
        #expect(CurrencyUnit(code: "USD") == nil)
    }

    @Test(
        "number locales are read from the names a mapping file uses",
        arguments: [
            ("auto", NumberLocale.auto), ("dot-decimal", .dotDecimal), ("dot", .dotDecimal),
            ("comma-decimal", .commaDecimal), ("Comma", .commaDecimal),
        ])
    func localeNames(name: String, expected: NumberLocale) {
        #expect(NumberLocale(name: name) == expected)
    }
}
