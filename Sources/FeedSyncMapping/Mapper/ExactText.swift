import Foundation

/// Text hashed and compared by its UTF-8 bytes, as a key for a cache in front of one keyed
/// by `String`.
///
/// Hashing a non-ASCII `String` normalizes it first (about 4,000 instructions for a
/// Persian category cell); hashing its bytes costs a tenth of that. Byte equality is
/// stricter than `String`'s canonical equivalence, so such a cache may miss where the
/// `String` one hits, never answer differently.
struct ExactText: Hashable {
    let text: String

    static func == (lhs: ExactText, rhs: ExactText) -> Bool {
        sameBytes(lhs.text, rhs.text)
    }

    /// Whether two strings have the same UTF-8 bytes (no normalization).
    static func sameBytes(_ lhs: String, _ rhs: String) -> Bool {
        // Native strings know their UTF-8 length: texts of other lengths differ at once.
        guard lhs.utf8.count == rhs.utf8.count else { return false }
        if let same = lhs.utf8.withContiguousStorageIfAvailable({ left in
            rhs.utf8.withContiguousStorageIfAvailable { right in
                guard let leftStart = left.baseAddress, let rightStart = right.baseAddress else { return true }
                return memcmp(leftStart, rightStart, left.count) == 0
            }
        }), let same {
            return same
        }
        return lhs.utf8.elementsEqual(rhs.utf8)
    }

    func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
