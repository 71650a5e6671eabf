import FeedSyncCore
import Testing

@Suite("XXH64")
struct XXH64Tests {
    /// Expected values from the reference implementation: `printf '%s' TEXT | xxhsum -H64` (xxHash 0.8.1).
    @Test("matches the reference implementation on every length class", arguments: [
        ("", 0xEF46_DB37_51D8_E999 as UInt64),
        ("a", 0xD24E_C4F1_A98C_6E5B),
        ("abc", 0x44BC_2CF5_AD77_0999),
        ("Nobody inspects the spammish repetition", 0xFBCE_A83C_8A37_8BF1),
        ("0123456789012345678901234567890123456789012345678901234567890123456789", 0x4916_A0F3_F0E1_C781),
    ])
    func referenceValues(_ text: String, _ expected: UInt64) {
        #expect(XXH64.hash(Array(text.utf8)) == expected)
    }

    @Test("a buffer and the same bytes as an array hash alike")
    func bufferAndArrayAgree() {
        let bytes = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let fromBuffer = bytes.withUnsafeBytes { XXH64.hash($0) }
        #expect(fromBuffer == XXH64.hash(bytes))
        #expect(XXH64.hash(Array(bytes.dropLast())) != fromBuffer)
    }
}
