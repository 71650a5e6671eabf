/// Finds the next byte of interest in a buffer eight bytes at a time.
///
/// Most of a CSV file is field content with no delimiter, quote or line break in it;
/// testing a 64-bit word against each wanted byte at once (the "has zero byte" bit trick)
/// skips such runs several times faster than a byte loop and needs no SIMD intrinsics.
enum ByteScanner {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// A word with `byte` in every lane.
    @inline(__always)
    static func splat(_ byte: UInt8) -> UInt64 {
        ones &* UInt64(byte)
    }

    /// High bit set in each lane of `word` that equals the lane of `pattern`. The lowest set
    /// bit is always exact, which is all the callers use (higher lanes may be false hits).
    @inline(__always)
    private static func matches(_ word: UInt64, _ pattern: UInt64) -> UInt64 {
        let x = word ^ pattern
        return (x &- ones) & ~x & highs
    }

    /// The index of the first byte in `base[from..<end]` equal to `a`, `b`, `c` or `d`, or
    /// `end` when there is none.
    @inline(__always)
    static func firstIndex(
        in base: UnsafePointer<UInt8>, from: Int, to end: Int,
        _ a: UInt8, _ b: UInt8, _ c: UInt8, _ d: UInt8
    ) -> Int {
        var index = from
        let raw = UnsafeRawPointer(base)
        let pa = splat(a), pb = splat(b), pc = splat(c), pd = splat(d)
        while index &+ 8 <= end {
            let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            let hits = matches(word, pa) | matches(word, pb) | matches(word, pc) | matches(word, pd)
            if hits != 0 { return index &+ (hits.trailingZeroBitCount &>> 3) }
            index &+= 8
        }
        while index < end {
            let byte = base[index]
            if byte == a || byte == b || byte == c || byte == d { return index }
            index &+= 1
        }
        return end
    }

    /// The index of the first byte in `base[from..<end]` equal to `a`, `b` or `c`, or `end`
    /// when there is none.
    @inline(__always)
    static func firstIndex(
        in base: UnsafePointer<UInt8>, from: Int, to end: Int,
        _ a: UInt8, _ b: UInt8, _ c: UInt8
    ) -> Int {
        var index = from
        let raw = UnsafeRawPointer(base)
        let pa = splat(a), pb = splat(b), pc = splat(c)
        while index &+ 8 <= end {
            let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            let hits = matches(word, pa) | matches(word, pb) | matches(word, pc)
            if hits != 0 { return index &+ (hits.trailingZeroBitCount &>> 3) }
            index &+= 8
        }
        while index < end {
            let byte = base[index]
            if byte == a || byte == b || byte == c { return index }
            index &+= 1
        }
        return end
    }
}
