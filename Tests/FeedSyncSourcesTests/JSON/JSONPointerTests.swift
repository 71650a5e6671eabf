import FeedSyncSources
import Testing

struct JSONPointerTests {
    @Test("a pointer's tokens are split at '/' and unescaped")
    func parses() throws {
        #expect(try JSONPointer("/data/products").tokens == ["data", "products"])
        #expect(try JSONPointer("/a~1b/c~0d/0").tokens == ["a/b", "c~d", "0"])
        #expect(try JSONPointer("").tokens == [])
        #expect(try JSONPointer("/").tokens == [""])
    }

    @Test("a pointer prints as it is written")
    func prints() throws {
        #expect(try JSONPointer("/a~1b/c~0d").description == "/a~1b/c~0d")
    }

    @Test("text not starting with '/' is refused with an example")
    func needsSlash() throws {
        #expect(throws: JSONPointerError.self) { try JSONPointer("data/products") }
    }

    @Test("'~' followed by anything but 0 or 1 is refused")
    func badTilde() throws {
        #expect(throws: JSONPointerError.self) { try JSONPointer("/a~2") }
    }
}
