extension CSVDialect {
    /// A CSV field separator.
    ///
    /// Only the four separators shop systems actually write are offered; each is a single
    /// ASCII byte, which is what lets the reader scan bytes without decoding text.
    public enum Delimiter: Sendable, Hashable, CaseIterable, CustomStringConvertible {
        /// Detect the separator from the first line (see ``detect(inFirstLineOf:)``).
        case auto
        /// `,` — the RFC 4180 default (WooCommerce, Shopify, Magento, Meta catalogs).
        case comma
        /// `;` — common where `,` is the decimal separator (PrestaShop, Shopware, Excel in
        /// much of Europe).
        case semicolon
        /// A tab character (Google Merchant Center `.tsv`/`.txt` feeds).
        case tab
        /// `|`.
        case pipe

        /// The separators ``detect(inFirstLineOf:)`` chooses from, in the order ties are
        /// broken.
        public static let candidates: [Delimiter] = [.comma, .semicolon, .tab, .pipe]

        /// Reads a delimiter as a configuration file writes it.
        ///
        /// Accepts the character itself (`,` `;` `|`, a tab or `\t`) or its name (`comma`,
        /// `semicolon`, `tab`, `pipe`, `auto`), ignoring case.
        /// - Parameter text: the configured value.
        /// - Returns: `nil` when `text` names no supported delimiter.
        public init?(_ text: String) {
            switch text.lowercased() {
            case "auto": self = .auto
            case ",", "comma": self = .comma
            case ";", "semicolon": self = .semicolon
            case "\t", "\\t", "tab": self = .tab
            case "|", "pipe": self = .pipe
            default: return nil
            }
        }

        /// The separator's byte, or `nil` for ``auto``.
        public var byte: UInt8? {
            switch self {
            case .auto: nil
            case .comma: UInt8(ascii: ",")
            case .semicolon: UInt8(ascii: ";")
            case .tab: UInt8(ascii: "\t")
            case .pipe: UInt8(ascii: "|")
            }
        }

        /// The name used in configuration files and messages: `comma`, `tab`, ...
        public var description: String {
            switch self {
            case .auto: "auto"
            case .comma: "comma"
            case .semicolon: "semicolon"
            case .tab: "tab"
            case .pipe: "pipe"
            }
        }

        /// Picks the separator that occurs most often, outside quotes, in the first line of
        /// `bytes`.
        ///
        /// A header line is the best evidence: column names rarely contain separators,
        /// while values (prices like `1,5`, category paths like `A|B`) often do. Ties go to
        /// the earlier of ``candidates``, so a one-column file reads as comma-separated.
        /// - Parameter bytes: the start of the file, without a byte order mark; only bytes
        ///   up to the first line break outside quotes are counted.
        /// - Returns: one of ``candidates``, never ``auto``.
        public static func detect(inFirstLineOf bytes: UnsafeBufferPointer<UInt8>) -> Delimiter {
            var counts = (comma: 0, semicolon: 0, tab: 0, pipe: 0)
            var inQuotes = false
            scan: for byte in bytes {
                switch byte {
                case UInt8(ascii: "\""): inQuotes.toggle()
                case UInt8(ascii: "\n"), UInt8(ascii: "\r"): if !inQuotes { break scan }
                case UInt8(ascii: ",") where !inQuotes: counts.comma += 1
                case UInt8(ascii: ";") where !inQuotes: counts.semicolon += 1
                case UInt8(ascii: "\t") where !inQuotes: counts.tab += 1
                case UInt8(ascii: "|") where !inQuotes: counts.pipe += 1
                default: break
                }
            }
            var best = Delimiter.comma
            var bestCount = counts.comma
            let others = [(Delimiter.semicolon, counts.semicolon), (.tab, counts.tab), (.pipe, counts.pipe)]
            for (candidate, count) in others
            where count > bestCount {
                best = candidate
                bestCount = count
            }
            return best
        }
    }
}
