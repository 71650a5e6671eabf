extension JSONReader {
    /// An error at the next unread byte (or at `offset`, when given).
    func failure(_ problem: JSONReadError.Problem, _ reason: String, at offset: Int? = nil) -> JSONReadError {
        let where_ = offset ?? (chunkOffset + position)
        // Tokens never span lines, so an offset before the current line's start belongs
        // to the token's own line.
        let lineNumber = where_ >= lineStart ? line : tokenLine
        let column = where_ >= lineStart ? where_ - lineStart + 1 : 1
        return JSONReadError(file: file, offset: where_, line: lineNumber, column: column, problem: problem, reason: reason)
    }

    func unexpectedEnd(expecting what: String) -> JSONReadError {
        failure(.syntax, "the document ends too early: expected \(what)")
    }

    /// A byte as a reader should see it in a message: `'x'`, or its hex code.
    static func describe(_ byte: UInt8?) -> String {
        guard let byte else { return "the end of the document" }
        if byte >= 0x21 && byte <= 0x7E { return "'\(Character(Unicode.Scalar(byte)))'" }
        if byte < 0x20 { return "the control character 0x\(hex(byte))" }
        return "the byte 0x\(hex(byte))"
    }

    static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }
}
