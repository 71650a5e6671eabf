@testable import FeedSyncSources
import Testing

struct FieldNamesTests {
    /// The general rule, as `normalize` applies it to names that are not ASCII.
    private func general(_ name: String) -> String {
        name.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    @Test("the ASCII fast path normalizes exactly as the general rule", arguments: [
        "", " ", "title", "Title", "g:Price", "  Sale  price ", "Regular\tprice", "a\r\nb", "a\u{0B}\u{0C}b",
        "UPPER CASE", "x  y", " x", "x ", "a\u{1F}b", "Images/0/URL", "~0 and ~1",
    ])
    func asciiMatchesGeneral(name: String) {
        #expect(FieldNames.normalizedASCII(name) == general(name))
        #expect(FieldNames.normalize(name) == general(name))
    }

    @Test("names with other characters take the general rule", arguments: ["Prix TTC\u{A0}€", "Ünit", "قیمت  فروش", "e\u{301}"])
    func nonASCIIUsesGeneral(name: String) {
        #expect(FieldNames.normalizedASCII(name) == nil)
        #expect(FieldNames.normalize(name) == general(name))
    }
}
