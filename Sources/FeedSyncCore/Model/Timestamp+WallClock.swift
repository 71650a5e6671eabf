import Foundation

/// Wall-clock times in other layouts than ISO-8601: the ones feeds write
/// (`16/02/2022`, `24-07-2018T01:02:19`) and AccessTrade's `update_time`.
extension Timestamp {
    /// The instant a wall-clock time names when read as UTC.
    /// - Returns: seconds since 1970, or `nil` when a component is out of range (month 13,
    ///   30 February, hour 24).
    public static func seconds(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) -> Int64? {
        guard (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day),
              (0..<24).contains(hour), (0..<60).contains(minute), (0...60).contains(second)
        else { return nil }
        return Int64(days(fromCivil: year, month, day)) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
    }

    /// Appends `date` as `dd-MM-yyyyTHH:mm:ss`, the wall-clock time `offset` seconds east of
    /// UTC (AccessTrade's `update_time`, which carries no zone).
    /// - Parameters:
    ///   - date: the instant.
    ///   - offset: the zone's offset from UTC at that instant, in seconds.
    ///   - bytes: where to append.
    public static func appendDayFirst(_ date: Date, offset: Int, to bytes: inout [UInt8]) {
        let (year, month, day, secondOfDay) = calendarDay(Int64(date.timeIntervalSince1970.rounded(.down)) + Int64(offset))
        appendDigits(day, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        appendDigits(month, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        appendDigits(Int(year), width: 4, to: &bytes)
        bytes.append(UInt8(ascii: "T"))
        appendClock(secondOfDay, to: &bytes)
    }
}
