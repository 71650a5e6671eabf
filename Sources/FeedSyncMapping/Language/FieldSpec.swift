/// How one Product field is filled: where its value comes from and how it is transformed.
public struct FieldSpec: Sendable, Equatable {
    /// One place a value can come from; the first that gives a non-empty value wins.
    public indirect enum Alternative: Sendable, Equatable {
        /// A source field (column, element path, JSON key path).
        case field(String)
        /// A template over source fields and variables.
        case template(Template)
        /// A constant.
        case constant(String)
        /// Every non-empty value of these fields, as a list (`collect:`).
        case collect([String])
        /// Another alternative, used only when the record meets the condition (`when:`).
        case conditional(FilterCondition, Alternative)
        /// Category entities zipped from parallel repeated fields (`objects:`); only for
        /// `categories`, and never combined with other sources or transforms.
        case objects(CategoryObjects)
    }

    /// The field being filled.
    public var field: ProductField
    /// The alternatives, in order of preference.
    public var alternatives: [Alternative]
    /// The transforms applied to the value that was found.
    public var transforms: [TransformStep]
    /// The value used when no alternative gives one.
    public var defaultValue: String?
    /// Whether a source without any of the field's columns is fine (`optional: true`): the
    /// field is then left empty instead of being a configuration error. Presets written for
    /// several versions of an export use it for the columns only some versions have.
    public var isOptional: Bool
    /// The mapping file the field is written in (a base's, for a field it inherits).
    public var file: String
    /// Where the field is written, for errors.
    public var line: Int

    /// Creates a field specification.
    public init(
        field: ProductField, alternatives: [Alternative], transforms: [TransformStep] = [], defaultValue: String? = nil,
        isOptional: Bool = false, file: String = "", line: Int = 0
    ) {
        self.field = field
        self.alternatives = alternatives
        self.transforms = transforms
        self.defaultValue = defaultValue
        self.isOptional = isOptional
        self.file = file
        self.line = line
    }

    /// The source fields this specification reads, for header checks and messages.
    public var sourceFields: [String] {
        var seen: Set<String> = []
        return alternatives.flatMap(\.sourceFields).filter { seen.insert($0).inserted }
    }
}

extension FieldSpec.Alternative {
    /// The source fields this alternative reads, its condition's included.
    public var sourceFields: [String] {
        switch self {
        case .field(let name): return [name]
        case .template(let template): return template.references
        case .constant: return []
        case .collect(let names): return names
        case .conditional(let condition, let alternative): return [condition.field] + alternative.sourceFields
        case .objects(let objects): return objects.fields
        }
    }
}
