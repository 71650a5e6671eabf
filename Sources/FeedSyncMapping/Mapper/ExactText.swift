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
        var left = lhs.text
        var right = rhs.text
        return left.withUTF8 { leftBytes in
            right.withUTF8 { rightBytes in
                guard leftBytes.count == rightBytes.count else { return false }
                guard let leftStart = leftBytes.baseAddress, let rightStart = rightBytes.baseAddress else { return true }
                return memcmp(leftStart, rightStart, leftBytes.count) == 0
            }
        }
    }

    func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
