import Foundation

/// Splits one cell into a list: image URLs, tags, several category paths.
///
/// Exports pack lists into one cell in different ways: WooCommerce writes
/// `https://a/1.png, https://a/2.png`, PrestaShop and Magento use `,` without spaces,
/// Shopware uses `|`, and some feeds put one item per line. Items are trimmed, empty ones
/// dropped and, unless turned off, repeated ones dropped (first occurrence kept).
///
/// A backslash escapes the separator: WooCommerce writes a comma inside a category name
/// as `\,`. `\\` is one backslash. A backslash before anything else is kept as it is, so
/// URLs and Windows paths are not mangled.
public struct ListSplitter: Sendable, Hashable {
    /// The text between items; never empty.
    public let separator: String
    /// Keep at most this many items (after dropping empty and repeated ones); `nil` keeps all.
    public let limit: Int?
    /// Whether repeated items are dropped.
    public var deduplicates: Bool

    // Kept as plain values, not an array, so building a splitter per row allocates nothing.
    private let firstByte: UInt8
    private let separatorLength: Int

    /// Creates a splitter.
    /// - Parameters:
    ///   - separator: the text between items, `,` by default; an empty separator is
    ///     treated as `,`. Use `"\n"` for one item per line (`\r\n` works too: the `\r`
    ///     is trimmed).
    ///   - limit: keep only the first `limit` items, e.g. `1` for a main image.
    ///   - deduplicates: drop items equal to an earlier one.
    public init(separator: String = ",", limit: Int? = nil, deduplicates: Bool = true) {
        let separator = separator.isEmpty ? "," : separator
        self.separator = separator
        self.limit = limit.map { max(0, $0) }
        self.deduplicates = deduplicates
        firstByte = separator.utf8.first ?? UInt8(ascii: ",")
        separatorLength = separator.utf8.count
    }

    /// Splits a cell.
    /// - Parameter text: the cell as the feed has it.
    /// - Returns: the trimmed, non-empty items in order.
    public func split(_ text: String) -> [String] {
        if limit == 0 { return [] }
        // Indices into contiguous UTF-8 cost a fraction of String.UTF8View's index
        // arithmetic, which was most of the time of splitting a cell of image URLs.
        var text = text
        return text.withUTF8(split)
    }

    private func split(_ bytes: UnsafeBufferPointer<UInt8>) -> [String] {
        var items: [String] = []
        // Matching UTF-8 bytes is safe: a valid UTF-8 separator can only match at scalar
        // boundaries, so every cut lands between whole scalars.
        var itemStart = 0
        var index = 0
        var unescaped: [UInt8]?  // set once the current item contains an escape
        var seen: Set<String>?  // built only for long lists; short ones are searched linearly
        let escapes = firstByte != UInt8(ascii: "\\")

        func finishItem(upTo end: Int) -> Bool {
            let item: String
            if var pending = unescaped {
                pending.append(contentsOf: bytes[itemStart..<end])
                item = TextTransform.trim(String(decoding: pending, as: UTF8.self))
            } else {
                item = Self.trimmed(UnsafeBufferPointer(rebasing: bytes[itemStart..<end]))
            }
            unescaped = nil
            guard !item.isEmpty else { return false }
            if deduplicates {
                if seen == nil, items.count >= 32 { seen = Set(items) }
                if seen?.contains(item) ?? items.contains(item) { return false }
                seen?.insert(item)
            }
            items.append(item)
            return limit.map { items.count >= $0 } ?? false
        }

        // Most cells have no backslash, and then only separators matter: memchr finds their
        // first byte many bytes at a time, where the loop below looks at every byte (about
        // two thousand instructions for a cell of image URLs).
        if let base = bytes.baseAddress, !escapes || memchr(base, Int32(UInt8(ascii: "\\")), bytes.count) == nil {
            // Room for a few items at once: growing the array item by item reallocated it
            // twice for a typical cell of two or three image URLs.
            if !bytes.isEmpty { items.reserveCapacity(min(limit ?? 4, 4)) }
            while index < bytes.count, let found = memchr(base + index, Int32(firstByte), bytes.count - index) {
                index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                guard matchesSeparator(bytes, at: index) else {
                    index += 1
                    continue
                }
                if finishItem(upTo: index) { return items }
                index += separatorLength
                itemStart = index
            }
            _ = finishItem(upTo: bytes.count)
            return items
        }
        while index < bytes.count {
            let byte = bytes[index]
            if escapes, byte == UInt8(ascii: "\\") {
                let next = index + 1
                if matchesSeparator(bytes, at: next) {
                    let afterSeparator = next + separatorLength
                    unescaped = (unescaped ?? []) + bytes[itemStart..<index] + separator.utf8
                    itemStart = afterSeparator
                    index = afterSeparator
                    continue
                }
                if next < bytes.count, bytes[next] == UInt8(ascii: "\\") {
                    let afterPair = next + 1
                    unescaped = (unescaped ?? []) + bytes[itemStart..<next]
                    itemStart = afterPair
                    index = afterPair
                    continue
                }
            } else if byte == firstByte, matchesSeparator(bytes, at: index) {
                if finishItem(upTo: index) { return items }
                index += separatorLength
                itemStart = index
                continue
            }
            index += 1
        }
        _ = finishItem(upTo: bytes.count)
        return items
    }

    /// The item's text, trimmed as ``TextTransform/trim(_:)`` trims: ASCII blanks are cut
    /// on bytes; an item that then starts or ends with another character (which may be a
    /// no-break space or an invisible mark) is left to `trim`.
    private static func trimmed(_ item: UnsafeBufferPointer<UInt8>) -> String {
        var start = 0
        var end = item.count
        while start < end, isASCIIBlank(item[start]) { start += 1 }
        while end > start, isASCIIBlank(item[end - 1]) { end -= 1 }
        let text = String(decoding: UnsafeBufferPointer(rebasing: item[start..<end]), as: UTF8.self)
        guard start < end, item[start] >= 0x80 || item[end - 1] >= 0x80 else { return text }
        return TextTransform.trim(text)
    }

    private static func isASCIIBlank(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }

    private func matchesSeparator(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard index + separatorLength <= bytes.count else { return false }
        var position = index
        for expected in separator.utf8 {
            guard bytes[position] == expected else { return false }
            position += 1
        }
        return true
    }
}
