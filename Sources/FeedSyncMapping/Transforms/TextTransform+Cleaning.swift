/// The text transforms for descriptions and names copied out of shop back-ends: HTML,
/// character references, Unicode forms, Persian spelling and length.
///
/// Like the rest of ``TextTransform``, each returns its input untouched, without
/// allocating, when there is nothing to change.
extension TextTransform {
    /// Plain text of an HTML fragment: tags removed, block elements as line ends, scripts
    /// and styles dropped, references decoded, white space collapsed (see ``HTMLText``).
    /// - Parameter html: a description as the shop stores it.
    /// - Returns: the text a reader sees, trimmed.
    public static func stripHTML(_ html: String) -> String {
        if !html.utf8.contains(where: { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: "&") || $0 < 0x20 }),
           html.utf8.first != UInt8(ascii: " "), html.utf8.last != UInt8(ascii: " "), !html.contains("  ") {
            return html
        }
        return HTMLText.plainText(html)
    }

    /// Decodes HTML character references (`&amp;` → `&`, `&bull;` → `•`, `&#1740;` → `ی`,
    /// `&#x2013;` → `–`) and changes nothing else. One pass: `&amp;amp;` becomes `&amp;`.
    /// - Parameter text: text that may hold references.
    /// - Returns: the text with every complete reference decoded.
    public static func decodeEntities(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
        var text = text
        return text.withUTF8 { bytes in
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count)
            var index = 0
            while index < bytes.count {
                if bytes[index] == UInt8(ascii: "&"), let (scalar, end) = HTMLEntities.decode(bytes, at: index) {
                    UTF8.encode(scalar) { output.append($0) }
                    index = end
                } else {
                    output.append(bytes[index])
                    index += 1
                }
            }
            return String(decoding: output, as: UTF8.self)
        }
    }

    /// Unicode Normalization Form C: the same letter typed with a combining accent
    /// (`e` + U+0301) and precomposed (`é`) becomes the same scalars, so names compare,
    /// hash and search alike. Vietnamese text from some editors arrives decomposed.
    /// - Parameter text: any text.
    /// - Returns: the composed text.
    public static func nfc(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: mayChangeUnderNFC) else { return text }
        return text.precomposedStringWithCanonicalMapping
    }

    /// Persian spelling: Arabic yeh `ي` and alef maksura `ى` become Persian yeh `ی`, Arabic
    /// kaf `ك` becomes Persian kaf `ک`, Arabic-Indic digits `٠-٩` become Persian digits
    /// `۰-۹`. The zero-width non-joiner (U+200C) that Persian words such as `می‌شود` need
    /// is kept, as is everything else.
    /// - Parameter text: Persian text typed on any keyboard.
    /// - Returns: the text in Persian letters.
    public static func persian(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard scalars.contains(where: { persianForm($0) != nil }) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in scalars { result.append(persianForm(scalar) ?? scalar) }
        return String(result)
    }

    private static func persianForm(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        if let letter = scalar.persianLetterForm { return letter }
        if (0x0660...0x0669).contains(scalar.value) { return Unicode.Scalar(scalar.value + 0x90) }
        return nil
    }

    /// Cuts text to at most `limit` characters (user-perceived characters, so an accented
    /// letter or an emoji counts once), ending with `ellipsis`. When a word boundary lies in
    /// the last third of the room, the cut is made there rather than inside a word.
    /// - Parameters:
    ///   - text: any text.
    ///   - limit: the most characters the result may have, ellipsis included.
    ///   - ellipsis: what marks the cut, `…` by default; may be empty.
    /// - Returns: `text` itself when it fits.
    public static func truncate(_ text: String, to limit: Int, ellipsis: String = "…") -> String {
        // Every character takes at least one byte, so a short UTF-8 count settles most cases.
        if text.utf8.count <= limit || text.count <= limit { return text }
        let room = max(0, limit - ellipsis.count)
        var cut = text.index(text.startIndex, offsetBy: room)
        if let space = text[..<cut].lastIndex(where: \.isWhitespace), text.distance(from: text.startIndex, to: space) >= room * 2 / 3 {
            cut = space
        }
        return trim(String(text[..<cut])) + ellipsis
    }
}
