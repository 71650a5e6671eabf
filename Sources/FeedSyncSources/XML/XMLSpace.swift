/// XML's white space: space, tab, line feed, carriage return.
enum XMLSpace {
    @inline(__always)
    static func contains(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
    }
}
