extension JSONReader {
    /// Reads a number's text into `text` and checks it against the RFC 8259 grammar.
    mutating func readNumber() throws {
        textBytes.removeAll()
        textHasReplacements = false
        let wasDiscarding = discarding
        // A number's text is needed to check it, even while skipping.
        discarding = false
        defer { discarding = wasDiscarding }
        while true {
            if position == count, !(try refill()) { break }
            let base = chunk.base
            var index = position
            while index < count, JSONByte.isNumberByte(base[index]) { index &+= 1 }
            try appendText(base + position, index - position)
            position = index
            if index < count { break }
        }
        guard textBytes.withUnsafeBufferPointer({ Self.isValidNumber($0) }) else {
            throw failure(.syntax, "'\(textString)' is not a valid JSON number", at: tokenOffset)
        }
    }

    /// Reads `true`, `false` or `null`, whose first byte has been seen.
    mutating func readLiteral(_ word: [UInt8]) throws {
        _ = try ensure(word.count)
        let available = min(count - position, word.count)
        for index in 0..<available where chunk.base[position + index] != word[index] {
            throw failure(.syntax, "expected '\(String(decoding: word, as: UTF8.self))', found \(Self.describe(chunk.base[position + index]))", at: offset + index)
        }
        guard available == word.count else { throw unexpectedEnd(expecting: "'\(String(decoding: word, as: UTF8.self))'") }
        position += word.count
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`
    static func isValidNumber(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let end = text.count
        func digits() -> Int {
            let start = index
            while index < end, text[index] >= JSONByte.zero, text[index] <= JSONByte.nine { index += 1 }
            return index - start
        }
        if index < end, text[index] == JSONByte.minus { index += 1 }
        guard index < end else { return false }
        if text[index] == JSONByte.zero {
            index += 1
        } else if digits() == 0 {
            return false
        }
        if index < end, text[index] == JSONByte.dot {
            index += 1
            guard digits() > 0 else { return false }
        }
        if index < end, text[index] == 0x65 || text[index] == 0x45 {
            index += 1
            if index < end, text[index] == JSONByte.plus || text[index] == JSONByte.minus { index += 1 }
            guard digits() > 0 else { return false }
        }
        return index == end
    }
}
