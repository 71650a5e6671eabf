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
    /// Starts a record when `element` is a record element.
    mutating func openRecordIfMatching(_ element: XMLElementStart) {
        if rootName == nil {
            // `prefix:local`, as libxml2 spells the name (an undeclared prefix is in `local` already).
            let local = String(cString: element.local)
            rootName = element.namespace != nil ? element.prefix.map { String(cString: $0) + ":" + local } ?? local : local
        }
        guard recordElement.matches(local: element.local, namespace: element.namespace) else { return }
        recordCount += 1
        recordLine = line
        if names.isFull {
            // Between records no integer is in use, so both tables can start over.
            names.removeAll()
            shapes.removeAll()
        }
        builder.begin()
        readAttributes(element)
    }

    /// Opens a child element of the record and reads its attributes.
    mutating func openField(_ element: XMLElementStart) {
        let id = name(
            parent: builder.current, isAttribute: false, local: element.local, prefix: element.prefix,
            namespace: element.namespace)
        builder.open(id)
        readAttributes(element)
    }

    /// Adds each attribute of `element` as a field `path/@name`. Namespace declarations are
    /// not attributes in SAX2, so they are never fields.
    mutating func readAttributes(_ element: XMLElementStart) {
        guard element.attributeCount > 0, let attributes = element.attributes else { return }
        let owner = builder.current
        let dictionary = context?.pointee.dict
        for index in 0..<element.attributeCount {
            let attribute = attributes + 5 * index
            guard let bareLocal = attribute[0], let value = attribute[3], let valueEnd = attribute[4] else { continue }
            let prefix = attribute[1]
            let namespace = attribute[2]
            let local = XMLElementStart.qualified(
                local: bareLocal, prefix: prefix, namespace: namespace, dictionary: dictionary)
            let id = name(parent: owner, isAttribute: true, local: local, prefix: prefix, namespace: namespace)
            appendAttributeValue(value, count: valueEnd - value)
            builder.emit(as: id)
        }
    }

    /// Adds an attribute's value as libxml2 hands it over without entity substitution:
    /// character references and predefined entities are decoded, except that `&` stays
    /// encoded as `&#38;`; a reference to an entity of the DTD stays `&name;`, which
    /// rejects the record as it does in text. No other `&` can be in the value, as the
    /// parser refuses a bare one.
    mutating func appendAttributeValue(_ value: UnsafePointer<xmlChar>, count: Int) {
        var start = 0
        while start < count {
            guard let found = memchr(value + start, 0x26, count - start) else {
                builder.append(value + start, count: count - start)
                return
            }
            let ampersand = UnsafePointer(found.assumingMemoryBound(to: xmlChar.self)) - value
            builder.append(value + start, count: ampersand - start)
            let rest = UnsafeBufferPointer(start: value + ampersand + 1, count: count - ampersand - 1)
            if rest.starts(with: Self.encodedAmpersand) {
                builder.append(value + ampersand, count: 1)
                start = ampersand + 1 + Self.encodedAmpersand.count
                continue
            }
            let end = rest.firstIndex(of: 0x3B) ?? rest.count
            rejectEntity(String(decoding: rest[..<end], as: UTF8.self))
            start = ampersand + 1 + min(end + 1, rest.count)
        }
    }

    /// What follows `&` in an attribute value for a literal `&`.
    private static let encodedAmpersand: [xmlChar] = Array("#38;".utf8)

    /// The field integer of an element or attribute.
    mutating func name(
        parent: Int32, isAttribute: Bool, local: UnsafePointer<xmlChar>, prefix: UnsafePointer<xmlChar>?,
        namespace: UnsafePointer<xmlChar>?
    ) -> Int32 {
        if let id = names.id(parent: parent, isAttribute: isAttribute, local: local, namespace: namespace) {
            return id
        }
        var qualifiedName = String(cString: local)
        if let namespace {
            let documentPrefix = prefix.map { String(cString: $0) }
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
    mutating func rejectEntity(_ entity: String) {
        builder.reject(
            "uses the entity &\(entity); declared in the document's DTD; feedsync does not expand DTD entities "
                + "(they can read local files or blow up in size): write the text itself, or &#...; for a character")
    }
}
