/// How an XML feed is laid out: which element is one record, the namespace prefixes field
/// names use, and how large one record may grow.
///
/// The defaults suit RSS 2.0 Google Merchant feeds: records are `<item>` elements, and
/// Google's namespace is `g:` whatever prefix the feed itself binds it to.
public struct XMLDialect: Sendable, Hashable {
    /// The largest record accepted by default: 16 MiB, far above any real product (a long
    /// HTML description is tens of kilobytes) yet small enough that a runaway record cannot
    /// exhaust memory.
    public static let defaultMaxRecordSize = 16 << 20

    /// The prefixes every dialect knows, by the namespace URI they stand for: Google
    /// Merchant (`g`), Atom (`atom`), RSS content (`content`), Dublin Core (`dc`), Media
    /// RSS (`media`) and the XML namespace itself (`xml`, as in `xml:lang`).
    public static let builtInNamespaces: [String: String] = [
        "g": "http://base.google.com/ns/1.0",
        "atom": "http://www.w3.org/2005/Atom",
        "content": "http://purl.org/rss/1.0/modules/content/",
        "dc": "http://purl.org/dc/elements/1.1/",
        "media": "http://search.yahoo.com/mrss/",
        "xml": "http://www.w3.org/XML/1998/namespace",
    ]

    /// The element each record is, as `name` or `prefix:name`: `item` (RSS), `entry`
    /// (Atom), `listing` (Facebook), `SHOPITEM` (Zboží.cz), `g:item`.
    ///
    /// Without a prefix it matches an element of that name in any namespace, so `entry`
    /// finds Atom's entries; with one it matches only in that prefix's namespace.
    public var recordElement: String
    /// Prefixes added to ``builtInNamespaces`` (or replacing them), from prefix to
    /// namespace URI. A namespace listed here is named by this prefix in field names.
    public var namespaces: [String: String]
    /// The most bytes one record may hold (its values, plus 16 per value); a larger record
    /// is rejected with a reason and reading goes on.
    public var maxRecordSize: Int
    /// An encoding to read the document in, overriding its own declaration, or `nil` to
    /// follow the document (its declaration, a byte order mark, else UTF-8).
    ///
    /// For feeds that declare one encoding and are written in another; and `UTF-8` for a
    /// stream that was already transcoded to UTF-8 but still declares its old encoding.
    public var encoding: String?

    /// Creates a dialect.
    /// - Parameters:
    ///   - recordElement: the element each record is, as `name` or `prefix:name`.
    ///   - namespaces: prefixes to add to the built-in ones, from prefix to namespace URI.
    ///   - maxRecordSize: the most bytes one record may hold; at least 1.
    ///   - encoding: an encoding overriding the document's declaration, or `nil`.
    public init(
        recordElement: String = "item",
        namespaces: [String: String] = [:],
        maxRecordSize: Int = XMLDialect.defaultMaxRecordSize,
        encoding: String? = nil
    ) {
        self.recordElement = recordElement
        self.namespaces = namespaces
        self.maxRecordSize = max(1, maxRecordSize)
        self.encoding = encoding
    }
}
