extension Product {
    /// Appends this product as one JSON object in Affili's shape.
    public func write(to writer: inout JSONWriter) {
        // Punctuation and keys go in as one literal each (`,"name":`): a product has some
        // forty keys with its categories, and every append has a fixed cost.
        writer.raw(#"{"pid":"#); writer.string(pid)
        writer.raw(#","name":"#); writer.string(name)
        writer.raw(#","url":"#); writer.string(url)
        writer.raw(#","price":"#); writer.number(price)
        writer.raw(#","old_price":"#)
        if let oldPrice { writer.number(oldPrice) } else { writer.raw("null") }
        writer.raw(#","in_stock":"#); writer.bool(inStock)
        writer.raw(#","images":["#)
        // Indices, not enumerated(): elements are read in place, not copied (and retained).
        for index in images.indices {
            if index > 0 { writer.raw(",") }
            writer.string(images[index])
        }
        writer.raw(#"],"categories":["#)
        for index in categories.indices {
            if index > 0 { writer.raw(",") }
            categories[index].write(to: &writer)
        }
        writer.raw("]")
        writer.raw(#","created_at":"#); writer.date(createdAt)
        writer.raw(#","updated_at":"#); writer.date(updatedAt)
        writer.raw("}")
    }

    /// This product as compact JSON text.
    public var jsonText: String {
        var writer = JSONWriter(capacity: 512)
        write(to: &writer)
        return String(decoding: writer.bytes, as: UTF8.self)
    }
}

extension Category {
    /// Appends this category as one JSON object in Affili's shape.
    public func write(to writer: inout JSONWriter) {
        writer.raw(#"{"cid":"#); writer.string(cid)
        writer.raw(#","name":"#); writer.string(name)
        writer.raw(#","url":"#); writer.string(url)
        writer.raw(#","parent_cid":"#)
        if let parentCid { writer.string(parentCid) } else { writer.raw("null") }
        writer.raw(#","is_primary":"#); writer.bool(isPrimary)
        writer.raw("}")
    }
}
