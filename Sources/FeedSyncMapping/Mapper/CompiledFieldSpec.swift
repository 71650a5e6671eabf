/// A ``FieldSpec`` whose source fields are slots of ``FieldSlots``: what ``Mapper`` reads
/// per record.
///
/// A class, like ``Alternative``: the mapper reads each spec and alternative of every
/// record by copying it out of an array, and a copy of a struct retains each of its
/// references (arrays, strings, values), a class only itself.
final class CompiledFieldSpec: Sendable {
    /// Where an alternative's value comes from: a ``FieldSpec/Alternative`` but `when:`.
    enum Source: Sendable {
        case field(Int)
        case template(CompiledTemplate)
        case constant(String)
        case collect([Int])
        case objects(CompiledCategoryObjects)
    }

    /// A ``FieldSpec/Alternative`` with its `when:` conditions taken out of the nesting.
    ///
    /// `when:` nests alternatives in an indirect enum, whose box is retained and released
    /// each time an alternative is read, several times per record; a flat list of
    /// conditions, all of which must hold, says the same without one.
    final class Alternative: Sendable {
        /// The conditions, outermost first.
        let conditions: [CompiledCondition]
        let source: Source

        /// Compiles an alternative, giving its source fields slots.
        init(_ alternative: FieldSpec.Alternative, variables: [String: String], slots: inout FieldSlots) {
            var conditions: [CompiledCondition] = []
            var inner = alternative
            while case .conditional(let condition, let next) = inner {
                conditions.append(CompiledCondition(condition, slots: &slots))
                inner = next
            }
            self.conditions = conditions
            switch inner {
            case .field(let name): source = .field(slots.slot(for: name))
            case .template(let template): source = .template(CompiledTemplate(template, variables: variables, slots: &slots))
            case .constant(let text): source = .constant(text)
            case .collect(let names): source = .collect(names.map { slots.slot(for: $0) })
            case .objects(let objects): source = .objects(CompiledCategoryObjects(objects, slots: &slots))
            // Unreachable: the loop above unwraps every condition. Empty text gives no value.
            case .conditional: source = .constant("")
            }
        }
    }

    /// The field being filled.
    let field: ProductField
    /// The alternatives, in order of preference.
    let alternatives: [Alternative]
    /// The value used when no alternative gives one.
    let defaultValue: MappedValue?
    /// The category objects the field is built from, when its first alternative is them
    /// (`objects:` is never combined with other sources).
    let objects: CompiledCategoryObjects?

    /// Compiles a specification for a source's variables, giving its source fields slots.
    init(_ spec: FieldSpec, variables: [String: String], slots: inout FieldSlots) {
        field = spec.field
        alternatives = spec.alternatives.map { Alternative($0, variables: variables, slots: &slots) }
        defaultValue = spec.defaultValue.map(MappedValue.text)
        if let first = alternatives.first, first.conditions.isEmpty, case .objects(let compiled) = first.source {
            objects = compiled
        } else {
            objects = nil
        }
    }
}
