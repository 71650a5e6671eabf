/// A ``Template`` whose references are slots of ``FieldSlots``, with the source's
/// variables already filled in.
///
/// A variable such as `base_url` is the same for every record, so its filtered text is
/// worked out once and joined with the literals around it.
struct CompiledTemplate: Sendable {
    /// One piece of a compiled template.
    enum Part: Sendable {
        case literal(String)
        case reference(slot: Int, filters: [TemplateFilter])
    }

    /// The pieces, in order, adjacent literals joined.
    let parts: [Part]
    /// Whether a variable of the template is empty once filtered, so that the template
    /// never gives a value.
    let yieldsNothing: Bool

    /// Compiles a template for a source's variables, giving its field references slots.
    init(_ template: Template, variables: [String: String], slots: inout FieldSlots) {
        var parts: [Part] = []
        var yieldsNothing = false
        func append(literal text: String) {
            if case .literal(let previous)? = parts.last {
                parts[parts.count - 1] = .literal(previous + text)
            } else {
                parts.append(.literal(text))
            }
        }
        for part in template.parts {
            switch part {
            case .literal(let text):
                append(literal: text)
            case .reference(let name, let filters):
                if let variable = variables[name] {
                    // A variable wins over a source field of the same name, as the template says.
                    let text = filters.reduce(variable) { ValueTransformer.filter($1, $0) }
                    if text.isEmpty { yieldsNothing = true }
                    append(literal: text)
                } else {
                    parts.append(.reference(slot: slots.slot(for: name), filters: filters))
                }
            }
        }
        self.parts = parts
        self.yieldsNothing = yieldsNothing
    }
}
