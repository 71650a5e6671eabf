extension JSONReader {
    /// Reads the next chunk once every byte of the current one is used.
    /// - Returns: `false` at the end of the stream.
    mutating func refill() throws -> Bool {
        if reachedEnd { return false }
        chunkOffset += count
        position = 0
        count = 0
        let read = try stream.read(into: UnsafeMutableRawBufferPointer(start: chunk.base, count: chunk.capacity))
        if read == 0 {
            reachedEnd = true
            return false
        }
        count = read
        return true
    }

    /// Makes at least `needed` unread bytes contiguous in the chunk (an escape or a UTF-8
    /// sequence split across two reads), moving the unread tail to the front if needed.
    /// - Returns: `false` when the stream ends first; the bytes there are still readable.
    mutating func ensure(_ needed: Int) throws -> Bool {
        if count - position >= needed { return true }
        if reachedEnd { return false }
        let tail = count - position
        if position > 0 {
            // `update(from:count:)` copies correctly when the ranges overlap.
            chunk.base.update(from: chunk.base + position, count: tail)
            chunkOffset += position
            position = 0
            count = tail
        }
        while count < needed {
            let read = try stream.read(
                into: UnsafeMutableRawBufferPointer(start: chunk.base + count, count: chunk.capacity - count))
            if read == 0 {
                reachedEnd = true
                return false
            }
            count += read
        }
        return true
    }

    /// Skips spaces, tabs and line breaks, counting lines.
    /// - Returns: the next byte, not consumed, or `nil` at the end of the stream.
    @inline(__always)
    mutating func skipWhitespace() throws -> UInt8? {
        // Compact JSON has no white space between tokens: answer that case inline.
        if position < count {
            let byte = chunk.base[position]
            if byte > JSONByte.space { return byte }
        }
        return try skipWhitespaceRun()
    }

    /// ``skipWhitespace()`` where there is white space, or the chunk is used up.
    private mutating func skipWhitespaceRun() throws -> UInt8? {
        while true {
            if position == count, !(try refill()) { return nil }
            let base = chunk.base
            var index = position
            let end = count
            while index < end {
                let byte = base[index]
                if byte == JSONByte.space || byte == JSONByte.tab || byte == JSONByte.carriageReturn {
                    index &+= 1
                } else if byte == JSONByte.lineFeed {
                    index &+= 1
                    line &+= 1
                    lineStart = chunkOffset &+ index
                } else {
                    position = index
                    return byte
                }
            }
            position = index
        }
    }

    /// Skips a UTF-8 byte order mark; refuses UTF-16 text with a message that helps.
    mutating func skipByteOrderMark() throws {
        _ = try ensure(3)
        let available = count - position
        let base = chunk.base + position
        if available >= 3, base[0] == 0xEF, base[1] == 0xBB, base[2] == 0xBF {
            position += 3
        } else if available >= 2, (base[0] == 0xFF && base[1] == 0xFE) || (base[0] == 0xFE && base[1] == 0xFF) {
            throw failure(.invalidText, "the document is UTF-16 text (it starts with a UTF-16 byte order mark); name its encoding (utf-16) in the mapping")
        }
    }
}
