import FeedSyncCore

/// A feed that cannot be read on as XML: not well-formed, cut short, refused as unsafe,
/// or without a single record element.
///
/// Records read before the problem have already been handed out; this error says the read
/// is incomplete, so a caller must not take what it got as the whole catalog.
public struct XMLFormatError: UserFacingError, Hashable {
    /// The file, as the user named it.
    public var file: String
    /// The line concerned (1-based), or 0 when the problem is the whole file.
    public var line: Int
    /// The column concerned (1-based), or 0 when none applies.
    public var column: Int
    /// What is wrong, with libxml2's own message where it gave one, and what to do.
    public var reason: String

    /// Creates an error.
    /// - Parameters:
    ///   - file: the file, as the user named it.
    ///   - line: the line concerned, or 0.
    ///   - column: the column concerned, or 0.
    ///   - reason: what is wrong and what to do.
    public init(file: String, line: Int, column: Int, reason: String) {
        self.file = file
        self.line = line
        self.column = column
        self.reason = reason
    }

    /// A source that cannot be read stops the run, so this is always ``FailureKind/run``.
    public var kind: FailureKind { .run }

    /// `file:line:column: reason`, leaving out the parts that are 0.
    public var description: String {
        var place = file
        if line > 0 {
            place += ":\(line)"
            if column > 0 { place += ":\(column)" }
        }
        return "\(place): \(reason)"
    }
}
