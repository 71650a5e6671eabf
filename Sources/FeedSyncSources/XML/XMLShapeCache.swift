/// The ``FieldNames`` of each record shape met, so that records with the same fields in
/// the same order share one name table.
///
/// Building a `FieldNames` normalises every name into a dictionary; a feed's records
/// mostly share a few shapes, so each is built once. The cache starts over when a feed
/// with ever-changing shapes has filled it, which keeps memory bounded.
struct XMLShapeCache {
    /// The most field integers all cached shapes may hold together.
    static let limit = 1 << 18

    private var shapes: [[Int32]: FieldNames] = [:]
    private var held = 0
    private var lastShape: [Int32] = []
    private var lastNames: FieldNames?

    /// The names of a record whose fields are `shape`, in order.
    /// - Parameters:
    ///   - shape: the integer of each field, as ``XMLNameTable`` gave them.
    ///   - paths: the path of each integer.
    /// - Returns: a shared name table for that shape.
    mutating func names(for shape: [Int32], paths: [String]) -> FieldNames {
        if let lastNames, shape == lastShape { return lastNames }
        let names: FieldNames
        if let known = shapes[shape] {
            names = known
        } else {
            if held + shape.count > Self.limit { removeAll() }
            names = FieldNames(shape.map { paths[Int($0)] })
            shapes[shape] = names
            held += shape.count
        }
        lastShape = shape
        lastNames = names
        return names
    }

    /// Forgets every shape (when the integers they are made of are reused).
    mutating func removeAll() {
        shapes.removeAll()
        held = 0
        lastShape = []
        lastNames = nil
    }
}
