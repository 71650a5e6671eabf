internal import CLibXML2

/// The element that is one record, as the dialect names it, ready to be compared with the
/// names libxml2 hands out.
struct XMLRecordElement {
    /// The name as the dialect gave it, for messages.
    let name: String
    /// The local name, NUL-terminated.
    private let local: [xmlChar]
    /// The namespace URI, NUL-terminated, or `nil` to match any namespace.
    private let namespace: [xmlChar]?

    /// Parses `name` or `prefix:name`.
    /// - Throws: ``XMLDialectError`` for an empty or malformed name, a path, or a prefix
    ///   the namespace table does not know.
    init(_ name: String, namespaces: XMLNamespaceTable) throws(XMLDialectError) {
        let parts = name.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let local = parts[parts.count - 1]
        guard parts.allSatisfy(XMLNamespaceTable.isPlainName) else {
            throw XMLDialectError(
                setting: "record element", value: name,
                reason: "give one element name, optionally with a prefix (item, entry, g:item), not a path or attribute")
        }
        self.name = name
        self.local = Array(local.utf8) + [0]
        if parts.count == 2 {
            guard let uri = namespaces.uri(forPrefix: parts[0]) else {
                throw XMLDialectError(
                    setting: "record element", value: name,
                    reason: "unknown namespace prefix \"\(parts[0])\"; declare it under namespaces "
                        + "(known: \(namespaces.knownPrefixes.joined(separator: ", ")))")
            }
            self.namespace = Array(uri.utf8) + [0]
        } else {
            self.namespace = nil
        }
    }

    /// Whether an element with this local name and namespace URI is a record.
    func matches(local: UnsafePointer<xmlChar>, namespace: UnsafePointer<xmlChar>?) -> Bool {
        guard xmlStrEqual(local, self.local) == 1 else { return false }
        guard let expected = self.namespace else { return true }
        guard let namespace else { return false }
        return xmlStrEqual(namespace, expected) == 1
    }
}
