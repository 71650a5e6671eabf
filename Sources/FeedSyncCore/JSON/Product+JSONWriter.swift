extension Product {
    /// Appends this product as one JSON object in Affili's shape.
    public func write(to writer: inout JSONWriter) {
        write(to: &writer, includingTimes: true)
    }

    /// Appends this product as JSON, optionally without `created_at` and `updated_at`
    /// (the form its content hash is taken over).
    func write(to writer: inout JSONWriter, includingTimes: Bool) {
        writer.raw("{")
        writer.key("pid"); writer.string(pid)
        writer.raw(","); writer.key("name"); writer.string(name)
        writer.raw(","); writer.key("url"); writer.string(url)
        writer.raw(","); writer.key("price"); writer.number(price)
        writer.raw(","); writer.key("old_price")
        if let oldPrice { writer.number(oldPrice) } else { writer.raw("null") }
        writer.raw(","); writer.key("in_stock"); writer.bool(inStock)
        writer.raw(","); writer.key("images"); writer.raw("[")
        for (index, image) in images.enumerated() {
            if index > 0 { writer.raw(",") }
            writer.string(image)
        }
        writer.raw("]"); writer.raw(","); writer.key("categories"); writer.raw("[")
        for (index, category) in categories.enumerated() {
            if index > 0 { writer.raw(",") }
            category.write(to: &writer)
        }
        writer.raw("]")
        if includingTimes {
            writer.raw(","); writer.key("created_at"); writer.date(createdAt)
            writer.raw(","); writer.key("updated_at"); writer.date(updatedAt)
        }
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
        writer.raw("{")
        writer.key("cid"); writer.string(cid)
        writer.raw(","); writer.key("name"); writer.string(name)
        writer.raw(","); writer.key("url"); writer.string(url)
        writer.raw(","); writer.key("parent_cid")
        if let parentCid { writer.string(parentCid) } else { writer.raw("null") }
        writer.raw(","); writer.key("is_primary"); writer.bool(isPrimary)
        writer.raw("}")
    }
}
