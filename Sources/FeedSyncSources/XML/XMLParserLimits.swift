/// The limits libxml2 2.9 enforces only in its tree builder, which a SAX2 parse must
/// enforce itself to refuse what the tree-building reader refused.
///
/// - Nesting depth: `nodePush` refuses an element with more than `xmlParserMaxDepth` (256)
///   open elements around it; the push parser itself would nest without bound.
/// - Text size: `xmlSAX2Characters` refuses to grow one text node past
///   `XML_MAX_TEXT_LENGTH` (10,000,000 bytes). A text node is a run of text, or of CDATA,
///   not broken by an element, comment, processing instruction or entity reference; the
///   piece that starts a node is not checked, only those appended to it.
struct XMLParserLimits {
    /// libxml2's `xmlParserMaxDepth` without `XML_PARSE_HUGE`.
    static let maxDepth = 256
    /// libxml2's `XML_MAX_TEXT_LENGTH`.
    static let maxTextLength = 10_000_000

    /// How many elements are open.
    private(set) var depth = 0
    /// The bytes of the text node being built, 0 when there is none.
    private var textLength = 0
    private var textIsCDATA = false

    /// Enters an element.
    /// - Returns: `false` when the element is nested too deeply.
    mutating func enter() -> Bool {
        guard depth <= Self.maxDepth else { return false }
        depth += 1
        textLength = 0
        return true
    }

    /// Leaves an element.
    mutating func leave() {
        depth -= 1
        textLength = 0
    }

    /// Ends the text node being built (at a comment, processing instruction or entity reference).
    mutating func breakText() {
        textLength = 0
    }

    /// Counts `count` bytes of text or CDATA.
    /// - Returns: `false` when the text node grows past ``maxTextLength``.
    mutating func text(count: Int, isCDATA: Bool) -> Bool {
        guard textLength > 0, textIsCDATA == isCDATA else {
            textLength = count
            textIsCDATA = isCDATA
            return true
        }
        guard textLength + count <= Self.maxTextLength else { return false }
        textLength += count
        return true
    }
}
