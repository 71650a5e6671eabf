/// A ``FieldSpec`` whose source fields are slots of ``FieldSlots``: what ``Mapper`` reads
/// per record.
struct CompiledFieldSpec: Sendable {
    /// A ``FieldSpec/Alternative`` whose source fields are slots.
    indirect enum Alternative: Sendable {
        case field(Int)
        case template(CompiledTemplate)
        case constant(String)
        case collect([Int])
        case conditional(CompiledCondition, Alternative)
        case objects(CompiledCategoryObjects)

        /// Compiles an alternative, giving its source fields slots.
        init(_ alternative: FieldSpec.Alternative, variables: [String: String], slots: inout FieldSlots) {
            switch alternative {
            case .field(let name): self = .field(slots.slot(for: name))
            case .template(let template): self = .template(CompiledTemplate(template, variables: variables, slots: &slots))
            case .constant(let text): self = .constant(text)
            case .collect(let names): self = .collect(names.map { slots.slot(for: $0) })
            case .conditional(let condition, let inner):
                self = .conditional(
                    CompiledCondition(condition, slots: &slots), Alternative(inner, variables: variables, slots: &slots))
            case .objects(let objects): self = .objects(CompiledCategoryObjects(objects, slots: &slots))
            }
        }
    }

    /// The field being filled.
    let field: ProductField
    /// The alternatives, in order of preference.
    let alternatives: [Alternative]
    /// The value used when no alternative gives one.
    let defaultValue: MappedValue?

    /// Compiles a specification for a source's variables, giving its source fields slots.
    init(_ spec: FieldSpec, variables: [String: String], slots: inout FieldSlots) {
        field = spec.field
        alternatives = spec.alternatives.map { Alternative($0, variables: variables, slots: &slots) }
        defaultValue = spec.defaultValue.map(MappedValue.text)
    }
}
