import CByteSearch

/// Finds the next byte of interest in a buffer sixteen bytes at a time.
///
/// Most of a CSV file is field content with no delimiter, quote or line break in it. The
/// search is SSE2 in C (``CByteSearch``): Swift has no portable movemask, and the 64-bit
/// "has zero byte" trick this replaced cost 2.5 instructions a byte against about 0.6.
enum ByteScanner {
    /// The index of the first byte in `base[from..<end]` equal to `a`, `b`, `c` or `d`, or
    /// `end` when there is none.
    @inline(__always)
    static func firstIndex(
        in base: UnsafePointer<UInt8>, from: Int, to end: Int,
        _ a: UInt8, _ b: UInt8, _ c: UInt8, _ d: UInt8
    ) -> Int {
        cbs_first_of4(base, from, end, a, b, c, d)
    }

    /// The index of the first byte in `base[from..<end]` equal to `a`, `b` or `c`, or `end`
    /// when there is none. (One comparison more per sixteen bytes than a search made for
    /// three, not worth a second copy of the loop.)
    @inline(__always)
    static func firstIndex(
        in base: UnsafePointer<UInt8>, from: Int, to end: Int,
        _ a: UInt8, _ b: UInt8, _ c: UInt8
    ) -> Int {
        cbs_first_of4(base, from, end, a, b, c, c)
    }
}
