import FeedSyncCore

/// A problem in a configuration or mapping file, pointing at the file, line and key.
public struct ConfigError: UserFacingError, Equatable {
    /// The file at fault.
    public var file: String
    /// The 1-based line, or 0 when the problem is not at one place (a missing file).
    public var line: Int
    /// The 1-based column, or 0.
    public var column: Int
    /// The dotted key path (`affili.token`, `sources[0].location`), or empty.
    public var key: String
    /// What is wrong and, where it helps, what to do.
    public var message: String

    /// Creates a configuration error.
    public init(file: String, line: Int = 0, column: Int = 0, key: String = "", message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.key = key
        self.message = message
    }

    public var kind: FailureKind { .configuration }

    /// `file:line:column: key: message`, the form editors jump to.
    public var description: String {
        var place = file
        if line > 0 { place += ":\(line)" }
        if column > 0 { place += ":\(column)" }
        return key.isEmpty ? "\(place): \(message)" : "\(place): \(key): \(message)"
    }
}
