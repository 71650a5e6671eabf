/// One HTTP header field as received or to be sent by ``LoopbackHTTPServer``.
public struct HeaderField: Sendable, Hashable {
    /// The field name, spelled as sent.
    public var name: String
    /// The field value, trimmed of surrounding white space.
    public var value: String

    /// Creates a header field.
    /// - Parameters:
    ///   - name: the field name.
    ///   - value: the field value.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

extension Array where Element == HeaderField {
    /// The value of the first field called `name`, compared without regard to case.
    /// - Parameter name: the field name.
    /// - Returns: the value, or `nil` when no field has that name.
    public func value(for name: String) -> String? {
        let wanted = name.lowercased()
        return first { $0.name.lowercased() == wanted }?.value
    }
}
