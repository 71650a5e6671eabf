import Foundation

/// ISO-8601 reading and writing for the times in Affili's entities.
///
/// Hand-written rather than `ISO8601DateFormatter` because export and upload format two
/// dates per product on the hot path, and because feeds send more variants than one
/// formatter accepts (space instead of `T`, no offset, fractions, epoch seconds).
public enum Timestamp {
    /// Formats `date` as `yyyy-MM-ddTHH:mm:ss+00:00` (UTC, whole seconds).
    public static func format(_ date: Date) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(25)
        append(date, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the ISO-8601 form of `date` (UTC, whole seconds, `+00:00`) to `bytes`.
    public static func append(_ date: Date, to bytes: inout [UInt8]) {
        let (year, month, day, secondOfDay) = calendarDay(Int64(date.timeIntervalSince1970.rounded(.down)))
        appendDigits(Int(year), width: 4, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        appendDigits(month, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        appendDigits(day, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: "T"))
        appendClock(secondOfDay, to: &bytes)
        bytes.append(contentsOf: "+00:00".utf8)
    }

    /// The date of `seconds` since 1970 (read as UTC) and the seconds into that day.
    static func calendarDay(_ seconds: Int64) -> (year: Int64, month: Int, day: Int, secondOfDay: Int) {
        var days = seconds / 86_400
        var rest = seconds % 86_400
        if rest < 0 {
            rest += 86_400
            days -= 1
        }
        let (year, month, day) = civil(fromDays: days)
        return (year, month, day, Int(rest))
    }

    /// Appends `HH:mm:ss` for a number of seconds into a day.
    static func appendClock(_ secondOfDay: Int, to bytes: inout [UInt8]) {
        appendDigits(secondOfDay / 3600, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        appendDigits(secondOfDay / 60 % 60, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        appendDigits(secondOfDay % 60, width: 2, to: &bytes)
    }

    /// Parses the time forms feeds use.
    ///
    /// Accepted: `2024-05-01`, `2024-05-01T10:20:30`, `2024-05-01 10:20:30`, with optional
    /// fraction and an optional `Z`, `+03:30`, `+0330` or `+03` offset (no offset means UTC),
    /// and integer epoch seconds (10 digits or fewer) or milliseconds (13 digits).
    /// - Parameter text: the text to read; surrounding white space is ignored.
    /// - Returns: the time, or `nil` when the text is not one of these forms.
    public static func parse(_ text: some StringProtocol) -> Date? {
        parseNotingOffset(text)?.date
    }

    /// Parses like ``parse(_:)`` and tells whether the text fixed its own offset, so that
    /// a caller can place a time written without one in a declared time zone.
    /// - Parameter text: the text to read; surrounding white space is ignored.
    /// - Returns: the time (read as UTC when no offset is written) and whether the text
    ///   carried a `Z` or numeric offset (epoch numbers count as carrying one), or `nil`.
    public static func parseNotingOffset(_ text: some StringProtocol) -> (date: Date, hasOffset: Bool)? {
        let bytes = Array(text.utf8.drop(while: isSpace).reversed().drop(while: isSpace).reversed())
        guard !bytes.isEmpty else { return nil }
        if bytes.allSatisfy(isDigit) || (bytes.first == UInt8(ascii: "-") && bytes.dropFirst().allSatisfy(isDigit)) {
            guard let value = Int64(String(decoding: bytes, as: UTF8.self)) else { return nil }
            if bytes.count == 13 { return (Date(timeIntervalSince1970: Double(value) / 1000), true) }
            if bytes.count <= 10 { return (Date(timeIntervalSince1970: Double(value)), true) }
            return nil
        }
        var cursor = Cursor(bytes: bytes)
        guard let year = cursor.number(digits: 4), cursor.skip("-"),
              let month = cursor.number(digits: 2), cursor.skip("-"),
              let day = cursor.number(digits: 2),
              (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day)
        else { return nil }
        var seconds = Int64(days(fromCivil: year, month, day)) * 86_400
        var fraction = 0.0
        var hasOffset = false
        if cursor.skip("T") || cursor.skip("t") || cursor.skip(" ") {
            guard let hour = cursor.number(digits: 2), cursor.skip(":"),
                  let minute = cursor.number(digits: 2), hour < 24, minute < 60
            else { return nil }
            var second = 0
            if cursor.skip(":") {
                guard let value = cursor.number(digits: 2), value <= 60 else { return nil }
                second = value
                if cursor.skip(".") || cursor.skip(",") {
                    var scale = 0.1
                    var sawDigit = false
                    while let digit = cursor.digit() {
                        fraction += Double(digit) * scale
                        scale /= 10
                        sawDigit = true
                    }
                    guard sawDigit else { return nil }
                }
            }
            seconds += Int64(hour * 3600 + minute * 60 + second)
            _ = cursor.skip(" ")
            if cursor.skip("Z") || cursor.skip("z") {
                hasOffset = true
            } else if let sign = cursor.sign() {
                hasOffset = true
                guard let hours = cursor.number(digits: 2), hours < 24 else { return nil }
                var minutes = 0
                if cursor.skip(":") {
                    guard let value = cursor.number(digits: 2) else { return nil }
                    minutes = value
                } else if let value = cursor.number(digits: 2) {
                    minutes = value
                }
                guard minutes < 60 else { return nil }
                seconds -= Int64(sign * (hours * 3600 + minutes * 60))
            }
        }
        guard cursor.atEnd else { return nil }
        return (Date(timeIntervalSince1970: Double(seconds) + fraction), hasOffset)
    }

    private struct Cursor {
        let bytes: [UInt8]
        var index = 0
        var atEnd: Bool { index == bytes.count }

        mutating func skip(_ character: Unicode.Scalar) -> Bool {
            guard index < bytes.count, bytes[index] == UInt8(ascii: character) else { return false }
            index += 1
            return true
        }

        mutating func digit() -> Int? {
            guard index < bytes.count, isDigit(bytes[index]) else { return nil }
            defer { index += 1 }
            return Int(bytes[index] - 48)
        }

        mutating func number(digits: Int) -> Int? {
            let start = index
            var value = 0
            for _ in 0..<digits {
                guard let digit = digit() else {
                    index = start
                    return nil
                }
                value = value * 10 + digit
            }
            return value
        }

        mutating func sign() -> Int? {
            if skip("+") { return 1 }
            if skip("-") { return -1 }
            return nil
        }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }
    private static func isSpace(_ byte: UInt8) -> Bool { byte == 32 || byte == 9 || byte == 10 || byte == 13 }

    /// Appends the last `width` decimal digits of `value`, zero-padded.
    ///
    /// Digits are appended most significant first, straight into `bytes`: a temporary
    /// array per call made the two times of every exported product cost more than its
    /// JSON strings.
    static func appendDigits(_ value: Int, width: Int, to bytes: inout [UInt8]) {
        guard width > 0 else { return }
        var divisor = 1
        for _ in 1..<width { divisor *= 10 }
        while divisor > 0 {
            bytes.append(UInt8(48 + value / divisor % 10))
            divisor /= 10
        }
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    // Howard Hinnant's days-from-civil and civil-from-days algorithms (proleptic Gregorian).
    static func days(fromCivil year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func civil(fromDays days: Int64) -> (Int64, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = Int(dayOfYear - (153 * mp + 2) / 5 + 1)
        let month = Int(mp < 10 ? mp + 3 : mp - 9)
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }
}
