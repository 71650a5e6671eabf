/// Which character a feed uses as its decimal separator.
///
/// `1,234` is one thousand two hundred thirty-four in an English export and one point
/// two three four in a German one; nothing in the value says which. A mapping declares the
/// convention so such values are read the way the shop meant them. With ``auto`` a value
/// that could be read both ways is refused rather than guessed.
public enum NumberLocale: String, Sendable, Hashable, CaseIterable {
    /// Decides per value; a value with a single `.` or `,` followed by exactly three digits
    /// (`1.234`, `1,234`) is refused as ambiguous.
    case auto
    /// `.` is the decimal separator, `,` groups thousands: `1,234.56`.
    case dotDecimal = "dot-decimal"
    /// `,` is the decimal separator, `.` groups thousands: `1.234,56`.
    case commaDecimal = "comma-decimal"

    /// Reads the name a mapping file uses.
    ///
    /// Accepts the raw values (`auto`, `dot-decimal`, `comma-decimal`) and the short forms
    /// `dot` and `comma`, ignoring case.
    /// - Parameter name: the name as written in the mapping file.
    /// - Returns: the locale, or `nil` when the name is not one of those.
    public init?(name: String) {
        switch name.lowercased() {
        case "auto": self = .auto
        case "dot-decimal", "dot_decimal", "dot": self = .dotDecimal
        case "comma-decimal", "comma_decimal", "comma": self = .commaDecimal
        default: return nil
        }
    }
}
