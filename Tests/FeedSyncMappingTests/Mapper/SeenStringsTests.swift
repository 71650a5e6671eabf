@testable import FeedSyncMapping
import Testing

struct SeenStringsTests {
    @Test("keeps the first of each string, as a Set does, below and above the hashing threshold")
    func behavesLikeASet() {
        var seen = SeenStrings()
        var set: Set<String> = []
        let strings = (0..<80).map { "پوشاک/\($0 % 45)" } + ["é", "e\u{301}", "", ""]
        for string in strings {
            let inserted = seen.insert(string)
            #expect(inserted == set.insert(string).inserted, "\(string)")
        }
    }

    @Test("canonically equivalent strings are the same string")
    func canonicalEquivalence() {
        var seen = SeenStrings()
        let composed = seen.insert("caf\u{E9}")
        let decomposed = seen.insert("cafe\u{301}")
        #expect(composed)
        #expect(!decomposed)
    }
}
