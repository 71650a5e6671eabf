internal import CLibXML2

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Elements and attributes: where records start, and how fields get their names.
extension XMLRecordReader {
    /// Starts a record when the element just read is a record element.
    mutating func openRecordIfMatching() -> SourceEvent? {
        guard let local = xmlTextReaderConstLocalName(pointer) else { return nil }
        if rootName == nil {
            rootName = xmlTextReaderConstName(pointer).map { String(cString: $0) }
            if xmlTextReaderIsEmptyElement(pointer) == 1 { rootClosed = true }
        }
        guard recordElement.matches(local: local, namespace: xmlTextReaderConstNamespaceUri(pointer)) else {
            return nil
        }
        recordCount += 1
        recordLine = reader.line
        if names.isFull {
            // Between records no integer is in use, so both tables can start over.
            names.removeAll()
            shapes.removeAll()
        }
        builder.begin()
        readAttributes()
        if xmlTextReaderIsEmptyElement(pointer) == 1, builder.close() { return completeRecord() }
        return nil
    }

    /// Opens a child element of the record and reads its attributes.
    mutating func openField() {
        guard let local = xmlTextReaderConstLocalName(pointer) else { return }
        let id = name(parent: builder.current, isAttribute: false, local: local)
        builder.open(id)
        if xmlTextReaderHasAttributes(pointer) == 1 { readAttributes() }
        // An empty element has no end element node: close it here.
        if xmlTextReaderIsEmptyElement(pointer) == 1 { _ = builder.close() }
    }

    /// Adds each attribute of the current element as a field `path/@name`; namespace
    /// declarations are not fields.
    mutating func readAttributes() {
        let owner = builder.current
        // By index: reading a value moves the reader onto the value's text, from where
        // `xmlTextReaderMoveToNextAttribute` would find no next attribute.
        let count = xmlTextReaderAttributeCount(pointer)
        var index: Int32 = 0
        while index < count, xmlTextReaderMoveToAttributeNo(pointer, index) == 1 {
            index += 1
            guard xmlTextReaderIsNamespaceDecl(pointer) == 0, let local = xmlTextReaderConstLocalName(pointer) else {
                continue
            }
            let id = name(parent: owner, isAttribute: true, local: local)
            // An attribute's value is a list of text and entity reference nodes; walking it
            // keeps entities unexpanded, as in element text.
            while xmlTextReaderReadAttributeValue(pointer) == 1 {
                if xmlTextReaderNodeType(pointer) == XMLReaderNodeType.entityReference {
                    rejectEntity()
                } else if let value = xmlTextReaderConstValue(pointer) {
                    builder.append(value, count: strlen(value))
                }
            }
            builder.emit(as: id)
        }
        xmlTextReaderMoveToElement(pointer)
    }

    /// The field integer of the current element or attribute.
    mutating func name(parent: Int32, isAttribute: Bool, local: UnsafePointer<xmlChar>) -> Int32 {
        let namespace = xmlTextReaderConstNamespaceUri(pointer)
        if let id = names.id(parent: parent, isAttribute: isAttribute, local: local, namespace: namespace) {
            return id
        }
        var qualifiedName = String(cString: local)
        if let namespace {
            let documentPrefix = xmlTextReaderConstPrefix(pointer).map { String(cString: $0) }
            let prefix = namespaces.prefix(forURI: String(cString: namespace), documentPrefix: documentPrefix)
            if !prefix.isEmpty { qualifiedName = prefix + ":" + qualifiedName }
        }
        let id = names.add(
            parent: parent, isAttribute: isAttribute, local: local, namespace: namespace, qualifiedName: qualifiedName)
        // A record of ever-new names grows the table: count it against the record's size.
        builder.account(names.paths[Int(id)].utf8.count)
        return id
    }

    /// Rejects the record for a reference to an entity the document declares itself.
    mutating func rejectEntity() {
        let entity = xmlTextReaderConstName(pointer).map { String(cString: $0) } ?? "?"
        builder.reject(
            "uses the entity &\(entity); declared in the document's DTD; feedsync does not expand DTD entities "
                + "(they can read local files or blow up in size): write the text itself, or &#...; for a character")
    }
}
