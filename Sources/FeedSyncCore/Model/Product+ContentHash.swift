extension Product {
    /// A 64-bit hash of the product's content: every field but the times.
    ///
    /// Taken over the canonical JSON this program writes (fixed key order, one number
    /// format), so two mappings of the same content hash alike whatever the source's
    /// spelling. The times are left out because feeds without them get the run's time,
    /// which must not make an unchanged product look changed. The hash is ``XXH64``; stores
    /// written with the FNV-1a hash of earlier versions are re-hashed when opened.
    public var contentHash: UInt64 {
        var writer = JSONWriter(capacity: 2048)
        return contentHash(scratch: &writer)
    }

    /// ``contentHash``, written through `scratch`, whose buffer is reused: a sync hashes
    /// every product it reads, and a fresh buffer per product cost an allocation and a
    /// regrowth each.
    /// - Parameter scratch: a writer whose content is discarded.
    public func contentHash(scratch: inout JSONWriter) -> UInt64 {
        scratch.bytes.removeAll(keepingCapacity: true)
        write(to: &scratch, includingTimes: false)
        return XXH64.hash(scratch.bytes)
    }
}
