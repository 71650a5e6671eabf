/// A JSON Pointer (RFC 6901): where in a document the items or a page's metadata are.
///
/// `""` is the whole document, `/data/products` the `products` member of the `data`
/// member, `/results/0/items` goes through the first element of an array. In a name, `~1`
/// stands for `/` and `~0` for `~`.
public struct JSONPointer: Sendable, Hashable, CustomStringConvertible {
    /// The reference tokens, unescaped: `["data", "products"]` for `/data/products`.
    public let tokens: [String]

    /// Creates a pointer from its reference tokens.
    /// - Parameter tokens: the member names or array indices, unescaped.
    public init(tokens: [String]) {
        self.tokens = tokens
    }

    /// Parses a pointer written as text.
    /// - Parameter text: `""` or text starting with `/`, e.g. `/meta/page/last`.
    /// - Throws: ``JSONPointerError`` when the text does not start with `/` or holds a `~`
    ///   not followed by `0` or `1`.
    public init(_ text: String) throws(JSONPointerError) {
        guard !text.isEmpty else {
            self.init(tokens: [])
            return
        }
        guard text.hasPrefix("/") else {
            throw JSONPointerError(text: text, reason: "a JSON pointer is empty or starts with '/', e.g. /data/products")
        }
        var tokens: [String] = []
        for part in text.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
            var token = ""
            var escaping = false
            for character in part {
                if escaping {
                    switch character {
                    case "0": token.append("~")
                    case "1": token.append("/")
                    default:
                        throw JSONPointerError(text: text, reason: "'~' must be followed by 0 (for ~) or 1 (for /)")
                    }
                    escaping = false
                } else if character == "~" {
                    escaping = true
                } else {
                    token.append(character)
                }
            }
            if escaping { throw JSONPointerError(text: text, reason: "'~' must be followed by 0 (for ~) or 1 (for /)") }
            tokens.append(token)
        }
        self.init(tokens: tokens)
    }

    /// The pointer as text, e.g. `/data/products`; `""` for the whole document.
    public var description: String {
        tokens.map { "/" + Self.escape($0) }.joined()
    }

    /// `name` with `~` written `~0` and `/` written `~1`, as in a pointer or a field name.
    /// - Parameter name: a member name.
    /// - Returns: the escaped name.
    public static func escape(_ name: String) -> String {
        guard name.contains(where: { $0 == "~" || $0 == "/" }) else { return name }
        var escaped = ""
        for character in name {
            switch character {
            case "~": escaped += "~0"
            case "/": escaped += "~1"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}

/// A JSON pointer written in a mapping or configuration is not valid.
public struct JSONPointerError: Error, Hashable, CustomStringConvertible {
    /// The text as written.
    public var text: String
    /// What is wrong.
    public var reason: String

    /// `invalid JSON pointer 'text': reason`.
    public var description: String { "invalid JSON pointer '\(text)': \(reason)" }
}
