/// The strings met so far, for dropping repeats, compared as `String`s compare
/// (canonical equivalence), exactly as a `Set<String>` would.
///
/// A product has a handful of categories or images, and hashing non-ASCII text means
/// normalizing it: a `Set` cost thousands of instructions per insert where a linear search
/// of a few strings costs tens. Past ``hashingThreshold`` strings a `Set` takes over, so a
/// record with thousands of values stays linear in time.
struct SeenStrings {
    static let hashingThreshold = 32

    private var list: [String] = []
    private var set: Set<String>?

    /// Adds `string`; returns whether it was new.
    mutating func insert(_ string: String) -> Bool {
        if set == nil {
            if list.contains(string) { return false }
            list.append(string)
            if list.count >= Self.hashingThreshold {
                set = Set(list)
                list = []
            }
            return true
        }
        return set?.insert(string).inserted ?? false
    }
}
