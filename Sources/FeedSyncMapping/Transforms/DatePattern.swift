import FeedSyncCore

/// A date layout as feeds document it: `dd/MM/yyyy`, `dd-MM-yyyyTHH:mm:ss`,
/// `yyyy-MM-dd HH:mm`, `dd.MM.yyyy HH:mm:ss XXX`.
///
/// Letters: `yyyy` the year (four digits), `MM`/`M` month, `dd`/`d` day, `HH`/`H` hour
/// (0–23), `mm` minute, `ss` second (one or two digits each, so `1/2/2022` reads with
/// `dd/MM/yyyy`), `SSS` a fraction of a second (any number of digits, ignored), `XXX`, `Z`
/// or `x` a UTC offset (`Z`, `+03:30`, `+0330`, `+03`). Any other character, or text in
/// single quotes (`'T'`), must appear as written; a letter outside quotes that is none of
/// these is refused when the mapping loads, so a typo does not silently match nothing.
///
/// Reading walks the bytes once with no formatter, since it runs for every record.
public struct DatePattern: Sendable, Hashable, CustomStringConvertible {
    enum Token: Sendable, Hashable {
        case year, month, day, hour, minute, second, fraction, offset
        case literal(UInt8)
    }

    /// The pattern as written.
    public let description: String
    let tokens: [Token]

    /// Parses a pattern.
    /// - Parameter pattern: the layout, e.g. `dd/MM/yyyy`.
    /// - Throws: a message naming an unknown letter, a repeated field, or a pattern
    ///   without year, month and day.
    public init(_ pattern: String) throws(DatePatternError) {
        var tokens: [Token] = []
        var bytes = Array(pattern.utf8)[...]
        while let byte = bytes.first {
            if byte == UInt8(ascii: "'") {
                bytes = bytes.dropFirst()
                guard let close = bytes.firstIndex(of: UInt8(ascii: "'")) else {
                    throw DatePatternError(message: "a quote in '\(pattern)' is not closed")
                }
                tokens += bytes[..<close].map(Token.literal)
                bytes = bytes[(close + 1)...]
                continue
            }
            let run = bytes.prefix { $0 == byte }
            bytes = bytes.dropFirst(run.count)
            guard (byte | 0x20) >= UInt8(ascii: "a"), (byte | 0x20) <= UInt8(ascii: "z") else {
                tokens += run.map(Token.literal)
                continue
            }
            let token: Token
            switch (byte, run.count) {
            case (UInt8(ascii: "y"), 4): token = .year
            case (UInt8(ascii: "M"), 1...2): token = .month
            case (UInt8(ascii: "d"), 1...2): token = .day
            case (UInt8(ascii: "H"), 1...2): token = .hour
            case (UInt8(ascii: "m"), 1...2): token = .minute
            case (UInt8(ascii: "s"), 1...2): token = .second
            case (UInt8(ascii: "S"), _): token = .fraction
            case (UInt8(ascii: "X"), _), (UInt8(ascii: "Z"), _), (UInt8(ascii: "x"), _): token = .offset
            case (UInt8(ascii: "T"), 1): token = .literal(byte)  // ISO's separator, often written unquoted
            default:
                let letters = String(decoding: run, as: UTF8.self)
                throw DatePatternError(message: "'\(letters)' in '\(pattern)' is not a date field (use yyyy, MM, dd, HH, mm, ss, SSS, XXX; quote other letters: 'T')")
            }
            if case .literal = token {
                // Literal letters may repeat.
            } else if tokens.contains(token) {
                throw DatePatternError(message: "'\(pattern)' names a field twice")
            }
            tokens.append(token)
        }
        guard tokens.contains(.year), tokens.contains(.month), tokens.contains(.day) else {
            throw DatePatternError(message: "'\(pattern)' needs a year (yyyy), a month (MM) and a day (dd)")
        }
        self.description = pattern
        self.tokens = tokens
    }

    /// Reads a time in this layout.
    /// - Parameter text: the value; surrounding blanks are ignored.
    /// - Returns: the wall-clock time as seconds since 1970 read as UTC, and the offset in
    ///   seconds when the text carries one; `nil` when the text does not fit the layout or
    ///   names an impossible date.
    public func read(_ text: String) -> (seconds: Int64, offset: Int?)? {
        let bytes = Array(TextTransform.trim(text).utf8)
        var index = 0
        var year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0
        var offset: Int?
        func number(maxDigits: Int, minDigits: Int = 1) -> Int? {
            var value = 0
            var count = 0
            while count < maxDigits, index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 {
                value = value * 10 + Int(bytes[index] - 48)
                index += 1
                count += 1
            }
            return count >= minDigits ? value : nil
        }
        for token in tokens {
            switch token {
            case .literal(let expected):
                guard index < bytes.count, bytes[index] == expected else { return nil }
                index += 1
            case .year: guard let value = number(maxDigits: 4, minDigits: 4) else { return nil }; year = value
            case .month: guard let value = number(maxDigits: 2) else { return nil }; month = value
            case .day: guard let value = number(maxDigits: 2) else { return nil }; day = value
            case .hour: guard let value = number(maxDigits: 2) else { return nil }; hour = value
            case .minute: guard let value = number(maxDigits: 2) else { return nil }; minute = value
            case .second: guard let value = number(maxDigits: 2) else { return nil }; second = value
            case .fraction: guard number(maxDigits: 9) != nil else { return nil }
            case .offset:
                guard index < bytes.count else { return nil }
                if bytes[index] == UInt8(ascii: "Z") || bytes[index] == UInt8(ascii: "z") {
                    index += 1
                    offset = 0
                    continue
                }
                guard bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") else { return nil }
                let sign = bytes[index] == UInt8(ascii: "-") ? -1 : 1
                index += 1
                guard let hours = number(maxDigits: 2, minDigits: 2), hours < 24 else { return nil }
                if index < bytes.count, bytes[index] == UInt8(ascii: ":") { index += 1 }
                let minutes = number(maxDigits: 2, minDigits: 2) ?? 0
                guard minutes < 60 else { return nil }
                offset = sign * (hours * 3600 + minutes * 60)
            }
        }
        guard index == bytes.count,
              let seconds = Timestamp.seconds(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        else { return nil }
        return (seconds, offset)
    }
}

/// A date pattern that cannot be used.
public struct DatePatternError: Error, Sendable {
    /// What is wrong with it.
    public var message: String
}
