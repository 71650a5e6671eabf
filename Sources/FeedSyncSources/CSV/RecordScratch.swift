import CByteSearch

/// The record being read: its unescaped bytes and field ends, in reusable memory.
///
/// Appending to a Swift `Array` costs a uniqueness check, a capacity check and a generic
/// copy per call, which dominates on rows of short fields. Here an append is a bounds check
/// and a `memmove`, and the two arrays a ``CSVRow`` needs are made once per record.
/// The memory grows to the largest record seen (bounded by the maximum record size) and is
/// reused for every record after.
struct RecordScratch {
    private static let initialBytes = 4096
    private static let initialFields = 64

    private var bytes = ScratchBuffer<UInt8>(capacity: initialBytes)
    private var ends = ScratchBuffer<Int>(capacity: initialFields)
    /// How many bytes the record holds so far.
    private(set) var byteCount = 0
    /// How many fields the record has so far.
    private(set) var fieldCount = 0

    /// Copies shared memory before the first write, keeping value semantics for copies of a
    /// reader.
    mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&bytes) {
            bytes = bytes.copy(count: byteCount, capacity: bytes.capacity)
        }
        if !isKnownUniquelyReferenced(&ends) {
            ends = ends.copy(count: fieldCount, capacity: ends.capacity)
        }
    }

    @inline(__always)
    mutating func append(_ source: UnsafePointer<UInt8>, count: Int) {
        if byteCount &+ count > bytes.capacity {
            bytes = bytes.copy(count: byteCount, capacity: max(bytes.capacity * 2, byteCount + count))
        }
        cbs_copy(bytes.base + byteCount, source, count)
        byteCount &+= count
    }

    @inline(__always)
    mutating func endField() {
        if fieldCount == ends.capacity {
            ends = ends.copy(count: fieldCount, capacity: ends.capacity * 2)
        }
        ends.base[fieldCount] = byteCount
        fieldCount &+= 1
    }

    /// The record as a row that owns copies of its bytes and ends.
    func makeRow(line: Int) -> CSVRow {
        CSVRow(
            line: line,
            storage: Array(UnsafeBufferPointer(start: bytes.base, count: byteCount)),
            ends: Array(UnsafeBufferPointer(start: ends.base, count: fieldCount)))
    }

    /// Empties the record, keeping the memory for the next one.
    mutating func removeAll() {
        byteCount = 0
        fieldCount = 0
    }

    /// Empties the record and gives back memory grown for an oversized one.
    mutating func release() {
        removeAll()
        if bytes.capacity > Self.initialBytes { bytes = ScratchBuffer(capacity: Self.initialBytes) }
        if ends.capacity > Self.initialFields { ends = ScratchBuffer(capacity: Self.initialFields) }
    }
}
