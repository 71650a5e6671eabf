internal import CLibXML2

/// Collects what libxml2 reports through the parser's structured error handler.
///
/// libxml2 calls the handler from inside `xmlParseChunk`, so the parser only has to look
/// here when it has stopped. Warnings are kept up to a bound so that a feed with a problem
/// on every line cannot grow memory.
struct XMLParserDiagnostics {
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

    /// Records what libxml2 reported.
    mutating func record(_ error: xmlError) {
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
        count(diagnostic, isError: error.level == XML_ERR_ERROR)
    }

    /// Records an error in the document itself, fatal or at error level.
    mutating func record(_ diagnostic: XMLDiagnostic, fatal: Bool) {
        if fatal {
            if firstFatal == nil { firstFatal = diagnostic }
            return
        }
        count(diagnostic, isError: true)
    }

    /// Counts a diagnostic that did not stop the parser by itself, keeping the first ones.
    private mutating func count(_ diagnostic: XMLDiagnostic, isError: Bool) {
        if isError { lastError = diagnostic }
        warningCount += 1
        if warnings.count < Self.keptWarnings { warnings.append(diagnostic) }
    }

    private static func message(_ error: xmlError) -> String {
        guard let text = error.message else { return "error \(error.code)" }
        var message = String(cString: text)
        while message.last?.isWhitespace == true { message.removeLast() }
        return message
    }
}
