/// Percent-encoding for pieces of URLs built from data: category path segments, template
/// values (`{{Name|urlencode}}`), a product URL inside AccessTrade's `aff_link`.
public enum PercentEncoding {
    /// Percent-encodes every byte of the UTF-8 text but RFC 3986's unreserved characters
    /// (`A-Z a-z 0-9 - . _ ~`), with upper-case hex, so the result is safe as a path
    /// segment or a query value (`https://a/b?c` → `https%3A%2F%2Fa%2Fb%3Fc`).
    /// - Parameter text: any text.
    /// - Returns: the encoded text; `text` itself when nothing needs encoding.
    public static func unreserved(_ text: String) -> String {
        if text.utf8.allSatisfy(isUnreserved) { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count * 3)
        appendUnreserved(text, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends ``unreserved(_:)`` of `text` to UTF-8 bytes.
    static func appendUnreserved(_ text: String, to bytes: inout [UInt8]) {
        for byte in text.utf8 {
            if isUnreserved(byte) { bytes.append(byte) } else { appendEscape(byte, to: &bytes) }
        }
    }

    /// Appends `%XX` for one byte.
    static func appendEscape(_ byte: UInt8, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "%"))
        bytes.append(hex[Int(byte >> 4)])
        bytes.append(hex[Int(byte & 0x0F)])
    }

    private static let hex: [UInt8] = Array("0123456789ABCDEF".utf8)

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x41...0x5A, 0x61...0x7A, 0x30...0x39, 0x2D, 0x2E, 0x5F, 0x7E: true
        default: false
        }
    }
}
