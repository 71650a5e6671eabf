/// Limits and policies of a ``JSONReader``.
///
/// The limits are a defence against hostile or broken input: a document nested
/// thousands of levels deep or a string of gigabytes would otherwise exhaust memory or the
/// stack of whatever consumes it. The defaults are far beyond any real catalog.
public struct JSONReaderOptions: Sendable, Hashable {
    /// What to do with bytes that are not valid UTF-8, and with lone UTF-16 surrogates
    /// written as `\uD800` escapes.
    public enum InvalidText: Sendable, Hashable {
        /// Stop reading with a ``JSONReadError``.
        case fail
        /// Put U+FFFD in their place and set ``JSONReader/textHasReplacements``, so a
        /// caller can reject the one value or record instead of the whole document.
        case replace
    }

    /// The deepest nesting of objects and arrays accepted; 64 by default.
    public var maxDepth: Int
    /// The longest key, string or number accepted, in UTF-8 bytes after unescaping;
    /// 16 MiB by default.
    public var maxStringBytes: Int
    /// What to do with invalid UTF-8 and lone surrogates; ``InvalidText/fail`` by default.
    public var invalidText: InvalidText

    /// Creates options.
    /// - Parameters:
    ///   - maxDepth: the deepest nesting accepted (at least 1).
    ///   - maxStringBytes: the longest string accepted, in bytes (at least 1).
    ///   - invalidText: what to do with text that is not valid UTF-8.
    public init(maxDepth: Int = 64, maxStringBytes: Int = 16 << 20, invalidText: InvalidText = .fail) {
        self.maxDepth = max(1, maxDepth)
        self.maxStringBytes = max(1, maxStringBytes)
        self.invalidText = invalidText
    }
}
