/// ``CategoryObjects`` whose member fields are slots of ``FieldSlots``.
struct CompiledCategoryObjects: Sendable {
    /// The member fields as the mapping writes them, for messages.
    let source: CategoryObjects
    let cid: Int
    let name: Int
    let url: Int?
    let parentCid: Int?
    let isPrimary: Int?

    /// Compiles category objects, giving their member fields slots.
    init(_ objects: CategoryObjects, slots: inout FieldSlots) {
        source = objects
        cid = slots.slot(for: objects.cid)
        name = slots.slot(for: objects.name)
        url = objects.url.map { slots.slot(for: $0) }
        parentCid = objects.parentCid.map { slots.slot(for: $0) }
        isPrimary = objects.isPrimary.map { slots.slot(for: $0) }
    }
}
