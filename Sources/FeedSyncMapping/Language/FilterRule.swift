/// A record-level condition of a mapping's `filter:` section.
public struct FilterCondition: Sendable, Equatable {
    /// What the field's value is compared with.
    public enum Test: Sendable, Equatable {
        /// One of these values (compared without regard to case or surrounding space).
        case oneOf([String])
        /// Empty (`true`) or non-empty (`false`).
        case empty(Bool)
    }

    /// The source field.
    public var field: String
    /// The comparison.
    public var test: Test
    /// Whether a source without the field is fine (`optional: true`): the condition is then
    /// never met. Presets written for several versions of an export use it; elsewhere a
    /// missing field is a configuration error, since it is most often a typo.
    public var isOptional: Bool
    /// The mapping file the condition is written in, for errors.
    public var file: String
    /// The line it is written at.
    public var line: Int

    /// Creates a condition.
    public init(field: String, test: Test, isOptional: Bool = false, file: String = "", line: Int = 0) {
        self.field = field
        self.test = test
        self.isOptional = isOptional
        self.file = file
        self.line = line
    }
}

/// Which records a mapping drops before mapping them (counted as filtered, not rejected).
public struct RecordFilter: Sendable, Equatable {
    /// A record matching any of these is dropped.
    public var drop: [FilterCondition]
    /// When not empty, a record must match all of these to be kept.
    public var keep: [FilterCondition]

    /// Creates a filter.
    public init(drop: [FilterCondition] = [], keep: [FilterCondition] = []) {
        self.drop = drop
        self.keep = keep
    }
}
