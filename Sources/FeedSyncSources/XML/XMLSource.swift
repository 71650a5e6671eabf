internal import CLibXML2
import FeedSyncCore

/// Reads an XML feed as a sequence of named records, one pull at a time.
///
/// Streams through libxml2's SAX2 push parser, which builds no tree, so a feed of any size
/// is read in bounded memory. Each record element (``XMLDialect/recordElement``) becomes a
/// ``SourceEvent/record(_:)`` whose field names are paths relative to it:
/// - a child element is `g:price`, a nested one `shipping/g:price`;
/// - an attribute of the record is `@id`, of a child `g:price/@currency`;
/// - names use the dialect's prefix for each namespace URI, not the document's, so `g:`
///   means Google's namespace however the feed binds it; elements in no namespace have
///   no prefix (`price`); a namespace the dialect does not know keeps the prefix the
///   document first gave it (none for a default namespace);
/// - a repeated element (`g:additional_image_link`) gives one value per occurrence,
///   under the same name, in document order;
/// - a value is the element's own text and CDATA, entities decoded, XML white space
///   trimmed at both ends; an element with children gives a value only when its own text
///   is not empty; the record element's own text is not a field;
/// - a record element inside a record is a field of the outer record.
///
/// A record is rejected, with its line and the reason, when it is larger than
/// ``XMLDialect/maxRecordSize`` or uses an entity declared in the document's DTD.
///
/// The read fails with an ``XMLFormatError`` naming file, line, column and libxml2's
/// message when the document is not well-formed (feeds with a raw `&` are refused, not
/// repaired), is cut short, or has no record element at all; records before the problem
/// have been handed out by then, and the error says the read is incomplete.
///
/// Safe with hostile feeds: no DTD or external entity is loaded, nothing is fetched from
/// the network, entities are not expanded, and libxml2's limits on entity amplification,
/// text size (10,000,000 bytes) and nesting depth (256) stay on.
///
/// Not `Sendable`: a libxml2 parser must not be used from two threads at once. A source
/// can still be handed to the task that drains it.
public struct XMLSource {
    /// The parser, shared by copies of the source so that they stay consistent.
    private let parser: XMLPushParser
    /// The source's name from the configuration, used in record locations.
    public let source: String
    /// The file's name or path, as it should appear in messages.
    public let file: String
    /// The dialect the source reads with.
    public let dialect: XMLDialect

    /// Opens an XML source over `stream`.
    /// - Parameters:
    ///   - stream: the bytes of the document.
    ///   - source: the source's name from the configuration.
    ///   - file: the file's name or path, for record locations and messages.
    ///   - dialect: the record element, namespaces and limits.
    ///   - chunkSize: how many bytes to read from `stream` at once.
    /// - Throws: ``XMLDialectError`` when the dialect cannot be used (unknown prefix,
    ///   malformed record element, unknown encoding); whatever `stream` throws while the
    ///   document's first bytes are read.
    public init(
        stream: any ByteStream, source: String, file: String,
        dialect: XMLDialect = XMLDialect(), chunkSize: Int = 256 << 10
    ) throws {
        let namespaces = try XMLNamespaceTable(adding: dialect.namespaces)
        let recordElement = try XMLRecordElement(dialect.recordElement, namespaces: namespaces)
        if let encoding = dialect.encoding { try Self.check(encoding: encoding) }
        let reader = XMLRecordReader(
            recordElement: recordElement, namespaces: namespaces, source: source, file: file,
            maxRecordSize: dialect.maxRecordSize)
        self.parser = try XMLPushParser(
            stream: stream, file: file, encoding: dialect.encoding, chunkSize: chunkSize, reader: reader)
        self.source = source
        self.file = file
        self.dialect = dialect
    }

    /// What libxml2 reported without stopping the read so far (an undeclared namespace
    /// prefix, a relative namespace URI), the first 100 of them.
    public var warnings: [XMLDiagnostic] { parser.warnings }

    /// How many warnings libxml2 reported so far, including those past the first 100.
    public var warningCount: Int { parser.warningCount }

    /// Reads the next record.
    /// - Returns: the next record or rejection, or `nil` at the end of the document.
    /// - Throws: ``XMLFormatError`` when the document is not well-formed, is cut short or
    ///   has no record element; whatever the stream throws when it cannot be read further.
    public mutating func next() throws -> SourceEvent? {
        try parser.next()
    }

    /// Checks that libxml2 can decode `encoding`, which it would otherwise ignore silently.
    private static func check(encoding: String) throws(XMLDialectError) {
        guard let handler = xmlFindCharEncodingHandler(encoding) else {
            throw XMLDialectError(
                setting: "encoding", value: encoding,
                reason: "libxml2 cannot decode this encoding; use a name such as UTF-8, UTF-16, ISO-8859-1, "
                    + "windows-1252 or windows-1256")
        }
        xmlCharEncCloseFunc(handler)
    }
}

extension XMLSource: RecordSource {
    /// Always `nil`: XML records differ in shape, so there is no shared header to check.
    public var sharedFieldNames: FieldNames? { nil }
}

extension XMLSource {
    /// Opens the XML file at `path`.
    /// - Parameters:
    ///   - path: the file to read; it also names the file in record locations.
    ///   - source: the source's name from the configuration.
    ///   - dialect: the record element, namespaces and limits.
    /// - Throws: ``ByteStreamError`` when the file cannot be opened or read;
    ///   ``XMLDialectError`` when the dialect cannot be used.
    public init(path: String, source: String, dialect: XMLDialect = XMLDialect()) throws {
        try self.init(stream: FileByteStream(path: path), source: source, file: path, dialect: dialect)
    }
}
