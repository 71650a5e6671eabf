import FeedSyncCore

/// A file cannot be read as CSV at all: it is binary, compressed, XML or JSON, or its
/// header row is broken.
///
/// Problems with single data rows are not errors but ``SourceEvent/rejected(_:)`` events;
/// this error is for problems that leave nothing to read.
public struct CSVFormatError: UserFacingError, Hashable {
    /// The file, as the user named it.
    public var file: String
    /// The physical line concerned (1-based), or 0 when the problem is the whole file.
    public var line: Int
    /// What is wrong and, where it helps, what to do.
    public var reason: String

    /// Creates an error.
    /// - Parameters:
    ///   - file: the file, as the user named it.
    ///   - line: the physical line concerned, or 0 for the whole file.
    ///   - reason: what is wrong and what to do.
    public init(file: String, line: Int, reason: String) {
        self.file = file
        self.line = line
        self.reason = reason
    }

    /// A source that cannot be read stops the run, so this is always ``FailureKind/run``.
    public var kind: FailureKind { .run }

    /// `file:line: reason`, or `file: reason` when no line applies.
    public var description: String {
        line > 0 ? "\(file):\(line): \(reason)" : "\(file): \(reason)"
    }
}
