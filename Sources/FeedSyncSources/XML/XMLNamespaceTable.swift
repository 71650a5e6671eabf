/// A dialect's namespace prefixes, resolved both ways: prefix to URI for the record
/// element the user names, URI to prefix for the field names a feed's elements get.
///
/// Names follow the namespace, not the document's prefix: a feed binding Google's
/// namespace to `c:` or to the default namespace gives `g:price` like one using `g:`. A
/// namespace the table does not know keeps the prefix the document first gave it (none
/// for a default namespace), so a feed in its own namespace, such as Zboží.cz's, reads with
/// the names its documentation uses.
struct XMLNamespaceTable {
    private let uris: [String: String]
    private let canonicalPrefixes: [String: String]
    /// Unknown namespaces, by URI, with the prefix the document first used for each.
    private var documentPrefixes: [String: String] = [:]

    /// Resolves the built-in prefixes and the dialect's own.
    /// - Throws: ``XMLDialectError`` for a prefix that is not a plain name, an empty URI,
    ///   or two of the dialect's prefixes for one URI.
    init(adding extra: [String: String]) throws(XMLDialectError) {
        var uris = XMLDialect.builtInNamespaces
        var canonical: [String: String] = [:]
        for (prefix, uri) in XMLDialect.builtInNamespaces { canonical[uri] = prefix }
        var claimed: [String: String] = [:]
        for (prefix, uri) in extra.sorted(by: { $0.key < $1.key }) {
            guard Self.isPlainName(prefix), prefix != "xmlns" else {
                throw XMLDialectError(
                    setting: "namespaces", value: prefix,
                    reason: "a prefix is a name without ':', '/', '@' or spaces (and not xmlns)")
            }
            guard !uri.isEmpty else {
                throw XMLDialectError(setting: "namespaces", value: prefix, reason: "the namespace URI is empty")
            }
            if let other = claimed[uri] {
                throw XMLDialectError(
                    setting: "namespaces", value: prefix,
                    reason: "\(other) already names \(uri); give each namespace one prefix")
            }
            claimed[uri] = prefix
            if let replaced = uris[prefix] { canonical[replaced] = nil }
            uris[prefix] = uri
            canonical[uri] = prefix
        }
        self.uris = uris
        self.canonicalPrefixes = canonical
    }

    /// The namespace URI `prefix` stands for, or `nil` when the table has no such prefix.
    func uri(forPrefix prefix: String) -> String? {
        uris[prefix]
    }

    /// Every prefix the table knows, sorted, for messages.
    var knownPrefixes: [String] {
        uris.keys.sorted()
    }

    /// The prefix field names use for the namespace `uri`.
    /// - Parameters:
    ///   - uri: the namespace of an element or attribute.
    ///   - documentPrefix: the prefix the document used there, `nil` for a default namespace.
    /// - Returns: the table's prefix for `uri`; for a namespace it does not know, the
    ///   prefix the document first used for it, or `""` for none.
    mutating func prefix(forURI uri: String, documentPrefix: String?) -> String {
        if let prefix = canonicalPrefixes[uri] { return prefix }
        if let prefix = documentPrefixes[uri] { return prefix }
        let prefix = documentPrefix ?? ""
        documentPrefixes[uri] = prefix
        return prefix
    }

    /// Whether `name` can be a prefix or local name: non-empty, no `:`, `/`, `@` or spaces.
    static func isPlainName(_ name: String) -> Bool {
        !name.isEmpty && !name.contains { $0 == ":" || $0 == "/" || $0 == "@" || $0.isWhitespace }
    }
}
