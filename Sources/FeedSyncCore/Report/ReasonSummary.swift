/// Rejections and warnings counted by kind, field and reason, so a report of a million
/// records says "price: 12,408 × ambiguous" rather than listing them.
///
/// The reason is grouped with the values taken out of it: text in quotes becomes `"…"`
/// or `'…'` and numbers become `N`, so `price "1.234": ambiguous…` and `price "9.876":
/// ambiguous…` count together, as do `row has 3 fields` and `row has 4 fields`. Each
/// entry keeps the first full reason and where it was seen, as an example.
///
/// At most ``maximumEntries`` groups are kept; further distinct reasons are counted in one
/// `other reasons` entry per kind, so the summary stays small and nothing goes uncounted.
public struct ReasonSummary: Sendable, Codable, Equatable {
    /// The most distinct groups kept.
    public static let maximumEntries = 200

    /// Whether an entry counts rejections or warnings.
    public enum Kind: String, Sendable, Codable {
        case rejected, warning
    }

    /// One group of findings.
    public struct Entry: Sendable, Codable, Equatable {
        /// Rejections or warnings.
        public var kind: Kind
        /// The field concerned, when the findings name one.
        public var field: String?
        /// The reason with its values taken out.
        public var reason: String
        /// How many findings the group has.
        public var count: Int
        /// The first finding's full reason.
        public var example: String
        /// Where the first finding is (`file:line (record N)`).
        public var first: String
    }

    /// The groups, in the order first met.
    public private(set) var entries: [Entry] = []
    private var index: [String: Int] = [:]

    /// Creates an empty summary.
    public init() {}

    /// Reads the JSON array ``encode(to:)`` writes.
    public init(from decoder: any Decoder) throws {
        entries = try decoder.singleValueContainer().decode([Entry].self)
        for (position, entry) in entries.enumerated() {
            index[Self.key(entry.kind, entry.field, entry.reason)] = position
        }
    }

    /// Writes the entries as a JSON array, in the order first met.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(entries)
    }

    /// The groups, most findings first (ties in the order first met).
    public var byCount: [Entry] {
        entries.enumerated().sorted { ($0.element.count, $1.offset) > ($1.element.count, $0.offset) }.map(\.element)
    }

    /// Counts one finding.
    public mutating func count(_ finding: some RecordFinding, as kind: Kind) {
        var reason = Self.withoutValues(finding.reason)
        var field = finding.field
        var key = Self.key(kind, field, reason)
        if index[key] == nil, index.count >= Self.maximumEntries {
            reason = "other reasons"
            field = nil
            key = Self.key(kind, field, reason)
        }
        if let position = index[key] {
            entries[position].count += 1
            return
        }
        index[key] = entries.count
        entries.append(Entry(
            kind: kind, field: field, reason: reason, count: 1, example: finding.reason, first: finding.location.description))
    }

    private static func key(_ kind: Kind, _ field: String?, _ reason: String) -> String {
        "\(kind.rawValue)\u{0}\(field ?? "")\u{0}\(reason)"
    }

    /// The reason with quoted text replaced by `"…"`/`'…'` and numbers by `N`.
    public static func withoutValues(_ reason: String) -> String {
        var output = String.UnicodeScalarView()
        var quote: Unicode.Scalar?
        var inNumber = false
        for scalar in reason.unicodeScalars {
            if let open = quote {
                if scalar == open {
                    output.append("…")
                    output.append(scalar)
                    quote = nil
                }
                continue
            }
            if scalar == "\"" || (scalar == "'" && !(output.last.map(Self.isLetter) ?? false)) {
                quote = scalar
                inNumber = false
                output.append(scalar)
                continue
            }
            let isDigit = scalar.value >= 0x30 && scalar.value <= 0x39
            if isDigit || (inNumber && (scalar == "." || scalar == ",")) {
                if !inNumber { output.append("N") }
                inNumber = isDigit || inNumber
                continue
            }
            inNumber = false
            output.append(scalar)
        }
        // An unclosed quote keeps what followed it out: it is most likely a value.
        if let open = quote {
            output.append("…")
            output.append(open)
        }
        return String(output)
    }

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic
    }
}
