import Foundation

/// Appends JSON tokens to a byte buffer.
///
/// The export and upload paths write millions of products of one fixed shape; a writer
/// that appends straight into bytes avoids `JSONEncoder`'s boxing and is several times
/// faster on Linux (see README, "Performance").
public struct JSONWriter: Sendable {
    /// The JSON written so far, UTF-8.
    public var bytes: [UInt8]

    /// Creates a writer with an empty buffer of `capacity` bytes.
    public init(capacity: Int = 4096) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// Appends raw bytes (punctuation, literals) unchanged.
    @inlinable
    public mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Appends `"key":` for an object key that needs no escaping.
    @inlinable
    public mutating func key(_ name: StaticString) {
        bytes.append(UInt8(ascii: "\""))
        raw(name)
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
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
    public mutating func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>) {
        bytes.append(UInt8(ascii: "\""))
        var runStart = 0
        var index = Self.firstEscape(in: utf8, from: 0)
        while index < utf8.count {
            if runStart < index { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index])) }
            appendEscape(utf8[index])
            runStart = index + 1
            index = Self.firstEscape(in: utf8, from: runStart)
        }
        if runStart < utf8.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...])) }
        bytes.append(UInt8(ascii: "\""))
    }

    /// The index of the first byte at or after `start` that needs an escape, or `utf8.count`.
    ///
    /// Most strings need none, so eight bytes are tested at a time (SWAR) and only the word
    /// holding an escape, and the last few bytes, are looked at one by one.
    static func firstEscape(in utf8: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        if let base = utf8.baseAddress {
            while index + 8 <= utf8.count,
                  !wordNeedsEscape(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) {
                index += 8
            }
        }
        while index < utf8.count, !needsEscape(utf8[index]) { index += 1 }
        return index
    }

    /// Whether a byte must be escaped in a JSON string: a control character, `"` or `\\`.
    @inline(__always)
    static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
    }

    /// Whether any of the eight bytes of `word` needs an escape. The classic "has a byte
    /// less than n" and "has a zero byte" bit tricks: exact about whether one exists, which
    /// is all that is asked (``firstEscape(in:from:)`` then finds it byte by byte).
    @inline(__always)
    static func wordNeedsEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let quotes = word ^ (ones &* UInt64(UInt8(ascii: "\"")))
        let backslashes = word ^ (ones &* UInt64(UInt8(ascii: "\\")))
        let control = (word &- ones &* 0x20) & ~word
        let quote = (quotes &- ones) & ~quotes
        let backslash = (backslashes &- ones) & ~backslashes
        return (control | quote | backslash) & highs != 0
    }

    /// Appends the escape of one byte that ``needsEscape(_:)``.
    private mutating func appendEscape(_ byte: UInt8) {
        bytes.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
        case 0x0A: bytes.append(UInt8(ascii: "n"))
        case 0x0D: bytes.append(UInt8(ascii: "r"))
        case 0x09: bytes.append(UInt8(ascii: "t"))
        default:
            let hex: StaticString = "0123456789abcdef"
            bytes.append(UInt8(ascii: "u"))
            bytes.append(UInt8(ascii: "0"))
            bytes.append(UInt8(ascii: "0"))
            bytes.append(hex.utf8Start[Int(byte >> 4)])
            bytes.append(hex.utf8Start[Int(byte & 0xF)])
        }
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
            bytes.append(contentsOf: value.description.utf8)
        }
    }

    /// Appends an integer.
    public mutating func number(_ value: Int) {
        appendInteger(Int64(value))
    }

    /// Appends an integer's decimal digits, as `String(value)` writes them, without making
    /// the `String`.
    private mutating func appendInteger(_ value: Int64) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var divisor: UInt64 = 1
        while divisor <= magnitude / 10 { divisor *= 10 }
        repeat {
            bytes.append(UInt8(truncatingIfNeeded: 48 + magnitude / divisor))
            magnitude %= divisor
            divisor /= 10
        } while divisor > 0
    }

    /// Appends `true` or `false`.
    @inlinable
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
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: lastDateText)
        bytes.append(UInt8(ascii: "\""))
    }

    /// The time ``date(_:)`` wrote last and its text: an export stamps most products with
    /// the run's time, twice each.
    private var lastDate: Date?
    private var lastDateText: [UInt8] = []
}
