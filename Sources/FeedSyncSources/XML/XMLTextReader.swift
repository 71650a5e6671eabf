internal import CLibXML2

/// Owns one libxml2 `xmlTextReader` and everything it calls back into while it lives.
///
/// The reader pulls its bytes through an ``XMLInputBridge`` and reports problems to a
/// ``XMLParserDiagnostics``; both are handed to C as unretained pointers, which is safe because
/// they are stored here and `deinit` frees the reader before they are released.
///
/// Not `Sendable`: a libxml2 reader must not be used by two threads at once. It may move
/// from one task to another between reads, which Swift's region checking allows for a
/// value nothing else refers to.
final class XMLTextReader {
    /// Parser options. What is left out matters as much as what is in: no `NOENT` (entities
    /// are not substituted, so external ones are never fetched and nested ones never blow
    /// up), no `DTDLOAD`/`DTDATTR`/`DTDVALID` (no DTD is fetched), no `HUGE` (libxml2 keeps
    /// its limits on text node size, nesting depth and entity amplification), no `RECOVER`
    /// (a feed that is not well-formed fails the read instead of losing data silently).
    static let options: Int32 = Int32(bitPattern:
        XML_PARSE_NONET.rawValue  // no network access, even for a URL in the document
        | XML_PARSE_BIG_LINES.rawValue  // line numbers past 65,535 (approximate, see `line`)
        | XML_PARSE_COMPACT.rawValue  // small text nodes allocated with their node
        | XML_PARSE_NOBLANKS.rawValue)  // no nodes for indentation between elements

    /// The libxml2 reader.
    let pointer: xmlTextReaderPtr
    /// Where the reader's bytes come from.
    let input: XMLInputBridge
    /// What libxml2 reported.
    let diagnostics: XMLParserDiagnostics

    /// Opens a reader over `stream`.
    /// - Parameters:
    ///   - stream: the document's bytes.
    ///   - file: the file's name, which libxml2 uses as the document's URL.
    ///   - encoding: an encoding overriding the document's declaration, or `nil`.
    ///   - chunkSize: how many bytes to read from `stream` at once.
    /// - Throws: what `stream` throws while libxml2 reads the document's first bytes;
    ///   ``XMLFormatError`` when libxml2 cannot create a reader.
    init(stream: any ByteStream, file: String, encoding: String?, chunkSize: Int) throws {
        LibXML2.prepare()
        let input = XMLInputBridge(stream: stream, chunkSize: chunkSize)
        let diagnostics = XMLParserDiagnostics()
        // A given encoding must win over the document's declaration, even when it is UTF-8
        // (a stream that was transcoded before it got here still declares its old encoding).
        let options = encoding == nil ? Self.options : Self.options | Int32(XML_PARSE_IGNORE_ENC.rawValue)
        guard let pointer = xmlReaderForIO(xmlInputBridgeRead, nil, input.context, file, encoding, options) else {
            if let failure = input.failure { throw failure }
            throw XMLFormatError(file: file, line: 0, column: 0, reason: "libxml2 could not start reading the file")
        }
        self.pointer = pointer
        self.input = input
        self.diagnostics = diagnostics
        xmlTextReaderSetStructuredErrorHandler(pointer, xmlParserDiagnosticsRecord, diagnostics.context)
        // libxml2 reads the first bytes while creating the reader, to guess the encoding.
        if let failure = input.failure { throw failure }
    }

    deinit {
        xmlFreeTextReader(pointer)
    }

    /// The line the current node starts on.
    ///
    /// libxml2 stores element lines in 16 bits: up to line 65,534 the number is exact;
    /// past it, with `XML_PARSE_BIG_LINES`, it is the line of the first text inside the
    /// element, usually the next line. The parser's own line is the last resort, because
    /// the parser runs ahead of the node being read.
    var line: Int {
        if let node = xmlTextReaderCurrentNode(pointer) {
            let line = xmlGetLineNo(node)
            if line > 0 { return line }
        }
        return Int(xmlTextReaderGetParserLineNumber(pointer))
    }
}
