/// The field names of the records read so far, each built once.
///
/// Inside a record every field is a small integer; its string, a path such as
/// `shipping/g:price` or `g:price/@currency`, is built the first time that name is met
/// under that parent, so reading a million records builds a handful of strings.
///
/// Names are keyed by the addresses of the strings libxml2 hands out: SAX2 reports local
/// names, prefixes and namespace URIs interned in the parser's dictionary (`ctxt->dict`,
/// through `xmlDictLookup`; `ctxt->dictNames` only decides whether tree nodes reuse them),
/// and a dictionary string stays at its address until the dictionary is freed with the
/// parser. So while the parser lives one address is one string; the table lives exactly as
/// long as its parser (both belong to one ``XMLPushParser``). A small direct-mapped cache
/// in front of the dictionary answers the names a feed repeats in every record without
/// hashing.
///
/// A feed whose element names never repeat (ids as names) would grow the table without
/// end, so the record reader empties it between records once it holds ``limit`` names.
struct XMLNameTable {
    /// The parent of the record element's own attributes and children.
    static let recordRoot: Int32 = -1
    /// How many names the table holds before it may start over.
    static let limit = 50_000

    private struct Key: Hashable {
        var parent: Int32
        var isAttribute: Bool
        var local: UInt
        var namespace: UInt
    }

    private struct Slot {
        var key = Key(parent: .min, isAttribute: false, local: 0, namespace: 0)
        var id: Int32 = 0
    }

    private static let slotBits = 9
    private var slots = [Slot](repeating: Slot(), count: 1 << slotBits)
    private var ids: [Key: Int32] = [:]
    /// The path of each name, by its integer.
    private(set) var paths: [String] = []

    /// The integer for a child element or attribute met before.
    /// - Parameters:
    ///   - parent: the enclosing element's integer, or ``recordRoot``.
    ///   - isAttribute: whether this is an attribute (its path gets an `@`).
    ///   - local: the local name, as the parser reported it.
    ///   - namespace: the namespace URI, as the parser reported it, or `nil` for none.
    /// - Returns: the name's integer, an index into ``paths``, or `nil` for a new name.
    @inline(__always)
    mutating func id(
        parent: Int32, isAttribute: Bool, local: UnsafePointer<UInt8>, namespace: UnsafePointer<UInt8>?
    ) -> Int32? {
        let key = Self.key(parent, isAttribute, local, namespace)
        let slot = Self.slot(for: key)
        if slots[slot].key == key { return slots[slot].id }
        guard let id = ids[key] else { return nil }
        slots[slot] = Slot(key: key, id: id)
        return id
    }

    /// Adds a name not met before.
    /// - Parameters:
    ///   - parent: the enclosing element's integer, or ``recordRoot``.
    ///   - isAttribute: whether this is an attribute (its path gets an `@`).
    ///   - local: the local name, as the parser reported it.
    ///   - namespace: the namespace URI, as the parser reported it, or `nil` for none.
    ///   - qualifiedName: `prefix:local` or `local`.
    /// - Returns: the new name's integer.
    mutating func add(
        parent: Int32, isAttribute: Bool, local: UnsafePointer<UInt8>, namespace: UnsafePointer<UInt8>?,
        qualifiedName: String
    ) -> Int32 {
        let key = Self.key(parent, isAttribute, local, namespace)
        let base = parent == Self.recordRoot ? "" : paths[Int(parent)] + "/"
        let id = Int32(paths.count)
        paths.append(base + (isAttribute ? "@" : "") + qualifiedName)
        ids[key] = id
        slots[Self.slot(for: key)] = Slot(key: key, id: id)
        return id
    }

    /// Whether the table has grown past ``limit``.
    var isFull: Bool { paths.count >= Self.limit }

    /// Forgets every name; integers handed out before must not be used after this.
    mutating func removeAll() {
        slots = [Slot](repeating: Slot(), count: 1 << Self.slotBits)
        ids.removeAll()
        paths.removeAll()
    }

    private static func key(
        _ parent: Int32, _ isAttribute: Bool, _ local: UnsafePointer<UInt8>, _ namespace: UnsafePointer<UInt8>?
    ) -> Key {
        Key(parent: parent, isAttribute: isAttribute, local: UInt(bitPattern: local), namespace: UInt(bitPattern: namespace))
    }

    /// A multiplicative hash of the key, cheap enough to run for every element.
    private static func slot(for key: Key) -> Int {
        var mixed = key.local &* 0x9E37_79B9_7F4A_7C15
        mixed ^= key.namespace &* 0xC2B2_AE3D_27D4_EB4F
        mixed ^= UInt(bitPattern: Int(key.parent) &* 2 + (key.isAttribute ? 1 : 0)) &* 0x1656_67B1_9E37_79F9
        return Int(truncatingIfNeeded: mixed >> UInt(UInt.bitWidth - slotBits))
    }
}
