/// A ``FilterCondition`` whose field is a slot of ``FieldSlots``.
struct CompiledCondition: Sendable {
    /// The slot of the condition's field.
    let slot: Int
    /// The comparison.
    let test: FilterCondition.Test
    /// The options of a `oneOf` test as lower-case ASCII bytes, or `nil` when the test is
    /// not `oneOf` or an option is not ASCII (which only the decoded text can compare).
    private let asciiOptions: [[UInt8]]?

    /// Compiles a condition, giving its field a slot.
    init(_ condition: FilterCondition, slots: inout FieldSlots) {
        slot = slots.slot(for: condition.field)
        test = condition.test
        if case .oneOf(let options) = condition.test, options.allSatisfy({ $0.utf8.allSatisfy { $0 < 0x80 } }) {
            asciiOptions = options.map { $0.utf8.map(Self.lowercased) }
        } else {
            asciiOptions = nil
        }
    }

    /// Whether a value meets the condition, decided on its UTF-8 bytes; `nil` when only
    /// its decoded text can tell.
    ///
    /// Filters are tested on every record, and their fields hold short ASCII words
    /// (`variable`, `0`), for which trimming and comparing without regard to case are byte
    /// rules; decoding the value to a `String` first cost about a twentieth of an export.
    /// A value with any non-ASCII byte goes to the text rules: it may end in a no-break
    /// space, or fold case into an ASCII option (the Kelvin sign into `k`).
    /// - Parameter value: the field's first non-empty value, empty when there is none.
    func matches(utf8 value: ArraySlice<UInt8>) -> Bool? {
        for byte in value where byte >= 0x80 { return nil }
        var start = value.startIndex
        var end = value.endIndex
        // TextTransform.trim's blanks that are ASCII: tab, line feed, vertical tab, form feed,
        // carriage return and space.
        while start < end, Self.isBlank(value[start]) { start += 1 }
        while end > start, Self.isBlank(value[end - 1]) { end -= 1 }
        switch test {
        case .empty(let wanted):
            return (start == end) == wanted
        case .oneOf:
            guard let asciiOptions else { return nil }
            let trimmed = value[start..<end]
            return asciiOptions.contains { option in
                option.count == trimmed.count && zip(option, trimmed).allSatisfy { $0 == Self.lowercased($1) }
            }
        }
    }

    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
    }
}
