import FeedSyncCore

/// A location cannot be used as written: unknown scheme, no host, a folder where a file
/// is needed.
public struct LocationError: UserFacingError, Hashable {
    /// The location as written (URLs without query or user info).
    public var location: String
    /// What is wrong, with what to do.
    public var reason: String

    /// Creates an error.
    /// - Parameters:
    ///   - location: the location as written.
    ///   - reason: what is wrong.
    public init(location: String, reason: String) {
        self.location = location
        self.reason = reason
    }

    /// A location that cannot be used is a configuration error: ``FailureKind/configuration``.
    public var kind: FailureKind { .configuration }

    /// `location 'x': reason`.
    public var description: String { "location '\(location)': \(reason)" }
}
