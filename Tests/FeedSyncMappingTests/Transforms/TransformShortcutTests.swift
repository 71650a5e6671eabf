@testable import FeedSyncMapping
import Testing

/// The shortcut for plain prices must read exactly what the general reading reads.
struct PriceShortcutTests {
    @Test(
        "digits, with or without a currency code, read as the general reading reads them",
        arguments: [
            "0", "7", "007", "4797000", "123456789012345", "4797000 IRR", "15 USD", "0 VND", "123456789012345 EUR",
        ])
    func sameAsGeneralReading(text: String) throws {
        let parser = PriceParser(locale: .dotDecimal)
        #expect(PriceParser.plainInteger(text, currencyCode: true) != nil)
        #expect(try parser.parse(text) == parser.parseScanning(text))
    }

    @Test(
        "anything else takes the general reading",
        arguments: [
            "", " 15", "15 ", "15 usd", "15 US", "15 USDT", "15  USD", "15.00 USD", "1,500", "۱۵", "USD 15", "-15",
            "1234567890123456", " IRR", "15\tUSD",
        ])
    func othersAreLeftToTheGeneralReading(text: String) {
        #expect(PriceParser.plainInteger(text, currencyCode: true) == nil)
    }

    @Test("with a unit conversion a code is left to the general reading, which may convert")
    func codeWithConversion() throws {
        let parser = PriceParser(conversion: UnitConversion(from: .toman, to: .rial))
        #expect(PriceParser.plainInteger("12000 IRT", currencyCode: false) == nil)
        #expect(try parser.parse("12000 IRT") == 120_000)
        #expect(try parser.parse("12000 IRR") == 12000)
    }
}

/// The shortcut for links that need no work must give what resolving gives.
struct URLShortcutTests {
    private let resolver = URLResolver(base: .folder("https://shop.example.ir"))

    @Test(
        "a link taken as it is resolves to itself (a leading space forces the full resolution)",
        arguments: [
            "https://shop.example.ir/p/1.jpg", "http://a.b", "https://cdn.example/x?y=1&z=%20#f", "https://h:8080/a/b",
            "https://shop.example.ir/wp-content/uploads/2025/07/sku-0001001-1.jpg",
        ])
    func finishedLinksResolveToThemselves(link: String) throws {
        #expect(URLResolver.isFinished(link))
        #expect(try resolver.resolve(" " + link) == link)
        #expect(try resolver.resolve(link) == link)
    }

    @Test(
        "links that need work are left to the full resolution",
        arguments: [
            "HTTPS://a.b/", "https://", "https://:80/x", "https://u@h/x", "https://a.b/c d", "https://a.b/ü", "https://a.b/%2",
            "https://a.b/%zz", "//a.b/x", "/p/1", "www.a.b", "https://a.b/{x}", "ftp://a.b", "https:///x",
        ])
    func othersAreLeftToTheFullResolution(link: String) {
        #expect(!URLResolver.isFinished(link))
    }
}
