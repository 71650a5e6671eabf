/// Character classes the transforms share, decided per scalar so no transform has to
/// build intermediate strings.
extension Unicode.Scalar {
    /// The value of a decimal digit in ASCII, Persian (`۰-۹`) or Arabic-Indic (`٠-٩`) form.
    @inline(__always)
    var feedDigitValue: UInt8? {
        switch value {
        case 0x30...0x39: UInt8(truncatingIfNeeded: value - 0x30)
        case 0x06F0...0x06F9: UInt8(truncatingIfNeeded: value - 0x06F0)
        case 0x0660...0x0669: UInt8(truncatingIfNeeded: value - 0x0660)
        default: nil
        }
    }

    /// White space a cell can start or end with: Unicode white space (spaces, tabs, line
    /// breaks, no-break spaces) plus the invisible marks editors and RTL text leave at the
    /// edges (zero-width space, byte-order mark, left-to-right and right-to-left marks).
    @inline(__always)
    var isFeedBlank: Bool {
        switch value {
        case 0x200B, 0xFEFF, 0x200E, 0x200F: true
        default: isFeedWhitespace
        }
    }

    /// Unicode's `White_Space` scalars, which a text transform collapses into one space;
    /// unlike ``isFeedBlank`` it leaves zero-width marks alone because inside a word they
    /// matter. Spelled out because the property is small and stable while a property-table
    /// lookup per letter would dominate the cost of cleaning non-Latin text.
    @inline(__always)
    var isFeedWhitespace: Bool {
        switch value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    /// Whether the scalar is a letter (Unicode `Alphabetic`), answered by range for the
    /// scripts feeds use most (Latin, Cyrillic, Arabic/Persian, Vietnamese) and by the
    /// property tables only for the others.
    @inline(__always)
    var isFeedLetter: Bool {
        switch value {
        case 0x41...0x5A, 0x61...0x7A, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x024F, 0x0400...0x0481, 0x048A...0x052F,
            0x0621...0x064A, 0x066E...0x066F, 0x0671...0x06D3, 0x06D5, 0x1EA0...0x1EF9:
            true
        case 0..<0x80: false
        default: properties.isAlphabetic
        }
    }

    /// The Persian letter Iranian text means when it holds an Arabic one: Arabic yeh `ي`
    /// and alef maksura `ى` are Persian yeh `ی`, Arabic kaf `ك` is Persian kaf `ک`.
    /// Keyboards and old systems mix them freely, so the same word is spelled with either;
    /// `nil` for every other scalar. Shared by ``TextTransform/slug(_:)`` and
    /// ``TextTransform/persian(_:)`` so that ids and names fold the same way.
    @inline(__always)
    var persianLetterForm: Unicode.Scalar? {
        switch value {
        case 0x064A, 0x0649: "\u{06CC}"
        case 0x0643: "\u{06A9}"
        default: nil
        }
    }
}
