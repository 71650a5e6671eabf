internal import CLibXML2

/// Collects what libxml2 reports through the reader's structured error handler.
///
/// libxml2 calls the handler from inside `xmlTextReaderRead`, so the reader only has to
/// look here when a read returns -1. Warnings are kept up to a bound so that a feed with a
/// problem on every line cannot grow memory.
final class XMLParserDiagnostics {
    /// How many non-fatal diagnostics are kept; the rest are only counted.
    static let keptWarnings = 100

    /// The first fatal error in the document itself: what stopped the parser.
    private(set) var firstFatal: XMLDiagnostic?
    /// The first fatal error raised inside an entity's replacement text, which libxml2
    /// places by the entity's own lines; used only when the document itself has none.
    private var firstFatalInEntity: XMLDiagnostic?
    /// The latest error of any severity, for failures libxml2 reports below fatal level
    /// (such as its text node limit).
    private(set) var lastError: XMLDiagnostic?
    /// The first ``keptWarnings`` warnings and recoverable errors.
    private(set) var warnings: [XMLDiagnostic] = []
    /// How many warnings and recoverable errors there were in all.
    private(set) var warningCount = 0

    /// What stopped the parser, when it stopped.
    var cause: XMLDiagnostic? { firstFatal ?? firstFatalInEntity ?? lastError }

    /// Whether libxml2 reported a fatal error.
    var hasFatal: Bool { firstFatal != nil || firstFatalInEntity != nil }

    func record(_ error: xmlError) {
        let diagnostic = XMLDiagnostic(
            line: Int(error.line), column: Int(error.int2), message: Self.message(error), code: error.code)
        if error.level == XML_ERR_FATAL {
            // An error inside an entity's text has no file; the same error is then reported
            // again where the document refers to the entity.
            if error.file != nil {
                if firstFatal == nil { firstFatal = diagnostic }
            } else if firstFatalInEntity == nil {
                firstFatalInEntity = diagnostic
            }
            return
        }
        if error.level == XML_ERR_ERROR { lastError = diagnostic }
        warningCount += 1
        if warnings.count < Self.keptWarnings { warnings.append(diagnostic) }
    }

    private static func message(_ error: xmlError) -> String {
        guard let text = error.message else { return "error \(error.code)" }
        var message = String(cString: text)
        while message.last?.isWhitespace == true { message.removeLast() }
        return message
    }

    /// The context pointer libxml2 hands back to ``xmlParserDiagnosticsRecord``.
    var context: UnsafeMutableRawPointer {
        Unmanaged.passUnretained(self).toOpaque()
    }
}

/// libxml2's structured error handler: the context is the reader's ``XMLParserDiagnostics``.
func xmlParserDiagnosticsRecord(_ context: UnsafeMutableRawPointer?, _ error: xmlErrorPtr?) {
    guard let context, let error else { return }
    Unmanaged<XMLParserDiagnostics>.fromOpaque(context).takeUnretainedValue().record(error.pointee)
}
