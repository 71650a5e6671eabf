internal import CLibXML2

/// An element start as libxml2's SAX2 `startElementNs` reports it.
///
/// Every name and namespace URI comes from the parser's dictionary (`ctxt->dict`, interned
/// by `xmlDictLookup` whatever `ctxt->dictNames` says: that flag only decides whether tree
/// nodes reuse them), so one address is one string while the parser lives; see
/// ``XMLNameTable``.
struct XMLElementStart {
    /// The local name; for a prefix the document never declared, `prefix:local`, as
    /// libxml2's tree builder names such an element.
    var local: UnsafePointer<xmlChar>
    /// The prefix the document used, or `nil`.
    var prefix: UnsafePointer<xmlChar>?
    /// The namespace URI, or `nil` for none.
    var namespace: UnsafePointer<xmlChar>?
    /// libxml2's attribute array: five pointers per attribute (local name, prefix, URI,
    /// value, end of value), the value not NUL-terminated and with entities partly encoded.
    var attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    /// How many attributes the document itself gives; those defaulted from the DTD follow
    /// them in the array and are left out, as the tree builder left them out without
    /// `XML_PARSE_DTDATTR`.
    var attributeCount: Int

    /// The name to use for a name in a prefix the document never declared: libxml2 reports
    /// the bare local name with no URI, where its tree builder (and so the reader before)
    /// used `prefix:local`.
    static func qualified(
        local: UnsafePointer<xmlChar>, prefix: UnsafePointer<xmlChar>?, namespace: UnsafePointer<xmlChar>?,
        dictionary: OpaquePointer?
    ) -> UnsafePointer<xmlChar> {
        guard let prefix, namespace == nil, let dictionary else { return local }
        return xmlDictQLookup(dictionary, prefix, local) ?? local
    }
}
