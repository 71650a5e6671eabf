/// A text encoding a feed may be written in; everything is turned into UTF-8 before a
/// reader sees it.
public enum TextEncoding: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// UTF-8 (the default; a byte order mark is allowed and dropped by the readers).
    case utf8 = "utf-8"
    /// UTF-16 whose byte order mark (FF FE or FE FF) says the byte order; a file without
    /// one is refused, because guessing the order would garble every character.
    case utf16 = "utf-16"
    /// UTF-16, little-endian, with or without a byte order mark.
    case utf16LE = "utf-16le"
    /// UTF-16, big-endian, with or without a byte order mark.
    case utf16BE = "utf-16be"
    /// Windows-1252 (Western European; what most files labelled Latin-1 really are).
    case windows1252 = "windows-1252"
    /// ISO-8859-1 (Latin-1), byte for byte.
    case isoLatin1 = "iso-8859-1"
    /// Windows-1256 (Arabic and Persian).
    case windows1256 = "windows-1256"
    /// Windows-1258 (Vietnamese; tone marks come out as combining characters, not
    /// composed, which is how the code page stores them).
    case windows1258 = "windows-1258"

    /// Finds an encoding by one of its usual names, ignoring case, `-` and `_`:
    /// `utf-8`, `utf8`, `utf-16`, `utf-16le`, `utf-16be`, `windows-1252`, `cp1252`,
    /// `iso-8859-1`, `latin1`, `windows-1256`, `cp1256`, `windows-1258`, `cp1258`.
    /// - Parameter name: the name as written in a mapping.
    /// - Returns: the encoding, or `nil` when the name is not known.
    public init?(name: String) {
        let key = String(name.lowercased().filter { $0 != "-" && $0 != "_" && $0 != " " })
        switch key {
        case "utf8": self = .utf8
        case "utf16": self = .utf16
        case "utf16le": self = .utf16LE
        case "utf16be": self = .utf16BE
        case "windows1252", "cp1252": self = .windows1252
        case "iso88591", "latin1", "l1": self = .isoLatin1
        case "windows1256", "cp1256": self = .windows1256
        case "windows1258", "cp1258": self = .windows1258
        default: return nil
        }
    }

    /// The encoding's canonical name, e.g. `windows-1256`.
    public var description: String { rawValue }

    /// The scalars of bytes 0x80 to 0xFF, for the single-byte encodings.
    var upperHalf: [UInt16]? {
        switch self {
        case .windows1252: SingleByteTables.windows1252
        case .windows1256: SingleByteTables.windows1256
        case .windows1258: SingleByteTables.windows1258
        case .isoLatin1: (0x80...0xFF).map { UInt16($0) }
        case .utf8, .utf16, .utf16LE, .utf16BE: nil
        }
    }
}
