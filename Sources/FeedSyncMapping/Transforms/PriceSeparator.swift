/// A character that can sit between the digits of a price.
enum PriceSeparator: UInt8, Sendable, CaseIterable {
    /// `.`: decimal or thousands, depending on the locale.
    case dot
    /// `,`: decimal or thousands, depending on the locale.
    case comma
    /// `٫` (U+066B): always decimal.
    case arabicDecimal
    /// `٬` (U+066C): always thousands.
    case arabicThousands
    /// `'` or `’`: always thousands (Swiss `1'234.50`).
    case apostrophe
    /// A space, no-break space, narrow no-break space, thin space or figure space: always
    /// thousands (French `1 234,56`).
    case space

    @inline(__always)
    init?(_ scalar: Unicode.Scalar) {
        switch scalar.value {
        case 0x2E: self = .dot
        case 0x2C: self = .comma
        case 0x066B: self = .arabicDecimal
        case 0x066C: self = .arabicThousands
        case 0x27, 0x2019: self = .apostrophe
        case 0x20, 0xA0, 0x202F, 0x2009, 0x2007: self = .space
        default: return nil
        }
    }

    /// Whether a number may start with this separator (`.5`, `,5`, `٫۵`).
    var canStartNumber: Bool {
        switch self {
        case .dot, .comma, .arabicDecimal: true
        case .arabicThousands, .apostrophe, .space: false
        }
    }

    /// Whether the locale decides this separator's role; the others have a fixed one.
    var isLocaleDependent: Bool { self == .dot || self == .comma }

    /// How the separator is named in error messages.
    var displayName: String {
        switch self {
        case .dot: "'.'"
        case .comma: "','"
        case .arabicDecimal: "'٫'"
        case .arabicThousands: "'٬'"
        case .apostrophe: "an apostrophe"
        case .space: "a space"
        }
    }
}
