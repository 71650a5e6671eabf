/// Collects one JSON item's values under key-path names (see ``JSONRecordReader``).
///
/// Names are built as bytes on a stack, interned to small integers, and the list of name
/// ids (the item's shape) is looked up in a cache of ``FieldNames``: the items of a feed
/// nearly always share a few shapes, so a record costs no per-name string work and shares
/// its name table with its neighbours.
struct RecordBuilder: Sendable {
    private var name = ByteBuffer()
    /// For each open container of the item, the length of `name` when it opened.
    private var bases: [Int] = []
    private(set) var storage: [UInt8] = []
    private(set) var ends: [Int] = []
    private var shape: [Int] = []
    private var ids: [NameKey: Int] = [:]
    private var names: [String] = []
    /// The bytes of each interned name, to check a predicted id without hashing.
    private var nameBytes: [[UInt8]] = []
    private var lastShape: [Int] = []
    private var lastNames = FieldNames([])
    private var shapes: [[Int]: FieldNames] = [:]
    private let maxBytes: Int
    private let maxFields: Int
    /// Whether the item went over a limit; its values stopped being kept.
    private(set) var overflowed = false

    /// The name of values that have no key path (an item that is a scalar or an array).
    static let unnamed: [UInt8] = Array("value".utf8)
    /// Caches are dropped past these sizes, for feeds whose keys are ids or dates.
    private static let maxNames = 50_000
    private static let maxShapes = 512

    init(maxBytes: Int, maxFields: Int) {
        self.maxBytes = maxBytes
        self.maxFields = maxFields
    }

    /// Starts a new item, keeping the buffers' capacity.
    mutating func begin() {
        name.removeAll()
        bases.removeAll(keepingCapacity: true)
        storage = []
        storage.reserveCapacity(lastStorageSize)
        ends = []
        ends.reserveCapacity(lastShape.count)
        shape.removeAll(keepingCapacity: true)
        guess = 0
        overflowed = false
        if names.count >= Self.maxNames {
            // Between items no shape refers to the ids, so the tables can start afresh.
            ids.removeAll(keepingCapacity: true)
            names.removeAll(keepingCapacity: true)
            nameBytes.removeAll(keepingCapacity: true)
            shapes.removeAll(keepingCapacity: true)
            lastShape = []
            lastNames = FieldNames([])
        }
    }

    private var lastStorageSize = 256

    /// An object or array of the item opens.
    mutating func open() {
        bases.append(name.count)
    }

    /// An object or array of the item closes.
    mutating func close() {
        if let base = bases.popLast() { name.truncate(to: base) }
    }

    /// A member name inside the innermost (object) container.
    mutating func key(_ key: UnsafeBufferPointer<UInt8>) {
        let base = bases.last ?? 0
        name.truncate(to: base)
        if base > 0 { name.append(JSONByte.slash) }
        if key.contains(where: { $0 == JSONByte.slash || $0 == 0x7E }) {
            // JSON Pointer's escapes keep `a/b` the key apart from `a` then `b`.
            for byte in key {
                switch byte {
                case 0x7E:
                    name.append(0x7E)
                    name.append(JSONByte.zero)
                case JSONByte.slash:
                    name.append(0x7E)
                    name.append(JSONByte.one)
                default: name.append(byte)
                }
            }
        } else {
            name.append(contentsOf: key)
        }
    }

    /// A value under the current name.
    mutating func add(_ value: UnsafeBufferPointer<UInt8>) {
        guard !overflowed else { return }
        guard storage.count + value.count <= maxBytes, ends.count < maxFields else {
            overflowed = true
            return
        }
        storage.append(contentsOf: value)
        ends.append(storage.count)
        // Items of a feed mostly repeat the previous item's names in the same order: check
        // that guess byte for byte before paying for a hash lookup.
        if !name.isEmpty, let id = guessedID() {
            shape.append(id)
        } else {
            shape.append(id(of: name.isEmpty ? Self.unnamed : name.bytes))
        }
    }

    /// The id of ``name`` if it is one of the next few names of the previous item after
    /// the last one guessed right. Looking a few ahead, not only at the same position,
    /// keeps the guesses right after an array shorter than the previous item's (three
    /// images after four); after a longer one the cursor waits where it was.
    private mutating func guessedID() -> Int? {
        let end = min(guess + Self.guessWindow, lastShape.count)
        var index = guess
        while index < end {
            if name.equals(nameBytes[lastShape[index]]) {
                guess = index + 1
                return lastShape[index]
            }
            index += 1
        }
        return nil
    }

    /// How many of the previous item's names ``guessedID()`` compares.
    private static let guessWindow = 8
    /// Where in ``lastShape`` the next name is looked for first.
    private var guess = 0

    /// The finished item's names, shared with earlier items of the same shape.
    mutating func fieldNames() -> FieldNames {
        lastStorageSize = max(64, storage.count)
        if shape == lastShape { return lastNames }
        let names: FieldNames
        if let cached = shapes[shape] {
            names = cached
        } else {
            names = FieldNames(shape.map { self.names[$0] })
            if shapes.count >= Self.maxShapes { shapes.removeAll(keepingCapacity: true) }
            shapes[shape] = names
        }
        lastShape = shape
        lastNames = names
        return names
    }

    private mutating func id(of name: [UInt8]) -> Int {
        if let id = ids[NameKey(bytes: name)] { return id }
        let id = names.count
        names.append(String(decoding: name, as: UTF8.self))
        nameBytes.append(name)
        ids[NameKey(bytes: name)] = id
        return id
    }

    /// A name's bytes as a dictionary key, hashed in one `combine(bytes:)`: `[UInt8]`'s
    /// own hash feeds the hasher one byte at a time.
    private struct NameKey: Hashable {
        let bytes: [UInt8]

        func hash(into hasher: inout Hasher) {
            bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
        }
    }
}
