import Foundation

extension HTTPResponse {
    /// The wait the server asked for in its `Retry-After` field.
    ///
    /// The field is either whole seconds (`120`) or an HTTP date
    /// (`Wed, 21 Oct 2026 07:28:00 GMT`, RFC 9110 section 10.2.3); a date in the past
    /// means no wait.
    /// - Parameter now: the current time, for dates; injectable for tests.
    /// - Returns: the wait, or `nil` when the field is absent or unreadable.
    public func retryAfter(now: Date = Date()) -> Duration? {
        guard let text = headers["Retry-After"]?.trimmingCharacters(in: .whitespaces), !text.isEmpty else {
            return nil
        }
        if text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) {
            // Absurd values are taken as "unknown" rather than overflowing.
            guard let seconds = Int64(text) else { return nil }
            return .seconds(seconds)
        }
        guard let date = Self.httpDate(text) else { return nil }
        return .seconds(max(0, Int64(date.timeIntervalSince(now).rounded(.up))))
    }

    private static func httpDate(_ text: String) -> Date? {
        // IMF-fixdate is what servers send; RFC 850 and asctime forms are obsolete and
        // recipients "should" accept them too.
        for format in ["EEE, dd MMM yyyy HH:mm:ss zzz", "EEEE, dd-MMM-yy HH:mm:ss zzz", "EEE MMM d HH:mm:ss yyyy"] {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "GMT")
            formatter.dateFormat = format
            if let date = formatter.date(from: text) { return date }
        }
        return nil
    }
}
