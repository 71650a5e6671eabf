import CByteSearch
import Foundation

/// Appends JSON tokens to a byte buffer.
///
/// The export and upload paths write millions of products of one fixed shape; a writer
/// that appends straight into bytes avoids `JSONEncoder`'s boxing and is several times
/// faster on Linux (see README, "Performance"). The bytes live in a buffer of its own
/// rather than an `Array`: every append to an array checks uniqueness and capacity through
/// a generic path (about 130 instructions an append, a product has about 60), where here
/// an append is a capacity test and a copy. A value type like `Array`: a copy shares the
/// buffer until either side writes.
public struct JSONWriter: Sendable {
    private var buffer: JSONWriterBuffer

    /// Creates a writer with an empty buffer of `capacity` bytes.
    public init(capacity: Int = 4096) {
        buffer = JSONWriterBuffer(capacity: capacity)
    }

    /// The JSON written so far, UTF-8 (a copy).
    public var bytes: [UInt8] {
        withBytes { Array($0) }
    }

    /// How many bytes were written.
    public var count: Int { buffer.count }

    /// Calls `body` with the bytes written so far, without copying them.
    public func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        try body(UnsafeBufferPointer(start: buffer.base, count: buffer.count))
    }

    /// Forgets what was written, keeping the buffer's capacity.
    public mutating func removeAll() {
        if !isKnownUniquelyReferenced(&buffer) { buffer = JSONWriterBuffer(capacity: buffer.capacity) }
        buffer.count = 0
    }

    /// Room for `count` more bytes: a pointer to write them at, then ``commit(_:)`` them.
    @inline(__always)
    private mutating func reserve(_ count: Int) -> UnsafeMutablePointer<UInt8> {
        if _slowPath(!isKnownUniquelyReferenced(&buffer) || buffer.capacity - buffer.count < count) {
            buffer = buffer.copy(minimumCapacity: buffer.count + count)
        }
        return buffer.base + buffer.count
    }

    @inline(__always)
    private mutating func commit(_ count: Int) {
        buffer.count += count
    }

    /// Appends one byte.
    @inline(__always)
    public mutating func append(_ byte: UInt8) {
        reserve(1).pointee = byte
        commit(1)
    }

    /// Appends bytes as they are (JSON already written, punctuation).
    @inline(__always)
    public mutating func append(contentsOf bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, bytes.count > 0 else { return }
        cbs_copy(reserve(bytes.count), source, bytes.count)
        commit(bytes.count)
    }

    /// Appends bytes as they are.
    public mutating func append(contentsOf bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { append(contentsOf: $0) }
    }

    /// Appends a string's UTF-8 as it is, without escaping (text that is already JSON).
    public mutating func append(utf8 text: String) {
        if text.utf8.withContiguousStorageIfAvailable({ append(contentsOf: $0) }) != nil { return }
        var text = text
        text.withUTF8 { append(contentsOf: $0) }
    }

    /// Appends raw bytes (punctuation, literals) unchanged.
    @inline(__always)
    public mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { append(contentsOf: $0) }
    }

    /// Appends `"key":` for an object key that needs no escaping.
    @inline(__always)
    public mutating func key(_ name: StaticString) {
        append(UInt8(ascii: "\""))
        raw(name)
        append(UInt8(ascii: "\""))
        append(UInt8(ascii: ":"))
    }

    /// Appends a JSON string with the escapes RFC 8259 requires.
    public mutating func string(_ value: String) {
        // Native strings lend their UTF-8 in place; `withUTF8` needs a mutable copy, which
        // costs an atomic retain and release per string.
        if value.utf8.withContiguousStorageIfAvailable({ appendEscaped($0) }) != nil { return }
        var value = value
        value.withUTF8 { appendEscaped($0) }
    }

    /// Appends a JSON string from UTF-8 bytes.
    ///
    /// Writes straight into reserved memory: one capacity check for a string without
    /// escapes instead of one per run and per escaped byte. Room is made for the string as
    /// it is; an escape (at most six bytes for one) makes room for itself and the rest.
    public mutating func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>) {
        let quote = UInt8(ascii: "\"")
        let count = utf8.count
        var out = reserve(count &+ 2)
        var available = buffer.capacity &- buffer.count
        out[0] = quote
        var written = 1
        if let source = utf8.baseAddress {
            var runStart = 0
            var index = Self.firstEscape(in: utf8, from: 0)
            while index < count {
                let run = index &- runStart
                // The run, the escape, the bytes after it and the closing quote.
                let needed = run &+ 6 &+ (count &- index)
                if available &- written < needed {
                    commit(written)
                    out = reserve(needed)
                    available = buffer.capacity &- buffer.count
                    written = 0
                }
                cbs_copy(out + written, source + runStart, run)
                written &+= run
                written &+= Self.writeEscape(of: source[index], to: out + written)
                runStart = index &+ 1
                index = Self.firstEscape(in: utf8, from: runStart)
            }
            cbs_copy(out + written, source + runStart, count &- runStart)
            written &+= count &- runStart
        }
        out[written] = quote
        commit(written &+ 1)
    }

    /// The index of the first byte at or after `start` that needs an escape, or `utf8.count`.
    ///
    /// Most strings need none; the search runs sixteen bytes at a time (SSE2, in
    /// ``CByteSearch``).
    @inline(__always)
    static func firstEscape(in utf8: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = utf8.baseAddress else { return start }
        return cbs_first_json_special(base, start, utf8.count, 0)
    }

    /// Writes the escape of one byte that ``firstEscape(in:from:)`` found.
    /// - Returns: how many bytes were written, at most six.
    @inline(__always)
    private static func writeEscape(of byte: UInt8, to out: UnsafeMutablePointer<UInt8>) -> Int {
        out[0] = UInt8(ascii: "\\")
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): out[1] = byte
        case 0x0A: out[1] = UInt8(ascii: "n")
        case 0x0D: out[1] = UInt8(ascii: "r")
        case 0x09: out[1] = UInt8(ascii: "t")
        default:
            let hex: StaticString = "0123456789abcdef"
            out[1] = UInt8(ascii: "u")
            out[2] = UInt8(ascii: "0")
            out[3] = UInt8(ascii: "0")
            out[4] = hex.utf8Start[Int(byte >> 4)]
            out[5] = hex.utf8Start[Int(byte & 0xF)]
            return 6
        }
        return 2
    }

    /// Appends a number; integral values are written without a fraction, others in the
    /// shortest form that reads back to the same `Double`.
    ///
    /// JSON has no NaN or infinity; the mapper never produces them, and they are written
    /// as `null` here rather than as invalid JSON.
    public mutating func number(_ value: Double) {
        guard value.isFinite else {
            raw("null")
            return
        }
        if value == value.rounded(), abs(value) < 1e15 {
            appendInteger(Int64(value))
        } else {
            append(utf8: value.description)
        }
    }

    /// Appends an integer.
    public mutating func number(_ value: Int) {
        appendInteger(Int64(value))
    }

    /// Appends an integer's decimal digits, as `String(value)` writes them, without making
    /// the `String`.
    private mutating func appendInteger(_ value: Int64) {
        if value < 0 { append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var divisor: UInt64 = 1
        while divisor <= magnitude / 10 { divisor *= 10 }
        repeat {
            append(UInt8(truncatingIfNeeded: 48 + magnitude / divisor))
            magnitude %= divisor
            divisor /= 10
        } while divisor > 0
    }

    /// Appends `true` or `false`.
    @inline(__always)
    public mutating func bool(_ value: Bool) {
        if value { raw("true") } else { raw("false") }
    }

    /// Appends a time as an ISO-8601 JSON string.
    public mutating func date(_ value: Date) {
        if value != lastDate {
            lastDateText.removeAll(keepingCapacity: true)
            Timestamp.append(value, to: &lastDateText)
            lastDate = value
        }
        append(UInt8(ascii: "\""))
        append(contentsOf: lastDateText)
        append(UInt8(ascii: "\""))
    }

    /// The time ``date(_:)`` wrote last and its text: an export stamps most products with
    /// the run's time, twice each.
    private var lastDate: Date?
    private var lastDateText: [UInt8] = []
}

/// The storage of a ``JSONWriter``: a growable byte buffer that frees itself.
///
/// `@unchecked Sendable` for the same reason `Array` is `Sendable`: the writer only writes
/// to a buffer it alone refers to (`isKnownUniquelyReferenced`), and shared ones are only read.
final class JSONWriterBuffer: @unchecked Sendable {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var capacity: Int
    var count = 0

    init(capacity: Int) {
        self.capacity = max(64, capacity)
        base = .allocate(capacity: self.capacity)
    }

    deinit {
        base.deallocate()
    }

    /// A buffer of at least `minimumCapacity` (growing by doubling) holding these bytes.
    func copy(minimumCapacity: Int) -> JSONWriterBuffer {
        let copy = JSONWriterBuffer(capacity: Swift.max(minimumCapacity, capacity * 2))
        copy.base.update(from: base, count: count)
        copy.count = count
        return copy
    }
}
