import CByteSearch
import Testing

/// The C helpers behind the CSV scanner and the JSON writer, checked against plain loops.
struct ByteSearchTests {
    @Test("a copy of any length from 0 to 40 writes exactly those bytes and nothing around them")
    func copyWritesExactly() {
        let source = (0..<64).map { UInt8($0 + 1) }
        for count in 0...40 {
            var destination = [UInt8](repeating: 0xEE, count: 64)
            source.withUnsafeBufferPointer { from in
                destination.withUnsafeMutableBufferPointer { to in
                    guard let start = from.baseAddress, let target = to.baseAddress else { return }
                    cbs_copy(target + 8, start + 3, count)
                }
            }
            let expected = [UInt8](repeating: 0xEE, count: 8) + source[3..<(3 + count)]
                + [UInt8](repeating: 0xEE, count: 64 - 8 - count)
            #expect(destination == expected, "count \(count)")
        }
    }

    @Test("the four-byte search finds the first of its bytes at every offset of three blocks, or the end")
    func firstOfFourAtEveryOffset() {
        for offset in 0...48 {
            var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 48)
            if offset < 48 { bytes[offset] = UInt8(ascii: ",") }
            let found = bytes.withUnsafeBufferPointer { buffer in
                buffer.baseAddress.map { cbs_first_of4($0, 0, 48, 0x2C, 0x0A, 0x0D, 0x22) } ?? -1
            }
            #expect(found == offset, "offset \(offset)")
        }
    }
}
