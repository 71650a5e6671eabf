/// What ``TextTransform/slug(_:)`` does with one scalar.
///
/// Unicode property lookups cost tens of nanoseconds each, so the scripts catalogs use
/// most (ASCII, Latin-1, Cyrillic, Arabic/Persian, Vietnamese) are classified by range and
/// only other scripts ask the property tables.
enum SlugClass {
    /// A letter or digit to keep, already in lower case (and Persian/ASCII form).
    case lowercase(Unicode.Scalar)
    /// A letter whose lower case is not a single known scalar: use its lowercase mapping.
    case letterNeedingLowercase
    /// Anything else: becomes part of a `-` run unless it is a mark after a kept letter.
    case other

    @inline(__always)
    init(_ scalar: Unicode.Scalar) {
        let value = scalar.value
        switch value {
        case 0x61...0x7A, 0x30...0x39:
            self = .lowercase(scalar)
        case 0x41...0x5A, 0xC0...0xD6, 0xD8...0xDE, 0x0410...0x042F:
            self = Self.shifted(value, by: 0x20)
        case 0x0400...0x040F:
            self = Self.shifted(value, by: 0x50)
        case 0xDF...0xF6, 0xF8...0xFF, 0x0430...0x045F:
            self = .lowercase(scalar)
        case 0x1EA0...0x1EF9:
            // Vietnamese precomposed letters come in upper/lower pairs, upper case first.
            self = Self.shifted(value, by: value & 1 == 0 ? 1 : 0)
        case 0x0621...0x063A, 0x0641...0x064A, 0x0671...0x06D3:
            // Arabic yeh, alef maksura and kaf become their Persian forms.
            self = .lowercase(scalar.persianLetterForm ?? scalar)
        default:
            if let digit = scalar.feedDigitValue {
                self = .lowercase(Unicode.Scalar(48 + digit))
            } else if value < 0x80 {
                self = .other
            } else {
                let properties = scalar.properties
                if !properties.isAlphabetic {
                    self = .other
                } else if properties.changesWhenLowercased {
                    self = .letterNeedingLowercase
                } else {
                    self = .lowercase(scalar)
                }
            }
        }
    }

    private static func shifted(_ value: UInt32, by offset: UInt32) -> SlugClass {
        guard let lower = Unicode.Scalar(value + offset) else { return .other }
        return .lowercase(lower)
    }
}
