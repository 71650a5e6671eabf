/// The checked entries of a YAML mapping, looked up by key.
public struct YAMLMapping: Sendable {
    /// The mapping itself, for errors about keys it lacks.
    public let owner: YAMLValue
    /// The entries in file order.
    public let entries: [(key: String, value: YAMLValue)]

    init(owner: YAMLValue, entries: [(String, YAMLValue)]) {
        self.owner = owner
        self.entries = entries.map { (key: $0.0, value: $0.1) }
    }

    /// The value for `key`, or `nil` when absent or null.
    public subscript(key: String) -> YAMLValue? {
        guard let value = entries.first(where: { $0.key == key })?.value, !value.isNull else { return nil }
        return value
    }

    /// The value for `key`.
    /// - Throws: ``ConfigError`` at the mapping when the key is missing.
    public func require(_ key: String) throws -> YAMLValue {
        guard let value = self[key] else {
            let path = owner.path.isEmpty ? key : "\(owner.path).\(key)"
            throw ConfigError(file: owner.file, line: owner.line, column: owner.column, key: path, message: "missing required key")
        }
        return value
    }
}
