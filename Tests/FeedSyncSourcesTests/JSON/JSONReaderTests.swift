import FeedSyncSources
import Testing

struct JSONReaderTests {
    typealias T = JSONTestSupport.Token

    @Test("an object's members come as key and value tokens, in document order")
    func objectTokens() throws {
        let tokens = try JSONTestSupport.tokens(#"{"a":1,"b":"x","c":true,"d":false,"e":null}"#)
        #expect(tokens == [
            T(token: .beginObject), T(token: .key, text: "a"), T(token: .number, text: "1"), T(token: .key, text: "b"),
            T(token: .string, text: "x"), T(token: .key, text: "c"), T(token: .true), T(token: .key, text: "d"),
            T(token: .false), T(token: .key, text: "e"), T(token: .null), T(token: .endObject),
        ])
    }

    @Test("nested arrays and objects open and close in order")
    func nesting() throws {
        let tokens = try JSONTestSupport.tokens(#"[[],{},[{"a":[1]}]]"#).map(\.token)
        #expect(tokens == [
            .beginArray, .beginArray, .endArray, .beginObject, .endObject, .beginArray, .beginObject, .key, .beginArray,
            .number, .endArray, .endObject, .endArray, .endArray,
        ])
    }

    @Test("every RFC 8259 escape is unescaped")
    func escapes() throws {
        let tokens = try JSONTestSupport.tokens(#"["\"\\\/\b\f\n\r\t", "\u0041\u00e9\u20AC"]"#)
        #expect(tokens[1].text == "\"\\/\u{08}\u{0C}\n\r\t")
        #expect(tokens[2].text == "Aé€")
    }

    @Test("a surrogate pair written as two escapes becomes one character")
    func surrogatePair() throws {
        let tokens = try JSONTestSupport.tokens(#"["\ud83d\ude00 \uD834\uDD1E"]"#)
        #expect(tokens[1].text == "😀 𝄞")
    }

    @Test("a lone surrogate escape is an error by default")
    func loneSurrogateFails() throws {
        let error = try #require(JSONTestSupport.readError(#"["a\ud83d b"]"#))
        #expect(error.problem == .invalidText)
        #expect(error.reason.contains("surrogate"))
    }

    @Test("a lone surrogate becomes U+FFFD when replacing")
    func loneSurrogateReplaced() throws {
        let tokens = try JSONTestSupport.tokens(#"["a\udc00b"]"#, options: JSONReaderOptions(invalidText: .replace))
        #expect(tokens[1].text == "a\u{FFFD}b")
    }

    @Test("the escape \\u0000 is a NUL character, kept")
    func nulEscape() throws {
        #expect(try JSONTestSupport.tokens(#"["a\u0000b"]"#)[1].text == "a\u{0}b")
    }

    @Test("multi-byte UTF-8 text is kept as written")
    func utf8Text() throws {
        let text = "گوشی موبایل سامسونگ ۱۲۵٬۰۰۰ — Điện thoại 😀"
        #expect(try JSONTestSupport.tokens("[\"\(text)\"]")[1].text == text)
    }

    @Test("numbers are kept exactly as written", arguments: ["0", "-0", "1.50", "-12.5e-3", "1E+10", "12345678901234567890123", "0.000001"])
    func numbers(_ number: String) throws {
        #expect(try JSONTestSupport.tokens("[\(number)]")[1] == T(token: .number, text: number))
    }

    @Test("malformed numbers are errors", arguments: ["01", "1.", ".5", "+1", "-", "1e", "1e+", "--1", "1.2.3", "0x10"])
    func badNumbers(_ number: String) throws {
        let error = try #require(JSONTestSupport.readError("[\(number)]"))
        #expect(error.problem == .syntax)
    }

    @Test("a top-level scalar is a whole document")
    func topLevelScalar() throws {
        #expect(try JSONTestSupport.tokens(" \"x\" ") == [T(token: .string, text: "x")])
        #expect(try JSONTestSupport.tokens("42") == [T(token: .number, text: "42")])
    }

    @Test("white space of all four kinds is allowed between tokens")
    func whitespace() throws {
        let tokens = try JSONTestSupport.tokens(" \t\r\n{ \"a\" \n:\t[ 1 ,\r\n 2 ] } \n")
        #expect(tokens.map(\.token) == [.beginObject, .key, .beginArray, .number, .number, .endArray, .endObject])
    }

    @Test("reading one byte at a time gives the same tokens as one chunk")
    func oneByteChunks() throws {
        let text = #"{"name":"گوشی \"X\" \u00e9\ud83d\ude00","n":[1.5e3,-0,true,false,null],"o":{"k":"ệ"}}"#
        let whole = try JSONTestSupport.tokens(text)
        #expect(try JSONTestSupport.tokens(text, readSize: 1) == whole)
        #expect(try JSONTestSupport.tokens(Array(text.utf8), readSize: 3, chunkSize: 16) == whole)
    }

    @Test("a syntax error names the line, column and byte offset")
    func errorPlace() throws {
        let error = try #require(JSONTestSupport.readError("{\n  \"a\": 1,\n  \"b\" 2\n}"))
        #expect(error.line == 3)
        #expect(error.column == 7)
        #expect(error.offset == 18)
        #expect(error.description == "test.json:3:7 (byte 18): expected ':' after the member name, found '2'")
    }

    @Test("a trailing comma is refused with a message saying so", arguments: [#"{"a":1,}"#, "[1,]"])
    func trailingComma(_ text: String) throws {
        let error = try #require(JSONTestSupport.readError(text))
        #expect(error.reason.contains("trailing comma"))
    }

    @Test("content after the document is refused")
    func trailingContent() throws {
        let error = try #require(JSONTestSupport.readError("{} {}"))
        #expect(error.reason.contains("after the end of the JSON document"))
        #expect(error.offset == 3)
    }

    @Test("an empty document is an error")
    func emptyDocument() throws {
        let error = try #require(JSONTestSupport.readError("  \n "))
        #expect(error.reason.contains("empty"))
    }

    @Test("a document that ends inside a string says so")
    func unterminatedString() throws {
        let error = try #require(JSONTestSupport.readError(#"["abc"#))
        #expect(error.reason.contains("not closed"))
    }

    @Test("a document that ends inside an array says what was expected")
    func unterminatedArray() throws {
        let error = try #require(JSONTestSupport.readError("[1, 2"))
        #expect(error.reason == "the document ends too early: expected ',' or ']'")
    }

    @Test("a raw control character inside a string is refused")
    func controlCharacter() throws {
        let error = try #require(JSONTestSupport.readError("[\"a\tb\"]"))
        #expect(error.reason.contains("control character 0x09"))
    }

    @Test("unquoted keys, single quotes and bare words are refused", arguments: ["{a:1}", "['a']", "[undefined]", "[tru]", "[nul]"])
    func notJSON(_ text: String) throws {
        #expect(JSONTestSupport.readError(text)?.problem == .syntax)
    }

    @Test("nesting deeper than the limit is refused")
    func depthLimit() throws {
        let deep = String(repeating: "[", count: 65) + String(repeating: "]", count: 65)
        let error = try #require(JSONTestSupport.readError(deep))
        #expect(error.problem == .tooDeep)
        #expect(error.reason.contains("64"))
        let allowed = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        #expect(JSONTestSupport.readError(allowed) == nil)
    }

    @Test("a string longer than the limit is refused")
    func stringLimit() throws {
        let error = try #require(JSONTestSupport.readError("[\"\(String(repeating: "x", count: 100))\"]", options: JSONReaderOptions(maxStringBytes: 64)))
        #expect(error.problem == .stringTooLong)
    }

    @Test("runs of multi-byte text read whole give the text, and the limit errors, that one byte at a time gives",
          arguments: [60, 63, 64, 65, 66])
    func multibyteRunsAndLimit(length: Int) throws {
        // "ab" then Persian (2 bytes), a Vietnamese letter (3) and an emoji (4): the string's
        // bytes pass a 64-byte limit inside a run of non-ASCII text or just after one.
        let text = "ab" + String(repeating: "گ", count: 20) + "ệ" + "x" + String(repeating: "😀", count: 4)
        let bytes = Array(("[\"" + String(decoding: Array(text.utf8).prefix(length), as: UTF8.self) + "\"]").utf8)
        let options = JSONReaderOptions(maxStringBytes: 64)
        func outcome(readSize: Int, chunkSize: Int) -> String {
            do {
                return "\(try JSONTestSupport.tokens(bytes, readSize: readSize, options: options, chunkSize: chunkSize))"
            } catch let error as JSONReadError {
                return "\(error.problem) at \(error.offset)"
            } catch {
                return "\(error)"
            }
        }
        let whole = outcome(readSize: .max, chunkSize: 1 << 16)
        #expect(outcome(readSize: 1, chunkSize: 16) == whole)
        #expect(outcome(readSize: 3, chunkSize: 16) == whole)
    }

    @Test("invalid UTF-8 in a string is refused by default, with its offset")
    func invalidUTF8() throws {
        let error = try #require(JSONTestSupport.readError([0x5B, 0x22, 0x61, 0xE9, 0x62, 0x22, 0x5D]))
        #expect(error.problem == .invalidText)
        #expect(error.offset == 3)
        #expect(error.reason.contains("0xE9"))
    }

    @Test("overlong forms, encoded surrogates and truncated sequences are invalid UTF-8", arguments: [
        [0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0xFF],
    ] as [[UInt8]])
    func invalidSequences(_ bytes: [UInt8]) throws {
        #expect(JSONTestSupport.readError([0x5B, 0x22] + bytes + [0x22, 0x5D])?.problem == .invalidText)
    }

    @Test("invalid UTF-8 becomes U+FFFD when replacing, and the reader says so")
    func invalidUTF8Replaced() throws {
        var reader = JSONReader(
            stream: MemoryByteStream([0x5B, 0x22, 0x61, 0xE9, 0x62, 0x22, 0x5D]), file: "t",
            options: JSONReaderOptions(invalidText: .replace))
        _ = try reader.next()
        #expect(try reader.next() == .string)
        #expect(reader.textString == "a\u{FFFD}b")
        #expect(reader.textHasReplacements)
    }

    @Test("a UTF-8 byte order mark is skipped")
    func utf8BOM() throws {
        #expect(try JSONTestSupport.tokens([0xEF, 0xBB, 0xBF] + Array("[1]".utf8)).count == 3)
    }

    @Test("UTF-16 text is refused with advice to name the encoding")
    func utf16Refused() throws {
        let error = try #require(JSONTestSupport.readError([0xFF, 0xFE, 0x5B, 0x00, 0x5D, 0x00]))
        #expect(error.reason.contains("utf-16"))
    }

    @Test("skipping a container reads past it without keeping its text")
    func skipContainer() throws {
        var reader = JSONReader(stream: MemoryByteStream(#"{"skip":{"a":[1,{"b":"c"}]},"keep":2}"#), file: "t")
        #expect(try reader.next() == .beginObject)
        #expect(try reader.next() == .key)
        #expect(try reader.next() == .beginObject)
        try reader.skipContainer()
        #expect(try reader.next() == .key)
        #expect(reader.textString == "keep")
        #expect(try reader.next() == .number)
        #expect(try reader.next() == .endObject)
        #expect(try reader.next() == nil)
    }
}
