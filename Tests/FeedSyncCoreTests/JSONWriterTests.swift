import FeedSyncCore
import Foundation
import Testing

struct JSONWriterTests {
    private func written(_ body: (inout JSONWriter) -> Void) -> String {
        var writer = JSONWriter()
        body(&writer)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    @Test("escapes quotes and backslashes", arguments: [
        (#"say "hi""#, #""say \"hi\"""#),
        (#"C:\path\file"#, #""C:\\path\\file""#),
        (#"\""#, #""\\\"""#),
    ])
    func escapesQuotesAndBackslash(text: String, json: String) {
        #expect(written { $0.string(text) } == json)
    }

    @Test("escapes newline, carriage return and tab with their short forms")
    func escapesWhitespaceControls() {
        #expect(written { $0.string("a\nb\rc\td") } == #""a\nb\rc\td""#)
    }

    @Test("escapes the other control characters as \\u00XX", arguments: [
        ("\u{00}", #""\u0000""#),
        ("\u{01}", #""\u0001""#),
        ("\u{08}", #""\u0008""#),
        ("\u{0C}", #""\u000c""#),
        ("\u{1B}[0m", #""\u001b[0m""#),
        ("\u{1F}", #""\u001f""#),
    ])
    func escapesControlCharacters(text: String, json: String) {
        #expect(written { $0.string(text) } == json)
    }

    @Test("writes Persian text, emoji and other non-ASCII as UTF-8 without escapes", arguments: [
        "گوشی موبایل سامسونگ", "۱۲۳۴۵ تومان", "Điện thoại 📱👍🏽", "café", "\u{7F}", "/slash/",
    ])
    func keepsUnicode(text: String) {
        #expect(written { $0.string(text) } == "\"\(text)\"")
    }

    @Test("escaped strings read back to the original text")
    func escapedStringsReadBack() throws {
        let text = "a \"quoted\" \\ back\nslash\t\u{01}\u{1F} سلام 📱"
        let json = written { $0.string(text) }
        let decoded = try JSONDecoder().decode(String.self, from: Data(json.utf8))
        #expect(decoded == text)
    }

    @Test("writes integral numbers without a fraction", arguments: [
        (1200.0, "1200"), (0, "0"), (-0.0, "0"), (-42, "-42"), (189_000_000, "189000000"), (999_999_999_999_999, "999999999999999"),
    ])
    func writesIntegralNumbers(value: Double, json: String) {
        #expect(written { $0.number(value) } == json)
    }

    @Test("writes other numbers in the shortest form that reads back the same", arguments: [
        19.99, 0.1, 1234.5, -3.25, 1e-7, 1e20, 123_456_789.123,
    ])
    func writesFractionalNumbers(value: Double) throws {
        let json = written { $0.number(value) }
        #expect(!json.contains(","))
        let decoded = try JSONDecoder().decode(Double.self, from: Data(json.utf8))
        #expect(decoded == value)
    }

    @Test("19.99 is written as 19.99")
    func writesPriceWithCents() {
        #expect(written { $0.number(19.99) } == "19.99")
    }

    @Test("NaN and infinities are written as null, never as invalid JSON", arguments: [
        Double.nan, .infinity, -.infinity,
    ])
    func nonFiniteIsNull(value: Double) {
        #expect(written { $0.number(value) } == "null")
    }

    @Test("writes integers, booleans and dates")
    func writesOtherTokens() {
        let json = written { writer in
            writer.raw("[")
            writer.number(7)
            writer.raw(",")
            writer.bool(true)
            writer.raw(",")
            writer.bool(false)
            writer.raw(",")
            writer.date(Date(timeIntervalSince1970: 1_714_558_830))
            writer.raw("]")
        }
        #expect(json == #"[7,true,false,"2024-05-01T10:20:30+00:00"]"#)
    }

    @Test("key writes a quoted name and a colon")
    func writesKey() {
        #expect(written { $0.key("old_price") } == #""old_price":"#)
    }

    @Test("the sixteen-byte scan escapes every byte as a byte-by-byte escaper would, at any offset")
    func wordScanMatchesByteScan() {
        // Every byte that needs an escape, and its neighbours that do not, at every offset
        // of a string longer than two sixteen-byte blocks, plus non-ASCII text around it.
        let specials: [UInt8] = [0x00, 0x01, 0x09, 0x0A, 0x0D, 0x1F, 0x22, 0x5C]
        let neighbours: [UInt8] = [0x20, 0x21, 0x23, 0x5B, 0x5D, 0x7F]
        for byte in specials + neighbours {
            for offset in 0..<44 {
                var text = Array("abcdefghijklmnopqrstuvwxyz".utf8) + Array("سلام!".utf8) + Array("0123456".utf8)
                text.insert(byte, at: min(offset, text.count))
                var writer = JSONWriter()
                text.withUnsafeBufferPointer { writer.appendEscaped($0) }
                #expect(writer.bytes == Self.referenceEscape(text), "byte \(byte) at \(offset)")
            }
        }
    }

    @Test("a string of escapes longer than the writer's room grows it and keeps every escape")
    func escapesGrowTheBuffer() {
        // Every escape widens the string (to 2 or 6 bytes), so the room made for the plain
        // string runs out in the middle of it, several times over.
        let text = (0..<600).map { index -> UInt8 in [0x01, 0x22, 0x41, 0x0A, 0x1F, 0x5C][index % 6] }
        var writer = JSONWriter(capacity: 16)
        writer.raw("[")
        text.withUnsafeBufferPointer { writer.appendEscaped($0) }
        writer.raw("]")
        #expect(writer.bytes == [0x5B] + Self.referenceEscape(text) + [0x5D])
    }

    /// RFC 8259 escaping, one byte at a time.
    private static func referenceEscape(_ text: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x22]
        for byte in text {
            switch byte {
            case 0x22: out += [0x5C, 0x22]
            case 0x5C: out += [0x5C, 0x5C]
            case 0x0A: out += Array(#"\n"#.utf8)
            case 0x0D: out += Array(#"\r"#.utf8)
            case 0x09: out += Array(#"\t"#.utf8)
            case ..<0x20: out += Array(("\\u00" + (byte < 0x10 ? "0" : "") + String(byte, radix: 16)).utf8)
            default: out.append(byte)
            }
        }
        return out + [0x22]
    }

    @Test("integers are written as String writes them", arguments: [
        0, 7, -7, 10, 99, 100, 4_797_000, -1_250_000, Int.max, Int.min,
    ])
    func integerDigits(value: Int) {
        #expect(written { $0.number(value) } == String(value))
    }

    @Test("integral doubles are written without a fraction, as their Int64 text", arguments: [
        0.0, -0.0, 1.0, -45.0, 999_999_999_999_999.0, -999_999_999_999_999.0,
    ])
    func integralDoubleDigits(value: Double) {
        #expect(written { $0.number(value) } == String(Int64(value)))
    }

    @Test("a time written twice, then another, each comes out right")
    func repeatedDates() {
        let first = Date(timeIntervalSince1970: 1_714_558_830)
        let second = Date(timeIntervalSince1970: 1_714_558_831)
        let json = written { writer in
            writer.date(first)
            writer.date(first)
            writer.date(second)
        }
        #expect(json == #""2024-05-01T10:20:30+00:00""2024-05-01T10:20:30+00:00""2024-05-01T10:20:31+00:00""#)
    }
}
