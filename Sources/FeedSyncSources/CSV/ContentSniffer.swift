/// Recognises files that are clearly not CSV text from their first bytes, so the user gets
/// "this is a ZIP archive" instead of a screen of rejected rows.
enum ContentSniffer {
    /// How many leading bytes ``problem(in:)`` wants to see.
    static let sampleSize = 512

    /// Why `sample` cannot be the start of a CSV file, or `nil` when it may be.
    /// - Parameter sample: the file's first bytes, after any UTF-8 byte order mark.
    /// - Returns: a reason with advice, or `nil`.
    static func problem(in sample: [UInt8]) -> String? {
        if sample.starts(with: [0x1F, 0x8B]) {
            return "the file is gzip-compressed, not CSV text; decompress it first"
        }
        if sample.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            return "the file is a ZIP archive (an .xlsx spreadsheet?), not CSV text; export it as CSV (UTF-8)"
        }
        if sample.starts(with: [0xFF, 0xFE]) || sample.starts(with: [0xFE, 0xFF]) {
            return "the file is UTF-16 text; save it as CSV in UTF-8"
        }
        if sample.contains(0) {
            return "the file contains NUL bytes; it looks like a binary file, not CSV text"
        }
        let text = sample.drop(while: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D })
        guard let first = text.first else { return nil }
        if first == UInt8(ascii: "<") {
            return "the file looks like XML or HTML (an error page?), not CSV; for a feed use format: xml"
        }
        // `[id],[name]` is a plausible CSV header, so `[` counts as JSON only before a value.
        let next = text.dropFirst().first(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D })
        let looksLikeJSON: Bool
        switch first {
        case UInt8(ascii: "{"): looksLikeJSON = next == nil || next == ASCII.quote || next == UInt8(ascii: "}")
        case UInt8(ascii: "["):
            let valueStarts = [ASCII.quote, UInt8(ascii: "{"), UInt8(ascii: "["), UInt8(ascii: "]")]
            looksLikeJSON = next.map(valueStarts.contains) ?? false
        default: looksLikeJSON = false
        }
        if looksLikeJSON {
            return "the file looks like JSON, not CSV; for a JSON endpoint use format: json-pages"
        }
        return nil
    }
}
