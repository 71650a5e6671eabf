/// An ordered list of HTTP header fields with case-insensitive lookup.
///
/// HTTP field names are case-insensitive (RFC 9110, section 5.1) and servers spell them as
/// they like (`retry-after`, `Retry-After`), so lookups must not depend on spelling. The
/// order is kept because it is what went over the wire, which helps when a test or a
/// log shows the fields.
public struct HTTPHeaders: Sendable, Hashable {
    /// One header field as sent or received.
    public struct Field: Sendable, Hashable {
        /// The field name, spelled as given.
        public var name: String
        /// The field value, without surrounding white space.
        public var value: String

        /// Creates a field.
        /// - Parameters:
        ///   - name: the field name, e.g. `Content-Type`.
        ///   - value: the field value.
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// The fields in order.
    public private(set) var fields: [Field]

    /// Creates a header list.
    /// - Parameter fields: the fields in the order they should be sent.
    public init(_ fields: [Field] = []) {
        self.fields = fields
    }

    /// The value of the first field called `name` (any case), or `nil` when there is none.
    ///
    /// Setting a value replaces every field of that name with one field; setting `nil`
    /// removes them.
    /// - Parameter name: the field name, compared without regard to case.
    public subscript(name: String) -> String? {
        get {
            fields.first { $0.name.caseInsensitiveEquals(name) }?.value
        }
        set {
            // Replace in place so that the field keeps its position on the wire.
            let position = fields.firstIndex { $0.name.caseInsensitiveEquals(name) }
            fields.removeAll { $0.name.caseInsensitiveEquals(name) }
            guard let newValue else { return }
            fields.insert(Field(name: name, value: newValue), at: position ?? fields.count)
        }
    }

    /// Appends a field, keeping any earlier fields of the same name.
    /// - Parameters:
    ///   - name: the field name.
    ///   - value: the field value.
    public mutating func add(name: String, value: String) {
        fields.append(Field(name: name, value: value))
    }
}

extension HTTPHeaders: ExpressibleByDictionaryLiteral {
    /// Creates a header list from a literal, in the literal's order.
    /// - Parameter elements: name and value pairs.
    public init(dictionaryLiteral elements: (String, String)...) {
        self.init(elements.map { Field(name: $0.0, value: $0.1) })
    }
}

extension HTTPHeaders: Sequence {
    /// Iterates over the fields in order.
    /// - Returns: an iterator over the fields.
    public func makeIterator() -> IndexingIterator<[Field]> {
        fields.makeIterator()
    }
}

extension String {
    fileprivate func caseInsensitiveEquals(_ other: String) -> Bool {
        // Field names are ASCII tokens, so ASCII lower-casing is the right comparison.
        self.utf8.count == other.utf8.count && self.lowercased() == other.lowercased()
    }
}
