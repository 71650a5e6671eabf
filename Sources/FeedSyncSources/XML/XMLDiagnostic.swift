/// A problem libxml2 reported in a feed that did not stop the read, such as an undeclared
/// namespace prefix; or, for a read that failed, the problem that stopped it.
public struct XMLDiagnostic: Sendable, Hashable, CustomStringConvertible {
    /// The line libxml2 was on (1-based), or 0 when it did not say.
    public var line: Int
    /// The column libxml2 was on (1-based), or 0 when it did not say.
    public var column: Int
    /// libxml2's message, without its trailing newline.
    public var message: String
    /// libxml2's error code (`xmlParserErrors`), for choosing an explanation.
    var code: Int32

    /// Creates a diagnostic.
    /// - Parameters:
    ///   - line: the line concerned, or 0.
    ///   - column: the column concerned, or 0.
    ///   - message: what libxml2 said.
    public init(line: Int, column: Int, message: String) {
        self.init(line: line, column: column, message: message, code: 0)
    }

    init(line: Int, column: Int, message: String, code: Int32) {
        self.line = line
        self.column = column
        self.message = message
        self.code = code
    }

    /// `line:column: message`.
    public var description: String {
        "\(line):\(column): \(message)"
    }
}
