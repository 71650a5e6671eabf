internal import CLibXML2

/// The SAX2 callbacks of the push parser, and how they find their ``XMLRecordReader``.
///
/// libxml2's default SAX2 handlers stay in place for the document and its DTD:
/// `startDocument` creates `ctxt->myDoc`, whose internal subset keeps the entity
/// declarations `getEntity` looks up (so a declared entity is known, not a fatal "not
/// defined"), and external subsets are never loaded because neither validation nor
/// `DTDLOAD` is asked for. Those handlers expect `userData` to be the context, so it stays
/// the context. The handlers that would build the tree are replaced: elements, text and
/// entity references go to the reader; comments and processing instructions only end a
/// text node. Nothing but the DTD is ever attached to `myDoc`, so memory stays bounded
/// however long the feed.
///
/// The reader is reached through `ctxt->_private`, an unretained pointer that
/// ``XMLPushParser`` keeps valid for the context's whole life. libxml2 copies `_private`
/// to the context it parses an entity's replacement text with (on its first reference,
/// to check it); events from that context are ignored, and only its errors are kept.
///
/// Errors go to `serror` of the context's handler: libxml2 2.9.14 has no
/// `xmlCtxtSetErrorHandler`, and `__xmlRaiseError` prefers a context's own structured
/// handler to the global ones, calling it with the context's `userData` (the context).
enum XMLSAXHandler {
    /// Replaces the tree-building callbacks of `handler` (the context's own copy).
    static func install(on handler: UnsafeMutablePointer<xmlSAXHandler>) {
        handler.pointee.startElementNs = { context, local, prefix, namespace, _, _, count, defaulted, attributes in
            guard let reader = XMLSAXHandler.reader(context), let local else { return }
            let dictionary = reader.pointee.context?.pointee.dict
            reader.pointee.startElement(XMLElementStart(
                local: XMLElementStart.qualified(local: local, prefix: prefix, namespace: namespace, dictionary: dictionary),
                prefix: prefix, namespace: namespace, attributes: attributes, attributeCount: Int(count - defaulted)))
        }
        handler.pointee.endElementNs = { context, _, _, _ in
            XMLSAXHandler.reader(context)?.pointee.endElement()
        }
        handler.pointee.characters = { context, bytes, count in
            guard let reader = XMLSAXHandler.reader(context), let bytes, count > 0 else { return }
            reader.pointee.text(bytes, count: Int(count), isCDATA: false)
        }
        handler.pointee.cdataBlock = { context, bytes, count in
            guard let reader = XMLSAXHandler.reader(context), let bytes, count > 0 else { return }
            reader.pointee.text(bytes, count: Int(count), isCDATA: true)
        }
        handler.pointee.reference = { context, name in
            guard let reader = XMLSAXHandler.reader(context), let name else { return }
            reader.pointee.reference(name)
        }
        handler.pointee.comment = { context, _ in
            XMLSAXHandler.reader(context)?.pointee.limits.breakText()
        }
        handler.pointee.processingInstruction = { context, _, _ in
            XMLSAXHandler.reader(context)?.pointee.limits.breakText()
        }
        handler.pointee.serror = { userData, error in
            guard let error, let reader = XMLSAXHandler.reader(userData, includingEntities: true) else { return }
            reader.pointee.diagnostics.record(error.pointee)
        }
    }

    /// The reader of the parser `context`.
    /// - Parameters:
    ///   - context: the `userData` libxml2 passed, always a parser context.
    ///   - includingEntities: whether to answer for the context parsing an entity's text.
    @inline(__always)
    private static func reader(
        _ context: UnsafeMutableRawPointer?, includingEntities: Bool = false
    ) -> UnsafeMutablePointer<XMLRecordReader>? {
        guard let context, let state = context.assumingMemoryBound(to: xmlParserCtxt.self).pointee._private else {
            return nil
        }
        let reader = state.assumingMemoryBound(to: XMLRecordReader.self)
        guard includingEntities || UnsafeMutableRawPointer(reader.pointee.context) == context else { return nil }
        return reader
    }
}
