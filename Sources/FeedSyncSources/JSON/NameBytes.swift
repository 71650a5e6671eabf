import Foundation

/// The key path ``RecordBuilder`` is building, as bytes in memory of its own.
///
/// Every member of every item truncates the path to its container's and appends its key:
/// on an `Array` that truncation is a generic range replacement (about 95 instructions,
/// 3.5% of a JSON pages export). Here it sets a count. A value type: writes copy memory
/// shared with a copy first.
struct NameBytes: Sendable {
    private var buffer = ScratchBuffer<UInt8>(capacity: 256)
    /// How many bytes the name has.
    private(set) var count = 0

    var isEmpty: Bool { count == 0 }

    /// Keeps the first `length` bytes.
    mutating func truncate(to length: Int) {
        count = min(count, length)
    }

    /// Empties the name.
    mutating func removeAll() {
        count = 0
    }

    /// Appends one byte.
    mutating func append(_ byte: UInt8) {
        reserve(1)
        buffer.base[count] = byte
        count += 1
    }

    /// Appends `bytes`.
    mutating func append(contentsOf bytes: [UInt8]) {
        reserve(bytes.count)
        bytes.withUnsafeBufferPointer { source in
            guard let start = source.baseAddress else { return }
            (buffer.base + count).update(from: start, count: source.count)
        }
        count += bytes.count
    }

    /// Whether the name is exactly `bytes`.
    func equals(_ bytes: [UInt8]) -> Bool {
        guard bytes.count == count else { return false }
        return bytes.withUnsafeBufferPointer { other in
            guard let start = other.baseAddress else { return true }
            return memcmp(start, buffer.base, count) == 0
        }
    }

    /// The name's bytes as an array.
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
