/// How one Product field is filled: where its value comes from and how it is transformed.
public struct FieldSpec: Sendable {
    /// One place a value can come from; the first that gives a non-empty value wins.
    public enum Alternative: Sendable, Equatable {
        /// A source field (column, element path, JSON key path).
        case field(String)
        /// A template over source fields and variables.
        case template(Template)
        /// A constant.
        case constant(String)
    }

    /// The field being filled.
    public var field: ProductField
    /// The alternatives, in order of preference.
    public var alternatives: [Alternative]
    /// The transforms applied to the value that was found.
    public var transforms: [TransformStep]
    /// The value used when no alternative gives one.
    public var defaultValue: String?
    /// Where the field is written, for errors.
    public var line: Int

    /// Creates a field specification.
    public init(field: ProductField, alternatives: [Alternative], transforms: [TransformStep] = [], defaultValue: String? = nil, line: Int = 0) {
        self.field = field
        self.alternatives = alternatives
        self.transforms = transforms
        self.defaultValue = defaultValue
        self.line = line
    }

    /// The source fields this specification reads, for header checks and messages.
    public var sourceFields: [String] {
        var seen: Set<String> = []
        return alternatives.flatMap { alternative -> [String] in
            switch alternative {
            case .field(let name): return [name]
            case .template(let template): return template.references
            case .constant: return []
            }
        }.filter { seen.insert($0).inserted }
    }
}
