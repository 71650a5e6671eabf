/// A ``FilterCondition`` whose field is a slot of ``FieldSlots``.
struct CompiledCondition: Sendable {
    /// The slot of the condition's field.
    let slot: Int
    /// The comparison.
    let test: FilterCondition.Test

    /// Compiles a condition, giving its field a slot.
    init(_ condition: FilterCondition, slots: inout FieldSlots) {
        slot = slots.slot(for: condition.field)
        test = condition.test
    }
}
