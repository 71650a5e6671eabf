internal import CLibXML2
import FeedSyncCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Walks a libxml2 reader and turns each record element into a ``SourceEvent``.
///
/// Outside records only element starts are looked at, to find the next record element.
/// Inside one, every element, attribute and text node goes to a ``XMLRecordBuilder``. A
/// record element inside a record is an ordinary field of the outer record (`item/g:id`):
/// the outermost match is the record, as a streaming reader must decide on the way in.
///
/// A struct, driven through one `mutating` call per record, so that the per-node work
/// touches local state only (a class's stored properties would be checked for exclusive
/// access at every node).
struct XMLRecordReader {
    let reader: XMLTextReader
    let pointer: xmlTextReaderPtr
    let recordElement: XMLRecordElement
    var namespaces: XMLNamespaceTable
    private let source: String
    private let file: String
    var names = XMLNameTable()
    var shapes = XMLShapeCache()
    var builder: XMLRecordBuilder
    /// Record elements met so far, for `RecordLocation.record`.
    var recordCount = 0
    /// Records and rejections handed out so far.
    private var delivered = 0
    var recordLine = 0
    var rootName: String?
    var rootClosed = false
    private var finished = false

    init(reader: XMLTextReader, recordElement: XMLRecordElement, namespaces: XMLNamespaceTable,
         source: String, file: String, maxRecordSize: Int) {
        self.reader = reader
        self.pointer = reader.pointer
        self.recordElement = recordElement
        self.namespaces = namespaces
        self.source = source
        self.file = file
        self.builder = XMLRecordBuilder(maxSize: maxRecordSize)
    }

    /// What libxml2 reported without stopping, up to ``XMLParserDiagnostics/keptWarnings``.
    var warnings: [XMLDiagnostic] { reader.diagnostics.warnings }

    /// How many warnings libxml2 reported in all.
    var warningCount: Int { reader.diagnostics.warningCount }

    /// Reads on to the next record.
    /// - Returns: the next record or rejection, or `nil` at the end of the document.
    /// - Throws: ``XMLFormatError`` when the document is not well-formed, is cut short or
    ///   has no record element; what the byte stream throws.
    mutating func next() throws -> SourceEvent? {
        while !finished {
            let status = xmlTextReaderRead(pointer)
            guard status == 1 else { return try end(status) }
            switch xmlTextReaderNodeType(pointer) {
            case XMLReaderNodeType.element:
                if builder.isOpen {
                    openField()
                } else if let event = openRecordIfMatching() {
                    return event
                }
            case XMLReaderNodeType.endElement:
                if builder.isOpen {
                    if builder.close() { return completeRecord() }
                } else if xmlTextReaderDepth(pointer) == 0 {
                    rootClosed = true
                }
            case XMLReaderNodeType.text, XMLReaderNodeType.cdata, XMLReaderNodeType.whitespace,
                XMLReaderNodeType.significantWhitespace:
                if builder.isOpen, let value = xmlTextReaderConstValue(pointer) {
                    builder.append(value, count: strlen(value))
                }
            case XMLReaderNodeType.entityReference:
                if builder.isOpen { rejectEntity() }
            default:
                continue
            }
        }
        return nil
    }

    /// Turns the finished record into an event.
    mutating func completeRecord() -> SourceEvent {
        let location = RecordLocation(source: source, file: file, line: recordLine, record: recordCount)
        delivered += 1
        if let problem = builder.problem {
            builder.discard()
            return .rejected(Rejection(location: location, reason: problem))
        }
        let values = builder.take()
        let fieldNames = shapes.names(for: values.shape, paths: names.paths)
        return .record(SourceRecord(location: location, names: fieldNames, storage: values.storage, ends: values.ends))
    }

    /// Handles the end of reading: the end of the document or a failure.
    private mutating func end(_ status: Int32) throws -> SourceEvent? {
        finished = true
        if status < 0 || reader.diagnostics.hasFatal {
            if let failure = reader.input.failure { throw failure }
            throw XMLReadFailure.explain(
                reader.diagnostics.cause, file: file, records: delivered, sawRoot: rootName != nil,
                cutShort: reader.input.reachedEnd && !rootClosed)
        }
        if recordCount == 0 {
            throw XMLFormatError(
                file: file, line: 0, column: 0,
                reason: "no <\(recordElement.name)> element in the document (its root element is <\(rootName ?? "?")>); "
                    + "set the record element to the element each product is")
        }
        return nil
    }
}
