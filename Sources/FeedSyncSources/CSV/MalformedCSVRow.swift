/// A record the CSV reader could not read as RFC 4180, with the reason.
///
/// The reader reports it and goes on with the next record; it never skips input silently.
public struct MalformedCSVRow: Sendable, Hashable {
    /// The physical line (1-based) the record starts on.
    public var line: Int
    /// What is wrong, in words a shop owner understands.
    public var reason: String

    /// Creates a malformed-row report.
    /// - Parameters:
    ///   - line: the physical line the record starts on.
    ///   - reason: what is wrong.
    public init(line: Int, reason: String) {
        self.line = line
        self.reason = reason
    }
}
