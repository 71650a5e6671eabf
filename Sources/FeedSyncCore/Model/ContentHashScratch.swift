/// Reusable memory for encoding products before ``Product/contentHash(scratch:)`` hashes
/// them.
///
/// A sync encodes every product it reads (some thirty appends each). A ``JSONWriter``,
/// used before, checks its buffer's uniqueness on every append to keep value semantics,
/// which this scratch never needs: it is one object, written by one caller at a time and
/// emptied before each product. Appends here are a capacity test and a copy.
public final class ContentHashScratch {
    private var base: UnsafeMutableRawPointer
    private var capacity: Int
    /// How many bytes the current encoding holds.
    private(set) var count = 0

    /// Creates an empty scratch of `capacity` bytes; it grows as needed.
    public init(capacity: Int = 4096) {
        self.capacity = Swift.max(capacity, 64)
        base = UnsafeMutableRawPointer.allocate(byteCount: self.capacity, alignment: 8)
    }

    deinit {
        base.deallocate()
    }

    /// Forgets the encoding, keeping the memory.
    func removeAll() {
        count = 0
    }

    /// The XXH64 of the bytes encoded so far.
    func hash() -> UInt64 {
        XXH64.hash(UnsafeRawBufferPointer(start: base, count: count))
    }

    @inline(__always)
    private func reserve(_ extra: Int) -> UnsafeMutableRawPointer {
        if _slowPath(capacity &- count < extra) { grow(to: count &+ extra) }
        return base + count
    }

    private func grow(to minimum: Int) {
        let newCapacity = Swift.max(minimum, capacity &* 2)
        let newBase = UnsafeMutableRawPointer.allocate(byteCount: newCapacity, alignment: 8)
        newBase.copyMemory(from: base, byteCount: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }

    /// Appends one byte (a tag or a flag).
    @inline(__always)
    func append(_ byte: UInt8) {
        reserve(1).storeBytes(of: byte, as: UInt8.self)
        count &+= 1
    }

    /// Appends a count, as four little-endian bytes.
    @inline(__always)
    func append(count value: Int) {
        reserve(4).storeBytes(of: UInt32(truncatingIfNeeded: value).littleEndian, as: UInt32.self)
        count &+= 4
    }

    /// Appends eight little-endian bytes.
    @inline(__always)
    func append(bits: UInt64) {
        reserve(8).storeBytes(of: bits.littleEndian, as: UInt64.self)
        count &+= 8
    }

    /// Appends a string's UTF-8 after its length.
    func append(field text: String) {
        if text.utf8.withContiguousStorageIfAvailable({ append(lengthPrefixed: UnsafeRawBufferPointer($0)) }) != nil { return }
        var text = text
        text.withUTF8 { append(lengthPrefixed: UnsafeRawBufferPointer($0)) }
    }

    private func append(lengthPrefixed bytes: UnsafeRawBufferPointer) {
        append(count: bytes.count)
        guard let source = bytes.baseAddress, bytes.count > 0 else { return }
        reserve(bytes.count).copyMemory(from: source, byteCount: bytes.count)
        count &+= bytes.count
    }
}
