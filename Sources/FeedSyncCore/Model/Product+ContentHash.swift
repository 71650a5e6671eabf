extension Product {
    /// A 64-bit hash of the product's content: every field Affili receives but the times.
    ///
    /// Taken over the product's values (not the source's text), so two mappings of the same
    /// content hash alike whatever the source's spelling. The times are left out because
    /// feeds without them get the run's time, which must not make an unchanged product look
    /// changed. The hash is ``XXH64`` over a length-prefixed binary encoding of the fields
    /// in a fixed order (see ``contentHash(scratch:)``); stores written with the FNV-1a hash
    /// of the JSON body (before schema v5) are re-hashed when opened.
    public var contentHash: UInt64 {
        var scratch = JSONWriter(capacity: 2048)
        return contentHash(scratch: &scratch)
    }

    /// ``contentHash``, encoded into `scratch`, whose buffer is reused.
    ///
    /// A sync hashes every product it reads. Writing its JSON for that (escaping every
    /// string, formatting every number) cost as much as the export's own writing, 13% of a
    /// no-change sync of 100,000 products (callgrind); the binary encoding is a copy of each
    /// string's bytes. It tells products apart exactly as their JSON does: every string is
    /// prefixed by its length, every list by its count, an optional by a tag, and numbers
    /// are their bits with the zeros JSON writes alike (`0` and `-0`) made one. The bytes
    /// go through a ``JSONWriter``'s raw appends: an `Array`'s generic append cost about
    /// 130 instructions each, 7,600 a product.
    /// - Parameter scratch: a writer whose content is discarded.
    public func contentHash(scratch: inout JSONWriter) -> UInt64 {
        scratch.removeAll()
        scratch.appendField(pid)
        scratch.appendField(name)
        scratch.appendField(url)
        scratch.appendField(price)
        scratch.appendField(oldPrice)
        scratch.append(inStock ? 1 : 0)
        scratch.appendCount(images.count)
        for index in images.indices { scratch.appendField(images[index]) }
        scratch.appendCount(categories.count)
        for index in categories.indices {
            let category = categories[index]
            scratch.appendField(category.cid)
            scratch.appendField(category.name)
            scratch.appendField(category.url)
            if let parent = category.parentCid {
                scratch.append(1)
                scratch.appendField(parent)
            } else {
                scratch.append(0)
            }
            scratch.append(category.isPrimary ? 1 : 0)
        }
        return scratch.withBytes { XXH64.hash(UnsafeRawBufferPointer($0)) }
    }
}

extension JSONWriter {
    fileprivate mutating func appendCount(_ count: Int) {
        Swift.withUnsafeBytes(of: UInt32(truncatingIfNeeded: count).littleEndian) {
            append(contentsOf: $0.assumingMemoryBound(to: UInt8.self))
        }
    }

    fileprivate mutating func appendField(_ text: String) {
        appendCount(text.utf8.count)
        append(utf8: text)
    }

    fileprivate mutating func appendField(_ number: Double) {
        // JSON has one spelling for both zeros, and none for NaN or infinity (written `null`).
        let canonical: UInt64 = if !number.isFinite { UInt64.max } else if number == 0 { 0 } else { number.bitPattern }
        Swift.withUnsafeBytes(of: canonical.littleEndian) { append(contentsOf: $0.assumingMemoryBound(to: UInt8.self)) }
    }

    fileprivate mutating func appendField(_ number: Double?) {
        guard let number else {
            append(0)
            return
        }
        append(1)
        appendField(number)
    }
}
