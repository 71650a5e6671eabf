internal import CLibXML2
import FeedSyncCore

/// Owns one libxml2 SAX2 push parser and feeds it from a ``ByteStream``, a piece at a time,
/// until its ``XMLRecordReader`` has a record to hand out.
///
/// The reader lives at a fixed address for the parser's whole life, because libxml2 hands
/// it back to the callbacks as an unretained pointer (see ``XMLSAXHandler``); `deinit`
/// frees the parser before the reader. The parser's dictionary, which the reader's
/// ``XMLNameTable`` keys names by, lives as long as the parser.
///
/// Not `Sendable`: a libxml2 parser must not be used by two threads at once. It may move
/// from one task to another between reads, which Swift's region checking allows for a
/// value nothing else refers to.
final class XMLPushParser {
    /// Parser options. What is left out matters as much as what is in: no `NOENT` (entities
    /// are not substituted, so external ones are never fetched and nested ones never blow
    /// up), no `DTDLOAD`/`DTDATTR`/`DTDVALID` (no DTD is fetched), no `HUGE` (libxml2 keeps
    /// its limits on entity amplification and sizes), no `RECOVER` (a feed that is not
    /// well-formed fails the read instead of losing data silently).
    static let options: Int32 = Int32(bitPattern:
        XML_PARSE_NONET.rawValue  // no network access, even for a URL in the document
        | XML_PARSE_BIG_LINES.rawValue  // kept from the reader; lines come from the parser's input anyway
        | XML_PARSE_COMPACT.rawValue  // kept from the reader; no tree is built
        | XML_PARSE_NOBLANKS.rawValue)  // kept from the reader; blanks reach the builder, which trims them

    /// How many bytes go to `xmlParseChunk` at once: small enough that the records one call
    /// completes stay few, large enough that the calls cost nothing.
    static let pieceSize = 64 << 10

    private enum Phase {
        /// More input to parse.
        case parsing
        /// The parser stopped on an error, to be thrown once the records before it are out.
        case failed
        /// The document ended well-formed.
        case ended
        /// Everything has been handed out (or thrown).
        case done
    }

    private let context: xmlParserCtxtPtr
    private let reader: UnsafeMutablePointer<XMLRecordReader>
    private var stream: any ByteStream
    /// The bytes read from the stream; `start..<end` are not parsed yet.
    private let buffer: UnsafeMutableRawBufferPointer
    private var start = 0
    private var end = 0
    /// Whether the stream has said it is exhausted.
    private var reachedEnd = false
    private var phase = Phase.parsing

    /// Starts parsing `stream`.
    /// - Parameters:
    ///   - stream: the document's bytes.
    ///   - file: the file's name, which libxml2 uses as the document's URL.
    ///   - encoding: an encoding overriding the document's declaration, or `nil`.
    ///   - chunkSize: how many bytes to read from `stream` at once.
    ///   - reader: turns the parser's events into records.
    /// - Throws: what `stream` throws while the document's first bytes are read;
    ///   ``XMLFormatError`` when libxml2 cannot create a parser.
    init(stream: any ByteStream, file: String, encoding: String?, chunkSize: Int, reader: XMLRecordReader) throws {
        LibXML2.prepare()
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(4096, chunkSize), alignment: 16)
        var stream = stream
        var end = 0
        var reachedEnd = false
        do {
            // libxml2 guesses the encoding from the first 4 bytes (a byte order mark, `<?xm`).
            while end < 4, !reachedEnd {
                let count = try stream.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[end...]))
                end += count
                reachedEnd = count == 0
            }
        } catch {
            buffer.deallocate()
            throw error
        }
        let first = end >= 4 ? 4 : 0
        let created = buffer.baseAddress.flatMap { base in
            xmlCreatePushParserCtxt(nil, nil, base.assumingMemoryBound(to: CChar.self), Int32(first), file)
        }
        guard let context = created else {
            buffer.deallocate()
            throw XMLFormatError(file: file, line: 0, column: 0, reason: "libxml2 could not start reading the file")
        }
        self.context = context
        self.reader = .allocate(capacity: 1)
        self.reader.initialize(to: reader)
        self.reader.pointee.context = context
        self.stream = stream
        self.buffer = buffer
        self.start = first
        self.end = end
        self.reachedEnd = reachedEnd
        context.pointee._private = UnsafeMutableRawPointer(self.reader)
        // A given encoding must win over the document's declaration, even when it is UTF-8
        // (a stream that was transcoded before it got here still declares its old encoding).
        xmlCtxtUseOptions(context, encoding == nil ? Self.options : Self.options | Int32(XML_PARSE_IGNORE_ENC.rawValue))
        if let encoding, let handler = xmlFindCharEncodingHandler(encoding) {
            xmlSwitchToEncoding(context, handler)
        }
        // After the options, which set some handlers of their own.
        if let handler = context.pointee.sax { XMLSAXHandler.install(on: handler) }
    }

    deinit {
        // The default handlers built a document node, holding the DTD; the context does not free it.
        if let document = context.pointee.myDoc {
            context.pointee.myDoc = nil
            xmlFreeDoc(document)
        }
        xmlFreeParserCtxt(context)
        reader.deinitialize(count: 1)
        reader.deallocate()
        buffer.deallocate()
    }

    /// What libxml2 reported without stopping, up to ``XMLParserDiagnostics/keptWarnings``.
    var warnings: [XMLDiagnostic] { reader.pointee.diagnostics.warnings }

    /// How many warnings libxml2 reported in all.
    var warningCount: Int { reader.pointee.diagnostics.warningCount }

    /// Parses on to the next record.
    /// - Returns: the next record or rejection, or `nil` at the end of the document.
    /// - Throws: ``XMLFormatError`` when the document is not well-formed, is cut short or
    ///   has no record element, after the records before the problem; what the stream throws.
    func next() throws -> SourceEvent? {
        while true {
            if let event = reader.pointee.dequeue() { return event }
            switch phase {
            case .parsing:
                try parseMore()
            case .failed:
                phase = .done
                throw reader.pointee.failure(reachedEnd: reachedEnd)
            case .ended:
                phase = .done
                try reader.pointee.checkFoundRecords()
                return nil
            case .done:
                return nil
            }
        }
    }

    /// Parses the next piece of input, reading more from the stream first when all is parsed.
    private func parseMore() throws {
        if start < end, let base = buffer.baseAddress {
            let count = min(Self.pieceSize, end - start)
            xmlParseChunk(context, (base + start).assumingMemoryBound(to: CChar.self), Int32(count), 0)
            start += count
        } else if !reachedEnd {
            do {
                end = try stream.read(into: buffer)
            } catch {
                phase = .done
                throw error
            }
            start = 0
            reachedEnd = end == 0
            return
        } else {
            xmlParseChunk(context, nil, 0, 1)
            phase = .ended
        }
        if reader.pointee.hasFailed { phase = .failed }
    }
}
