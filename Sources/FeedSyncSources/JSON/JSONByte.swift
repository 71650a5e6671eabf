import CByteSearch

/// The bytes the JSON reader looks for, and a scan for the bytes that end a plain run of
/// string content.
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

    /// The index of the first byte in `base[from..<end]` that a string scan must stop at:
    /// `"`, `\`, a control character (< 0x20) or a non-ASCII byte (≥ 0x80, to be checked as
    /// UTF-8); `end` when there is none. Sixteen bytes at a time (SSE2, in ``CByteSearch``).
    @inline(__always)
    static func firstSpecialStringByte(in base: UnsafePointer<UInt8>, from: Int, to end: Int) -> Int {
        cbs_first_json_special(base, from, end, 1)
    }

    /// Whether `byte` can be part of a number's text (the grammar is checked afterwards).
    @inline(__always)
    static func isNumberByte(_ byte: UInt8) -> Bool {
        (byte >= zero && byte <= nine) || byte == minus || byte == plus || byte == dot || byte == 0x65 || byte == 0x45
    }
}
