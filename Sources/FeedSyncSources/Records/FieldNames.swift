/// The names of a record's fields, with a lookup that ignores case and white space.
///
/// CSV rows share one instance (the header); formats whose records differ in shape build
/// one per record. A final class so that a million rows can share one header without
/// copying it.
public final class FieldNames: Sendable {
    /// The names as the source wrote them, in order.
    public let names: [String]
    private let positions: [String: [Int]]

    /// Creates a name table; duplicate names keep every position in order.
    public init(_ names: [String]) {
        self.names = names
        var positions: [String: [Int]] = [:]
        for (index, name) in names.enumerated() {
            positions[Self.normalize(name), default: []].append(index)
        }
        self.positions = positions
    }

    /// The positions of the fields called `name` (case and white space ignored).
    public func positions(of name: String) -> [Int] {
        positions[Self.normalize(name)] ?? []
    }

    /// Whether a field called `name` exists.
    public func contains(_ name: String) -> Bool {
        positions[Self.normalize(name)] != nil
    }

    /// The key names are compared by: lower case, trimmed, inner white space runs as one space.
    public static func normalize(_ name: String) -> String {
        if let ascii = normalizedASCII(name) { return ascii }
        return name.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// ``normalize(_:)`` on the bytes of an ASCII name, or `nil` for any other name.
    ///
    /// Formats whose records differ in shape look names up per record, and `lowercased()`
    /// with a split on `Character.isWhitespace` (grapheme breaking, Unicode properties)
    /// cost most of an XML or JSON export. For ASCII both are byte rules: `A`–`Z` lower
    /// to `a`–`z`, and the white space characters are tab, line feed, vertical tab, form
    /// feed, carriage return and space.
    static func normalizedASCII(_ name: String) -> String? {
        var unchanged = true
        var previous = UInt8(ascii: " ")  // so that leading white space counts as a change
        for byte in name.utf8 {
            guard byte < 0x80 else { return nil }
            if isUpper(byte) || (isSpace(byte) && (byte != UInt8(ascii: " ") || previous == UInt8(ascii: " "))) {
                unchanged = false
            }
            previous = byte
        }
        if unchanged && previous != UInt8(ascii: " ") { return name }
        var normalized: [UInt8] = []
        normalized.reserveCapacity(name.utf8.count)
        var pendingSpace = false
        for byte in name.utf8 {
            if isSpace(byte) {
                pendingSpace = !normalized.isEmpty
                continue
            }
            if pendingSpace {
                normalized.append(UInt8(ascii: " "))
                pendingSpace = false
            }
            normalized.append(isUpper(byte) ? byte + 0x20 : byte)
        }
        return String(decoding: normalized, as: UTF8.self)
    }

    private static func isUpper(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }
    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }
}
