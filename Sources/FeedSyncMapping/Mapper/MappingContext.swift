import Foundation

/// What a mapper knows besides the record: the source's variables and the run's time.
public struct MappingContext: Sendable {
    /// Variables templates can use (`base_url`).
    public var variables: [String: String]
    /// The time given to products whose source has no creation or update time.
    public var now: Date

    /// Creates a context.
    public init(variables: [String: String] = [:], now: Date = Date()) {
        self.variables = variables
        self.now = now
    }

    /// `template` with every `{{name}}` replaced by the variable of that name.
    /// - Returns: `nil` when the template uses a variable the source does not set.
    func fill(_ template: String) -> String? {
        guard template.contains("{{") else { return template }
        var filled = template
        for (name, value) in variables where filled.contains("{{\(name)}}") {
            filled = filled.replacingOccurrences(of: "{{\(name)}}", with: value)
        }
        return filled.contains("{{") ? nil : filled
    }
}
