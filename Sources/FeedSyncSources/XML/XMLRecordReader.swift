import CByteSearch
internal import CLibXML2
import FeedSyncCore

/// Turns libxml2's SAX2 events into ``SourceEvent``s.
///
/// Outside records only element starts are looked at, to find the next record element.
/// Inside one, every element, attribute and text goes to a ``XMLRecordBuilder``. A record
/// element inside a record is an ordinary field of the outer record (`item/g:id`): the
/// outermost match is the record, as a streaming reader must decide on the way in.
///
/// Finished records wait in a small queue until ``XMLPushParser`` hands them out: one
/// `xmlParseChunk` call can complete several. A struct reached through one stable pointer
/// (see ``XMLSAXHandler``), so that the per-node work touches plain memory (a class's
/// stored properties would be checked for exclusive access at every node).
struct XMLRecordReader {
    /// The parser whose events this reader takes; `nil` until the parser is created.
    ///
    /// Events from any other context are those of an entity's replacement text, which
    /// libxml2 parses with the same callbacks: they are ignored, as entities are not expanded.
    var context: xmlParserCtxtPtr?
    let recordElement: XMLRecordElement
    var namespaces: XMLNamespaceTable
    let source: String
    let file: String
    var names = XMLNameTable()
    var shapes = XMLShapeCache()
    var builder: XMLRecordBuilder
    /// What libxml2 reported.
    var diagnostics = XMLParserDiagnostics()
    /// The limits libxml2's tree builder used to enforce.
    var limits = XMLParserLimits()
    /// Record elements met so far, for `RecordLocation.record`.
    var recordCount = 0
    var recordLine = 0
    var rootName: String?
    var rootClosed = false
    /// Whether a limit of ``limits`` stopped the parser.
    var stopped = false
    /// Records and rejections handed out so far.
    private(set) var delivered = 0
    /// Text for the builder not handed to it yet. libxml2 delivers a text in many pieces
    /// (at every entity and character reference, every 300 bytes of non-ASCII text), and
    /// appending each to the record's storage costs more than copying it here; the builder
    /// gets the whole run before anything else happens to the record.
    private let pendingText = ScratchBuffer<xmlChar>(capacity: 16 << 10)
    private var pendingCount = 0
    /// Finished records and rejections not handed out yet, from `head` on.
    private var queue: [SourceEvent?] = []
    private var head = 0

    init(recordElement: XMLRecordElement, namespaces: XMLNamespaceTable, source: String, file: String, maxRecordSize: Int) {
        self.recordElement = recordElement
        self.namespaces = namespaces
        self.source = source
        self.file = file
        self.builder = XMLRecordBuilder(maxSize: maxRecordSize)
    }

    /// The oldest finished record or rejection not handed out yet.
    mutating func dequeue() -> SourceEvent? {
        guard head < queue.count else { return nil }
        let event = queue[head]
        // Cleared, so that the caller holds the record's only reference.
        queue[head] = nil
        head += 1
        if head == queue.count {
            queue.removeAll(keepingCapacity: true)
            head = 0
        }
        delivered += 1
        return event
    }

    /// An element start: a field inside a record, or perhaps the start of one.
    mutating func startElement(_ element: XMLElementStart) {
        guard limits.enter() else {
            stop(fatal: true, code: XML_ERR_INTERNAL_ERROR,
                 message: "Excessive depth in document: \(XMLParserLimits.maxDepth) use XML_PARSE_HUGE option")
            return
        }
        flushText()
        if builder.isOpen {
            openField(element)
        } else {
            openRecordIfMatching(element)
        }
    }

    /// An element end (an empty element has one too).
    mutating func endElement() {
        limits.leave()
        flushText()
        if builder.isOpen, builder.close() { queue.append(completeRecord()) }
        if limits.depth == 0 { rootClosed = true }
    }

    /// Text or CDATA, in as many pieces as libxml2 likes.
    mutating func text(_ bytes: UnsafePointer<xmlChar>, count: Int, isCDATA: Bool) {
        guard limits.text(count: count, isCDATA: isCDATA) else {
            // libxml2's tree builder reported this at error level, then stopped.
            stop(fatal: false, code: XML_ERR_NO_MEMORY, message: "xmlSAX2Characters: huge text node")
            return
        }
        guard builder.isOpen else { return }
        if pendingCount + count > pendingText.capacity {
            flushText()
            if count > pendingText.capacity {
                builder.append(bytes, count: count)
                return
            }
        }
        // Most pieces are a few bytes (an entity, a run between two): no memmove call.
        cbs_copy(pendingText.base + pendingCount, bytes, count)
        pendingCount += count
    }

    /// Hands the text gathered so far to the builder.
    @inline(__always)
    private mutating func flushText() {
        guard pendingCount > 0 else { return }
        builder.append(pendingText.base, count: pendingCount)
        pendingCount = 0
    }

    /// A reference to an entity that is not expanded: declared in the DTD, or undeclared
    /// in a document with an external DTD.
    mutating func reference(_ name: UnsafePointer<xmlChar>) {
        limits.breakText()
        flushText()
        if builder.isOpen { rejectEntity(String(cString: name)) }
    }

    /// Turns the finished record into an event.
    mutating func completeRecord() -> SourceEvent {
        let location = RecordLocation(source: source, file: file, line: recordLine, record: recordCount)
        if let problem = builder.problem {
            builder.discard()
            return .rejected(Rejection(location: location, reason: problem))
        }
        let values = builder.take()
        let fieldNames = shapes.names(for: values.shape, paths: names.paths)
        return .record(SourceRecord(location: location, names: fieldNames, storage: values.storage, ends: values.ends))
    }

    /// Whether the parser has stopped on an error.
    var hasFailed: Bool {
        stopped || diagnostics.hasFatal || context.map { $0.pointee.wellFormed == 0 } == true
    }

    /// The error for a read the parser stopped.
    /// - Parameter reachedEnd: whether the whole input had been read.
    func failure(reachedEnd: Bool) -> XMLFormatError {
        XMLReadFailure.explain(
            diagnostics.cause, file: file, records: delivered, sawRoot: rootName != nil,
            cutShort: reachedEnd && !rootClosed)
    }

    /// Checks, at the end of a well-formed document, that it had records at all.
    func checkFoundRecords() throws(XMLFormatError) {
        guard recordCount == 0 else { return }
        throw XMLFormatError(
            file: file, line: 0, column: 0,
            reason: "no <\(recordElement.name)> element in the document (its root element is <\(rootName ?? "?")>); "
                + "set the record element to the element each product is")
    }

    /// The line the parser is on: at an element start, the line where its start tag ends
    /// (where libxml2's tree builder placed elements too), and exact past line 65,535.
    var line: Int {
        context?.pointee.input.map { Int($0.pointee.line) } ?? 0
    }

    /// Stops the parser for a limit the tree builder used to enforce, reporting what it reported.
    private mutating func stop(fatal: Bool, code: xmlParserErrors, message: String) {
        let column = context?.pointee.input.map { Int($0.pointee.col) } ?? 0
        diagnostics.record(
            XMLDiagnostic(line: line, column: column, message: message, code: Int32(bitPattern: code.rawValue)),
            fatal: fatal)
        stopped = true
        if let context { xmlStopParser(context) }
    }
}
