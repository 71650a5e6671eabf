import FeedSyncCore
import Foundation

/// Reads a time cell in the layouts a mapping declares, placing times written without an
/// offset in the declared time zone.
///
/// A shop's export writes local times (`16/02/2022`, `2017-03-23T17:03:12`); Affili needs
/// instants. A value with its own offset (`2024-11-22T01:15:12+03:30`, `…Z`, an epoch
/// number) is taken as it is; one without is read in ``timeZone`` (UTC when none is
/// declared), with daylight-saving time as the zone had it on that date.
public struct DateReader: Sendable, Hashable {
    /// One layout a value may be in.
    public enum Format: Sendable, Hashable, CustomStringConvertible {
        /// ISO-8601 (`2024-05-01`, `2024-05-01T10:20:30`, space for `T`, fraction, offset)
        /// or an epoch number (10 digits or fewer: seconds; 13: milliseconds).
        case automatic
        /// ISO-8601 only.
        case iso8601
        /// Whole seconds since 1970.
        case epochSeconds
        /// Milliseconds since 1970.
        case epochMilliseconds
        /// A declared layout such as `dd/MM/yyyy`.
        case pattern(DatePattern)

        /// The name a mapping file uses for the format.
        public var description: String {
            switch self {
            case .automatic: "auto"
            case .iso8601: "iso8601"
            case .epochSeconds: "epoch"
            case .epochMilliseconds: "epoch_ms"
            case .pattern(let pattern): pattern.description
            }
        }

        /// Reads a format name or pattern from a mapping file.
        /// - Throws: ``DatePatternError`` for a pattern that cannot be used.
        public init(name: String) throws(DatePatternError) {
            switch name.lowercased() {
            case "auto": self = .automatic
            case "iso8601", "iso-8601", "iso": self = .iso8601
            case "epoch", "epoch_s", "unix": self = .epochSeconds
            case "epoch_ms", "unix_ms": self = .epochMilliseconds
            default: self = .pattern(try DatePattern(name))
            }
        }
    }

    /// The transform's name in errors and mapping files.
    public static let transformName = "date"

    /// The layouts tried, in order.
    public let formats: [Format]
    /// The zone of times written without an offset; `nil` reads them as UTC.
    public let timeZone: TimeZone?

    /// Creates a reader.
    /// - Parameters:
    ///   - formats: the layouts to try in order; empty means ``Format/automatic``.
    ///   - timeZone: the zone of times without an offset.
    public init(formats: [Format] = [.automatic], timeZone: TimeZone? = nil) {
        self.formats = formats.isEmpty ? [.automatic] : formats
        self.timeZone = timeZone
    }

    /// Reads a time.
    /// - Parameter text: the cell.
    /// - Returns: the instant.
    /// - Throws: ``TransformError`` quoting the value and the layouts expected.
    public func read(_ text: String) throws(TransformError) -> Date {
        for format in formats {
            if let date = read(text, as: format) { return date }
        }
        let expected = formats.map(\.description).joined(separator: " or ")
        throw TransformError(
            transform: Self.transformName, value: text,
            reason: "is not a date in the declared form (\(expected == "auto" ? "ISO-8601 such as 2024-05-01T10:20:30+03:30, or epoch seconds" : expected))")
    }

    private func read(_ text: String, as format: Format) -> Date? {
        switch format {
        case .automatic, .iso8601:
            let trimmed = TextTransform.trim(text)
            if format == .iso8601, trimmed.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) { return nil }
            guard let (date, hasOffset) = Timestamp.parseNotingOffset(trimmed) else { return nil }
            return hasOffset ? date : placed(date)
        case .epochSeconds, .epochMilliseconds:
            guard let value = Int64(TextTransform.trim(text)) else { return nil }
            return Date(timeIntervalSince1970: format == .epochSeconds ? Double(value) : Double(value) / 1000)
        case .pattern(let pattern):
            guard let (seconds, offset) = pattern.read(text) else { return nil }
            if let offset { return Date(timeIntervalSince1970: Double(seconds - Int64(offset))) }
            return placed(Date(timeIntervalSince1970: Double(seconds)))
        }
    }

    /// The instant at which the wall clock of ``timeZone`` showed `local` (read as UTC).
    private func placed(_ local: Date) -> Date {
        guard let timeZone else { return local }
        // The offset at the local time read as UTC is a first guess; the offset at the
        // instant that guess gives is right except inside a daylight-saving change.
        let guess = local.addingTimeInterval(-Double(timeZone.secondsFromGMT(for: local)))
        return local.addingTimeInterval(-Double(timeZone.secondsFromGMT(for: guess)))
    }
}
