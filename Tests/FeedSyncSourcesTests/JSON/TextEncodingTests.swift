import FeedSyncSources
import Foundation
import Testing

struct TextEncodingTests {
    /// Decodes `fixtures/json/encodings/<file>` in `encoding` and reads its one record.
    private func record(_ file: String, _ encoding: TextEncoding, readSize: Int = .max) throws -> SourceRecord? {
        let bytes = Array(JSONTestSupport.fixtureData("encodings/" + file))
        let stream = TranscodingByteStream(
            base: MemoryByteStream(bytes, maximumReadSize: readSize), encoding: encoding, name: file)
        var reader = JSONRecordReader(stream: stream, items: JSONPointer(tokens: []), source: "s", file: file)
        return try reader.next()?.record
    }

    @Test("Windows-1256 Persian text decodes")
    func windows1256() throws {
        let record = try #require(try record("windows-1256.json", .windows1256))
        #expect(record.firstValue(named: "name") == "گوشي موبايل سامسونگ، کيف")
        #expect(record.firstValue(named: "price") == "125000 تومان")
    }

    @Test("Windows-1252 text with its 0x80-0x9F punctuation decodes")
    func windows1252() throws {
        let record = try #require(try record("windows-1252.json", .windows1252))
        #expect(record.firstValue(named: "name") == "Café “Crème” – 5 €")
    }

    @Test("ISO-8859-1 text decodes byte for byte")
    func latin1() throws {
        let record = try #require(try record("iso-8859-1.json", .isoLatin1))
        #expect(record.firstValue(named: "name") == "Crème brûlée à la française")
    }

    @Test("Windows-1258 Vietnamese decodes, tone marks as combining characters")
    func windows1258() throws {
        let record = try #require(try record("windows-1258.json", .windows1258))
        let name = try #require(record.firstValue(named: "name"))
        // Swift compares strings by canonical equivalence: composed and combining forms match.
        #expect(name == "Điện thoại Việt Nam")
        #expect(name.unicodeScalars.contains("\u{0323}"))
        #expect(record.firstValue(named: "price") == "25.990.000 ₫")
    }

    @Test("UTF-16 with a byte order mark decodes, either byte order, astral characters included", arguments: ["utf-16le.json", "utf-16be.json"])
    func utf16(_ file: String) throws {
        let record = try #require(try record(file, .utf16))
        #expect(record.firstValue(named: "name") == "گوشی 😀 Điện thoại")
    }

    @Test("decoding one byte at a time gives the same text")
    func oneByteReads() throws {
        #expect(try record("utf-16be.json", .utf16, readSize: 1)?.firstValue(named: "name") == "گوشی 😀 Điện thoại")
        #expect(try record("windows-1256.json", .windows1256, readSize: 1)?.firstValue(named: "name") == "گوشي موبايل سامسونگ، کيف")
    }

    @Test("UTF-16 without a byte order mark is refused unless the byte order is named")
    func utf16WithoutBOM() throws {
        let bytes = Array("[1]".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        var refused = TranscodingByteStream(base: MemoryByteStream(bytes), encoding: .utf16, name: "f.json")
        var buffer = [UInt8](repeating: 0, count: 16)
        #expect(throws: ByteStreamError.self) { try buffer.withUnsafeMutableBytes { try refused.read(into: $0) } }
        var named = TranscodingByteStream(base: MemoryByteStream(bytes), encoding: .utf16LE, name: "f.json")
        let count = try buffer.withUnsafeMutableBytes { try named.read(into: $0) }
        #expect(Array(buffer[0..<count]) == Array("[1]".utf8))
    }

    @Test("a lone UTF-16 surrogate becomes U+FFFD")
    func loneSurrogate() throws {
        let bytes: [UInt8] = [0xFF, 0xFE, 0x3D, 0xD8, 0x41, 0x00]
        var stream = TranscodingByteStream(base: MemoryByteStream(bytes), encoding: .utf16, name: "f")
        var buffer = [UInt8](repeating: 0, count: 16)
        let count = try buffer.withUnsafeMutableBytes { try stream.read(into: $0) }
        #expect(String(decoding: buffer[0..<count], as: UTF8.self) == "\u{FFFD}A")
    }

    @Test("encodings are found by their usual names", arguments: [
        ("UTF-8", TextEncoding.utf8), ("cp1256", .windows1256), ("Windows-1256", .windows1256), ("latin1", .isoLatin1),
        ("ISO-8859-1", .isoLatin1), ("windows_1252", .windows1252), ("CP1258", .windows1258), ("utf-16", .utf16),
        ("UTF-16LE", .utf16LE),
    ])
    func names(_ name: String, _ encoding: TextEncoding) {
        #expect(TextEncoding(name: name) == encoding)
    }

    @Test("an unknown encoding name is not guessed")
    func unknownName() {
        #expect(TextEncoding(name: "shift-jis") == nil)
    }
}
