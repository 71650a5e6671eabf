/// Which exit code a failure maps to.
public enum FailureKind: Sendable {
    /// Usage or configuration error: exit code 2.
    case configuration
    /// The run itself failed (source unreadable, batches failing): exit code 1.
    case run
}

/// An error that is meant to be shown to a user as it is, without a stack trace.
///
/// Its `description` names the file, line, field or endpoint concerned and, where it
/// helps, what to do.
public protocol UserFacingError: Error, CustomStringConvertible {
    /// Whether this is a configuration problem or a failed run.
    var kind: FailureKind { get }
}
