import Foundation

/// Bytes the JSON reader rewrites for every token: the text of the last string or number,
/// and the key path ``RecordBuilder`` builds.
///
/// Both are emptied or cut back, then appended to, hundreds of times an item. On an
/// `Array` each of those is a generic range replacement or append (80-95 instructions,
/// 6% of a JSON pages export for the text, 3.5% for the key path); here emptying and
/// cutting back set a count and an append is a capacity test and a copy. A value type:
/// writes copy memory shared with a copy first.
struct ByteBuffer: Sendable {
    private var buffer = ScratchBuffer<UInt8>(capacity: 256)
    /// How many bytes there are.
    private(set) var count = 0

    var isEmpty: Bool { count == 0 }

    /// Keeps the first `length` bytes.
    mutating func truncate(to length: Int) {
        count = min(count, length)
    }

    /// Empties the buffer, keeping its memory.
    mutating func removeAll() {
        count = 0
    }

    /// Appends one byte.
    mutating func append(_ byte: UInt8) {
        reserve(1)
        buffer.base[count] = byte
        count += 1
    }

    /// Appends `length` bytes from `start`.
    mutating func append(_ start: UnsafePointer<UInt8>, count length: Int) {
        guard length > 0 else { return }
        reserve(length)
        (buffer.base + count).update(from: start, count: length)
        count += length
    }

    /// Appends `bytes`.
    mutating func append(contentsOf bytes: UnsafeBufferPointer<UInt8>) {
        guard let start = bytes.baseAddress else { return }
        append(start, count: bytes.count)
    }

    /// Appends `bytes`.
    mutating func append(contentsOf bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { append(contentsOf: $0) }
    }

    /// Whether the content is exactly `bytes`.
    func equals(_ bytes: [UInt8]) -> Bool {
        guard bytes.count == count else { return false }
        return bytes.withUnsafeBufferPointer { other in
            guard let start = other.baseAddress else { return true }
            return memcmp(start, buffer.base, count) == 0
        }
    }

    /// Calls `body` with the bytes, without copying them.
    func withUnsafeBufferPointer<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        try body(UnsafeBufferPointer(start: buffer.base, count: count))
    }

    /// The bytes in place: valid until the next write to this buffer, and only while the
    /// buffer (or a copy sharing its memory) lives. For handing a token's text to the
    /// record builder without a copy and without a closure (a closure that reads one
    /// stored property of a struct while another is mutated makes Swift copy the struct).
    var unsafeBytes: UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: buffer.base, count: count)
    }

    /// The bytes as an array (a copy).
    var bytes: [UInt8] {
        Array(UnsafeBufferPointer(start: buffer.base, count: count))
    }

    private mutating func reserve(_ extra: Int) {
        let needed = count + extra
        if !isKnownUniquelyReferenced(&buffer) || needed > buffer.capacity {
            let capacity = needed > buffer.capacity ? max(needed, buffer.capacity * 2) : buffer.capacity
            buffer = buffer.copy(count: count, capacity: capacity)
        }
    }
}
