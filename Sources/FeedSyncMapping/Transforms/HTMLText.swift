/// Turns an HTML fragment (a product description) into plain text in one pass over its
/// UTF-8 bytes, the way a browser would lay it out as text:
///
/// - tags are removed; block elements (`p`, `div`, `li`, `h1`…`h6`, `tr`, `br`, …) end a
///   line, table cells are separated by a space, inline elements (`b`, `span`, `a`) leave
///   nothing, so `<b>bo</b>ld` stays one word;
/// - `script`, `style`, `noscript` and `template` elements are dropped with their content,
///   as are comments, `<!DOCTYPE>` and processing instructions;
/// - character references are decoded (``HTMLEntities``), `&nbsp;` counts as a space;
/// - white space runs (spaces, tabs, source line breaks) become one space, as in HTML;
///   several line ends in a row become one, and the text is trimmed;
/// - a `<` that does not start a tag (`a < b`, `<3`) or a tag that is never closed is
///   kept as text, so broken markup loses nothing.
enum HTMLText {
    private enum Pending: Int, Comparable {
        case none, space, newline
        static func < (lhs: Pending, rhs: Pending) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// The text of `html`.
    static func plainText(_ html: String) -> String {
        var html = html
        return html.withUTF8 { bytes in
            var text = TextBuilder(capacity: bytes.count)
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case UInt8(ascii: "<"):
                    if let tag = Tag.read(bytes, at: index) {
                        text.pending = max(text.pending, tag.breakBefore)
                        index = tag.end
                        continue
                    }
                    text.emit(byte)
                case UInt8(ascii: "&"):
                    if let (scalar, end) = HTMLEntities.decode(bytes, at: index) {
                        if scalar == "\u{00A0}" || scalar == " " || scalar == "\t" || scalar == "\n" {
                            text.pending = max(text.pending, .space)
                        } else {
                            UTF8.encode(scalar) { text.emit($0) }
                        }
                        index = end
                        continue
                    }
                    text.emit(byte)
                case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"), 0x0C:
                    text.pending = max(text.pending, .space)
                default:
                    text.emit(byte)
                }
                index += 1
            }
            return String(decoding: text.output, as: UTF8.self)
        }
    }

    /// The text being built and the break owed before its next character.
    ///
    /// A struct rather than a closure over local variables, which would make every byte pay
    /// for dynamic exclusivity checks.
    private struct TextBuilder {
        var output: [UInt8] = []
        var pending = Pending.none

        init(capacity: Int) {
            output.reserveCapacity(capacity)
        }

        mutating func emit(_ byte: UInt8) {
            if pending != .none, !output.isEmpty {
                output.append(pending == .newline ? UInt8(ascii: "\n") : UInt8(ascii: " "))
            }
            pending = .none
            output.append(byte)
        }
    }

    /// One tag, comment or declaration and what it means for the text around it.
    private struct Tag {
        /// The index after the tag (after the end of a dropped element's content).
        var end: Int
        /// The break it puts between the text before and after it.
        var breakBefore: Pending

        /// Reads the markup starting at `start` (a `<`); `nil` when it is not markup.
        static func read(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Tag? {
            let next = start + 1
            guard next < bytes.count else { return nil }
            switch bytes[next] {
            case UInt8(ascii: "!"):
                if matches(bytes, at: next + 1, "--") {
                    let close = find(bytes, "-->", from: next + 3) ?? bytes.count
                    return Tag(end: min(close + 3, bytes.count), breakBefore: .none)
                }
                return skipToClose(bytes, from: next)
            case UInt8(ascii: "?"):
                return skipToClose(bytes, from: next)
            case UInt8(ascii: "/"):
                return element(bytes, start: start, nameStart: next + 1, closing: true)
            case let byte where isLetter(byte):
                return element(bytes, start: start, nameStart: next, closing: false)
            default:
                return nil
            }
        }

        private static func element(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, nameStart: Int, closing: Bool) -> Tag? {
            var index = nameStart
            var name: [UInt8] = []
            while index < bytes.count, isLetter(bytes[index]) || isDigit(bytes[index]) {
                if name.count < 16 { name.append(bytes[index] | 0x20) }
                index += 1
            }
            guard !name.isEmpty, let close = tagClose(bytes, from: index) else { return nil }
            let tagName = String(decoding: name, as: UTF8.self)
            if !closing, dropped.contains(tagName), bytes[close - 1] != UInt8(ascii: "/") {
                // The content of script and style is not text: skip to the matching end tag.
                let end = findEndTag(bytes, name: name, from: close + 1) ?? bytes.count
                return Tag(end: end, breakBefore: .space)
            }
            let breakBefore: Pending = blocks.contains(tagName) ? .newline : cells.contains(tagName) ? .space : .none
            return Tag(end: close + 1, breakBefore: breakBefore)
        }

        /// The index of the `>` ending a tag, skipping quoted attribute values.
        private static func tagClose(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
            var index = start
            var quote: UInt8?
            while index < bytes.count {
                let byte = bytes[index]
                if let open = quote {
                    if byte == open { quote = nil }
                } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    quote = byte
                } else if byte == UInt8(ascii: ">") {
                    return index
                } else if byte == UInt8(ascii: "<") {
                    return nil  // `a <b c` with no `>` before the next tag: not a tag
                }
                index += 1
            }
            return nil
        }

        private static func skipToClose(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Tag? {
            guard let close = find(bytes, ">", from: start) else { return nil }
            return Tag(end: close + 1, breakBefore: .none)
        }

        private static func findEndTag(_ bytes: UnsafeBufferPointer<UInt8>, name: [UInt8], from start: Int) -> Int? {
            var index = start
            while let open = find(bytes, "</", from: index) {
                var position = open + 2
                var matched = true
                for expected in name {
                    guard position < bytes.count, bytes[position] | 0x20 == expected else {
                        matched = false
                        break
                    }
                    position += 1
                }
                if matched, let close = find(bytes, ">", from: position) { return close + 1 }
                index = open + 2
            }
            return nil
        }

        private static func find(_ bytes: UnsafeBufferPointer<UInt8>, _ needle: StaticString, from start: Int) -> Int? {
            let count = needle.utf8CodeUnitCount
            guard count > 0 else { return nil }
            let first = needle.utf8Start[0]
            var index = start
            while index + count <= bytes.count {
                if bytes[index] == first, matches(bytes, at: index, needle) { return index }
                index += 1
            }
            return nil
        }

        private static func matches(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, _ text: StaticString) -> Bool {
            let count = text.utf8CodeUnitCount
            guard start + count <= bytes.count else { return false }
            for offset in 0..<count where bytes[start + offset] != text.utf8Start[offset] { return false }
            return true
        }

        private static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") }
        private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

        /// Elements whose content is not text.
        private static let dropped: Set<String> = ["script", "style", "noscript", "template", "head", "title"]
        /// Elements that start and end a line.
        private static let blocks: Set<String> = [
            "address", "article", "aside", "blockquote", "br", "caption", "dd", "div", "dl", "dt", "fieldset",
            "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li",
            "main", "nav", "ol", "p", "pre", "section", "table", "tbody", "tfoot", "thead", "tr", "ul",
        ]
        /// Elements separated from their neighbours by a space.
        private static let cells: Set<String> = ["td", "th", "img"]
    }
}
