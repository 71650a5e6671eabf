import FeedSyncCore

/// A JSON document could not be read: it is not well-formed, goes beyond a limit, or does
/// not have the shape that was asked for.
///
/// The description names the file (or page), the line and column, the byte offset and the
/// reason, e.g. `products.json:3:17 (byte 1042): expected ',' or '}' after a member, found 'x'`.
public struct JSONReadError: UserFacingError, Hashable {
    /// What kind of problem it is.
    public enum Problem: Sendable, Hashable {
        /// The text is not well-formed JSON (RFC 8259).
        case syntax
        /// Objects and arrays are nested deeper than ``JSONReaderOptions/maxDepth``.
        case tooDeep
        /// A string is longer than ``JSONReaderOptions/maxStringBytes``.
        case stringTooLong
        /// Bytes that are not UTF-8, or a lone surrogate escape.
        case invalidText
        /// The document is well-formed but has no items where they were asked for.
        case shape
    }

    /// The file, URL or page the document came from.
    public var file: String
    /// The offset of the offending byte from the start of the document.
    public var offset: Int
    /// The line of the offending byte, 1-based.
    public var line: Int
    /// The column of the offending byte, 1-based, in bytes.
    public var column: Int
    /// What kind of problem it is.
    public var problem: Problem
    /// What is wrong, in words.
    public var reason: String

    /// Creates an error.
    /// - Parameters:
    ///   - file: the file, URL or page.
    ///   - offset: the byte offset.
    ///   - line: the line, 1-based.
    ///   - column: the column, 1-based.
    ///   - problem: the kind of problem.
    ///   - reason: what is wrong.
    public init(file: String, offset: Int, line: Int, column: Int, problem: Problem, reason: String) {
        self.file = file
        self.offset = offset
        self.line = line
        self.column = column
        self.problem = problem
        self.reason = reason
    }

    /// A document that cannot be read stops the run: ``FailureKind/run``.
    public var kind: FailureKind { .run }

    /// `file:line:column (byte N): reason`.
    public var description: String {
        "\(file):\(line):\(column) (byte \(offset)): \(reason)"
    }
}
