internal import CLibXML2

/// Turns what stopped libxml2 into an ``XMLFormatError`` a shop owner can act on.
///
/// libxml2's message is always quoted, because it is what a search engine knows; the
/// common causes in real feeds get an explanation in front of it.
enum XMLReadFailure {
    /// The error for a read that libxml2 stopped.
    /// - Parameters:
    ///   - cause: what libxml2 reported, if anything.
    ///   - file: the file, for the message.
    ///   - records: how many records were read before the failure (rejected ones included).
    ///   - sawRoot: whether the document's root element was read.
    ///   - cutShort: whether the input had ended while the root element was still open.
    /// - Returns: the error naming file, line, column and reason.
    static func explain(
        _ cause: XMLDiagnostic?, file: String, records: Int, sawRoot: Bool, cutShort: Bool
    ) -> XMLFormatError {
        let after = " — the read stopped after \(records) record\(records == 1 ? "" : "s"); the rest of the file is unread"
        guard let cause else {
            return XMLFormatError(file: file, line: 0, column: 0, reason: "libxml2 stopped reading without saying why" + after)
        }
        let libxml2 = " (libxml2: \(cause.message))"
        return XMLFormatError(
            file: file, line: cause.line, column: cause.column,
            reason: summary(of: cause, sawRoot: sawRoot, cutShort: cutShort) + libxml2 + after)
    }

    private static func summary(of cause: XMLDiagnostic, sawRoot: Bool, cutShort: Bool) -> String {
        switch UInt32(bitPattern: cause.code) {
        case XML_ERR_DOCUMENT_END.rawValue where cutShort && !sawRoot, XML_ERR_DOCUMENT_EMPTY.rawValue:
            return "the file is empty or holds no XML element"
        case XML_ERR_DOCUMENT_END.rawValue where cutShort, XML_ERR_TAG_NOT_FINISHED.rawValue:
            return "the file ends in the middle of the document: was it truncated or the download interrupted?"
        case XML_ERR_ENTITYREF_SEMICOL_MISSING.rawValue:
            return "not well-formed XML: a bare & must be written &amp; (common in URLs with several query parameters)"
        case XML_ERR_UNDECLARED_ENTITY.rawValue, XML_WAR_UNDECLARED_ENTITY.rawValue:
            return "not well-formed XML: an entity that XML does not define, such as HTML's &nbsp; "
                + "(write it as a character reference, &#160;)"
        case XML_ERR_ENTITY_LOOP.rawValue:
            return "refused: the document's entities refer to each other too deeply or expand too much "
                + "(a \"billion laughs\" attack?)"
        case XML_ERR_NO_MEMORY.rawValue where cause.message.contains("huge text node"):
            return "refused: a text is longer than 10,000,000 bytes, libxml2's limit for one text"
        case XML_ERR_INVALID_CHAR.rawValue, XML_ERR_INVALID_ENCODING.rawValue:
            return "the bytes are not in the encoding the file declares (UTF-8 when it declares none); "
                + "set the source's encoding"
        default:
            return "not well-formed XML"
        }
    }
}
