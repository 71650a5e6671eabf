import FeedSyncCore

/// A file or other byte source could not be opened or read.
///
/// The description names the path and the operating system's reason, for example
/// `cannot open catalog.csv: No such file or directory`.
public struct ByteStreamError: UserFacingError, Hashable {
    /// What was being done when the error happened.
    public enum Operation: String, Sendable, Hashable {
        /// Opening the source.
        case open
        /// Reading from an opened source.
        case read
    }

    /// The path or name of the source, as the user wrote it.
    public var path: String
    /// Whether opening or reading failed.
    public var operation: Operation
    /// The operating system's explanation, such as `Permission denied`.
    public var reason: String

    /// Creates an error.
    /// - Parameters:
    ///   - path: the path or name of the source, as the user wrote it.
    ///   - operation: whether opening or reading failed.
    ///   - reason: the operating system's explanation.
    public init(path: String, operation: Operation, reason: String) {
        self.path = path
        self.operation = operation
        self.reason = reason
    }

    /// A source that cannot be read stops the run, so this is always ``FailureKind/run``.
    public var kind: FailureKind { .run }

    /// `cannot open PATH: REASON` or `cannot read PATH: REASON`.
    public var description: String {
        "cannot \(operation.rawValue) \(path): \(reason)"
    }
}
