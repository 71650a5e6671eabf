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
        name.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
