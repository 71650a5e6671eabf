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
        contentHash(scratch: ContentHashScratch(capacity: 2048))
    }

    /// ``contentHash``, encoded into `scratch`, whose memory is reused.
    ///
    /// A sync hashes every product it reads. Writing its JSON for that (escaping every
    /// string, formatting every number) cost as much as the export's own writing, 13% of a
    /// no-change sync of 100,000 products (callgrind); the binary encoding is a copy of each
    /// string's bytes. It tells products apart exactly as their JSON does: every string is
    /// prefixed by its length, every list by its count, an optional by a tag, and numbers
    /// are their bits with the zeros JSON writes alike (`0` and `-0`) made one.
    /// - Parameter scratch: memory whose content is discarded.
    public func contentHash(scratch: ContentHashScratch) -> UInt64 {
        scratch.removeAll()
        scratch.append(field: pid)
        scratch.append(field: name)
        scratch.append(field: url)
        scratch.append(price: price)
        scratch.append(price: oldPrice)
        scratch.append(inStock ? 1 : 0)
        scratch.append(count: images.count)
        for index in images.indices { scratch.append(field: images[index]) }
        scratch.append(count: categories.count)
        for index in categories.indices {
            let category = categories[index]
            scratch.append(field: category.cid)
            scratch.append(field: category.name)
            scratch.append(field: category.url)
            if let parent = category.parentCid {
                scratch.append(1)
                scratch.append(field: parent)
            } else {
                scratch.append(0)
            }
            scratch.append(category.isPrimary ? 1 : 0)
        }
        return scratch.hash()
    }
}

extension ContentHashScratch {
    fileprivate func append(price number: Double) {
        // JSON has one spelling for both zeros, and none for NaN or infinity (written `null`).
        append(bits: !number.isFinite ? UInt64.max : number == 0 ? 0 : number.bitPattern)
    }

    fileprivate func append(price number: Double?) {
        guard let number else {
            append(0)
            return
        }
        append(1)
        append(price: number)
    }
}
