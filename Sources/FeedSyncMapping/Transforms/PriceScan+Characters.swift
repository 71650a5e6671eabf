/// The character classes and messages of a price scan.
extension PriceScan {
    /// Numbers beyond the fast path (above 2^53 or over 22 decimals) are rare, so
    /// building an ASCII string for the standard library's correctly rounded parser is fine.
    static func slowValue(_ token: Substring.UnicodeScalarView, decimal: PriceSeparator?) -> Double {
        var ascii = ""
        for scalar in token {
            if let digit = scalar.feedDigitValue {
                ascii.unicodeScalars.append(Unicode.Scalar(48 + digit))
            } else if PriceSeparator(scalar) == decimal {
                ascii.append(".")
            }
        }
        return Double(ascii) ?? .infinity
    }

    /// Reminds the reader of the declared locale, the usual cause of separator errors.
    static func hint(_ locale: NumberLocale) -> String {
        switch locale {
        case .auto: ""
        case .dotDecimal: "; the mapping declares dot-decimal numbers (1,234.56)"
        case .commaDecimal: "; the mapping declares comma-decimal numbers (1.234,56)"
        }
    }

    static func isMinus(_ scalar: Unicode.Scalar) -> Bool {
        // '-', '−' (minus sign), '–' (en dash).
        scalar == "-" || scalar.value == 0x2212 || scalar.value == 0x2013
    }

    /// Whether `scalar` may surround the number: letters and marks of currency words and
    /// codes in any script, currency symbols, spaces, invisible format marks, and the
    /// punctuation of "Rs.", "руб." or "Price: …".
    static func isCurrencyText(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 {
            switch value {
            case 0x41...0x5A, 0x61...0x7A: return true  // A-Z, a-z
            case 0x20, 0x09, 0x0A, 0x0D: return true
            case 0x24, 0x2E, 0x2C, 0x3A, 0x28, 0x29, 0x22, 0x27: return true  // $ . , : ( ) " '
            default: return false
            }
        }
        if scalar.isFeedBlank || scalar.isFeedLetter { return true }
        switch value {
        case 0x20A0...0x20CF, 0xFDFC, 0x2019, 0x066B, 0x066C: return true  // currency signs, ’, ٫, ٬
        default: break
        }
        switch scalar.properties.generalCategory {
        case .currencySymbol, .format, .nonspacingMark, .spacingMark, .enclosingMark, .modifierLetter: return true
        default: return false
        }
    }

    static func describe(_ scalar: Unicode.Scalar) -> String {
        scalar.isFeedBlank ? "invisible character U+\(String(scalar.value, radix: 16, uppercase: true))" : "'\(scalar)'"
    }

    /// The number as written, for the ambiguity message.
    static func number(in text: String, from start: Index, to end: Index) -> String {
        var digits = ""
        for scalar in text.unicodeScalars[start..<end] {
            if let digit = scalar.feedDigitValue {
                digits.unicodeScalars.append(Unicode.Scalar(48 + digit))
            } else {
                digits.unicodeScalars.append(scalar)
            }
        }
        return digits
    }
}
