/// The bytes the JSON reader looks for, and a word-at-a-time scan for the bytes that end a
/// plain run of string content.
enum JSONByte {
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")
    static let lineFeed = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")
    static let quote = UInt8(ascii: "\"")
    static let backslash = UInt8(ascii: "\\")
    static let slash = UInt8(ascii: "/")
    static let comma = UInt8(ascii: ",")
    static let colon = UInt8(ascii: ":")
    static let minus = UInt8(ascii: "-")
    static let plus = UInt8(ascii: "+")
    static let dot = UInt8(ascii: ".")
    static let zero = UInt8(ascii: "0")
    static let one = UInt8(ascii: "1")
    static let nine = UInt8(ascii: "9")
    static let openBrace = UInt8(ascii: "{")
    static let closeBrace = UInt8(ascii: "}")
    static let openBracket = UInt8(ascii: "[")
    static let closeBracket = UInt8(ascii: "]")
    static let trueBytes: [UInt8] = Array("true".utf8)
    static let falseBytes: [UInt8] = Array("false".utf8)
    static let nullBytes: [UInt8] = Array("null".utf8)
    /// U+FFFD REPLACEMENT CHARACTER in UTF-8.
    static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]

    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080
    private static let quotes: UInt64 = ones &* 0x22
    private static let backslashes: UInt64 = ones &* 0x5C
    private static let spaces: UInt64 = ones &* 0x20

    /// The index of the first byte in `base[from..<end]` that a string scan must stop at:
    /// `"`, `\`, a control character (< 0x20) or a non-ASCII byte (≥ 0x80, to be checked as
    /// UTF-8); `end` when there is none.
    ///
    /// Eight bytes are tested at once with the "has a byte less than n" bit trick, which
    /// is exact in the lowest flagged lane (false hits can only be above a true one), and
    /// the lowest lane is all this uses.
    @inline(__always)
    static func firstSpecialStringByte(in base: UnsafePointer<UInt8>, from: Int, to end: Int) -> Int {
        var index = from
        let raw = UnsafeRawPointer(base)
        while index &+ 8 <= end {
            let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            let quote = word ^ quotes
            let backslash = word ^ backslashes
            let hits = (((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash) | (word &- spaces) | word) & highs
            if hits != 0 { return index &+ (hits.trailingZeroBitCount &>> 3) }
            index &+= 8
        }
        while index < end {
            let byte = base[index]
            if byte == quote || byte == backslash || byte < 0x20 || byte >= 0x80 { return index }
            index &+= 1
        }
        return end
    }

    /// Whether `byte` can be part of a number's text (the grammar is checked afterwards).
    @inline(__always)
    static func isNumberByte(_ byte: UInt8) -> Bool {
        (byte >= zero && byte <= nine) || byte == minus || byte == plus || byte == dot || byte == 0x65 || byte == 0x45
    }
}
