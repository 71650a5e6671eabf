import FeedSyncCore

/// An ``XMLDialect`` that cannot be used: a malformed record element, an unknown or
/// malformed namespace prefix, an encoding libxml2 does not know.
///
/// These are found before any record is read, so they are configuration errors.
public struct XMLDialectError: UserFacingError, Hashable {
    /// The setting at fault: `record element`, `namespaces` or `encoding`.
    public var setting: String
    /// The value as given.
    public var value: String
    /// What is wrong and what to do.
    public var reason: String

    /// Creates an error.
    /// - Parameters:
    ///   - setting: the setting at fault.
    ///   - value: the value as given.
    ///   - reason: what is wrong and what to do.
    public init(setting: String, value: String, reason: String) {
        self.setting = setting
        self.value = value
        self.reason = reason
    }

    /// A dialect comes from the configuration, so this is always ``FailureKind/configuration``.
    public var kind: FailureKind { .configuration }

    /// `XML record element "x:item": reason`.
    public var description: String {
        "XML \(setting) \"\(value)\": \(reason)"
    }
}
