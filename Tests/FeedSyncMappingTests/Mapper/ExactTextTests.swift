@testable import FeedSyncMapping
import Testing

struct ExactTextTests {
    @Test("texts are equal, and hash alike, only when their bytes are", arguments: [
        ("پوشاک > زنانه", "پوشاک > زنانه", true),
        ("پوشاک > زنانه", "پوشاک > زنانه ", false),
        ("", "", true),
        ("caf\u{E9}", "cafe\u{301}", false),  // equal as Strings, not as bytes
        ("Clothing", "clothing", false),
    ])
    func bytewise(lhs: String, rhs: String, equal: Bool) {
        #expect((ExactText(text: lhs) == ExactText(text: rhs)) == equal)
        if equal { #expect(ExactText(text: lhs).hashValue == ExactText(text: rhs).hashValue) }
    }

    @Test("a cache keyed by exact text finds an entry made from another String with the same bytes")
    func findsSameBytes() {
        let stored = String(decoding: Array("خانه و آشپزخانه > دکوراسیون".utf8), as: UTF8.self)
        let looked = "خانه و آشپزخانه" + " > " + "دکوراسیون"
        let cache = [ExactText(text: stored): 1]
        #expect(cache[ExactText(text: looked)] == 1)
    }
}
