/// One step of a JSON document as ``JSONReader`` reads it.
///
/// Tokens carry no text: the text of a key, string or number is in ``JSONReader/text``
/// until the next token is read, so that reading a token allocates nothing.
public enum JSONToken: Sendable, Hashable {
    /// `{`
    case beginObject
    /// `}`
    case endObject
    /// `[`
    case beginArray
    /// `]`
    case endArray
    /// A member name; ``JSONReader/text`` holds it unescaped.
    case key
    /// A string value; ``JSONReader/text`` holds it unescaped.
    case string
    /// A number; ``JSONReader/text`` holds it exactly as written (`1.50`, `-2e3`).
    case number
    /// `true`
    case `true`
    /// `false`
    case `false`
    /// `null`
    case null

    /// Whether the token is a whole value by itself (not a container's start or end, not a key).
    public var isScalar: Bool {
        switch self {
        case .string, .number, .true, .false, .null: true
        case .beginObject, .endObject, .beginArray, .endArray, .key: false
        }
    }
}
