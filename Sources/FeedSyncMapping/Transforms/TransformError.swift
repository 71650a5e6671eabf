/// A value a transform could not turn into what the product needs.
///
/// It carries what a shop owner needs to find and fix the cell: which transform refused
/// it, the value itself (cut to ``maxValueLength`` characters so one broken cell cannot
/// flood a report) and the reason in plain words. The mapper adds the file, line, field
/// and pid when it turns the error into a rejection.
public struct TransformError: Error, CustomStringConvertible, Sendable, Hashable {
    /// How many characters of the offending value are kept.
    public static let maxValueLength = 40

    /// The transform that refused the value, e.g. `price` or `availability`.
    public let transform: String
    /// The offending value, truncated to ``maxValueLength`` characters (with `…`).
    public let value: String
    /// Why the value was refused, in words a shop owner understands.
    public let reason: String

    /// Creates an error; the value is truncated here so every caller gets the same limit.
    /// - Parameters:
    ///   - transform: the transform's name as the mapping file spells it.
    ///   - value: the text that was refused, in full.
    ///   - reason: why it was refused and, where it helps, what to do.
    public init(transform: String, value: String, reason: String) {
        self.transform = transform
        self.value = Self.truncate(value)
        self.reason = reason
    }

    /// `price "1.234": ambiguous: …`, the form used in rejection lists.
    public var description: String {
        "\(transform) \"\(value)\": \(reason)"
    }

    /// Cuts `text` to ``maxValueLength`` characters, marking the cut with `…`.
    /// - Parameter text: any text.
    /// - Returns: `text` itself when short enough, else its first characters and `…`.
    public static func truncate(_ text: String) -> String {
        // utf8.count is O(1) for native strings; most values are short and skip the walk.
        guard text.utf8.count > maxValueLength, text.count > maxValueLength else { return text }
        return String(text.prefix(maxValueLength)) + "…"
    }
}
