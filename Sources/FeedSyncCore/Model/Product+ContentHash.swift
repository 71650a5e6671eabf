extension Product {
    /// A 64-bit FNV-1a hash of the product's content: every field but the times.
    ///
    /// Taken over the canonical JSON this program writes (fixed key order, one number
    /// format), so two mappings of the same content hash alike whatever the source's
    /// spelling. The times are left out because feeds without them get the run's time,
    /// which must not make an unchanged product look changed. FNV-1a is enough for change
    /// detection (no adversary chooses both versions of a product) and needs no CryptoKit.
    public var contentHash: UInt64 {
        var writer = JSONWriter(capacity: 512)
        write(to: &writer, includingTimes: false)
        return FNV1a.hash(writer.bytes)
    }
}

/// The 64-bit FNV-1a hash.
public enum FNV1a {
    /// Hashes `bytes`.
    public static func hash(_ bytes: [UInt8]) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        return hash
    }
}
