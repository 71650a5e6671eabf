/// A secret from the configuration, resolved from the environment only when a command
/// needs it, so that `export` runs without `AFFILI_TOKEN` set.
///
/// Its description never shows the value.
public struct Secret: Sendable, CustomStringConvertible, CustomReflectable {
    private let raw: String
    // Only the resolution is kept, not the environment, so that `dump` of a configuration
    // cannot print every variable of the process.
    private let resolved: Result<String, EnvironmentInterpolation.MissingVariable>
    /// Where the secret is written, for errors.
    public let place: ConfigPlace

    /// Creates a secret from the file's raw text (`${AFFILI_TOKEN}` or a literal).
    public init(raw: String, environment: [String: String], place: ConfigPlace) {
        self.raw = raw
        self.resolved = EnvironmentInterpolation.interpolate(raw, environment: environment)
        self.place = place
    }

    /// Whether the file holds the secret itself rather than a `${VAR}` reference.
    public var isLiteral: Bool { !raw.contains("${") }

    /// The secret's value.
    /// - Throws: ``ConfigError`` when a referenced variable is not set or the value is empty.
    public func value() throws -> String {
        switch resolved {
        case .success(let text):
            guard !text.isEmpty else { throw place.error("is empty") }
            return text
        case .failure(let missing):
            throw place.error("environment variable \(missing.name) is not set (export it before running feedsync)")
        }
    }

    public var description: String { "<secret>" }

    /// Mirrors show no value either.
    public var customMirror: Mirror { Mirror(self, children: ["place": place]) }
}
