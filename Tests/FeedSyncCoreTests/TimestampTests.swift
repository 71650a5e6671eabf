import FeedSyncCore
import Foundation
import Testing

struct TimestampTests {
    /// 2024-05-01T10:20:30Z.
    static let reference: TimeInterval = 1_714_558_830

    @Test("parses the time forms feeds send", arguments: [
        ("2024-05-01", 1_714_521_600.0),
        ("2024-05-01T10:20:30", reference),
        ("2024-05-01 10:20:30", reference),
        ("2024-05-01t10:20:30", reference),
        ("2024-05-01T10:20", reference - 30),
        ("2024-05-01T10:20:30Z", reference),
        ("2024-05-01T10:20:30z", reference),
        ("2024-05-01T10:20:30+00:00", reference),
        ("2024-05-01T10:20:30+03:30", reference - 12_600),
        ("2024-05-01T10:20:30+0330", reference - 12_600),
        ("2024-05-01T10:20:30+03", reference - 10_800),
        ("2024-05-01T10:20:30-05:00", reference + 18_000),
        ("2024-05-01 10:20:30 +03:30", reference - 12_600),
        ("  2024-05-01T10:20:30Z\n", reference),
        ("1714558830", reference),
        ("1714558830000", reference),
        ("0", 0),
        ("-86400", -86_400),
    ])
    func parsesForms(text: String, seconds: TimeInterval) throws {
        let date = try #require(Timestamp.parse(text))
        #expect(date.timeIntervalSince1970 == seconds)
    }

    @Test("keeps a fraction of a second", arguments: [
        ("2024-05-01T10:20:30.5Z", 0.5),
        ("2024-05-01T10:20:30,25+00:00", 0.25),
        ("2024-05-01T10:20:30.123456", 0.123456),
    ])
    func parsesFraction(text: String, fraction: Double) throws {
        let date = try #require(Timestamp.parse(text))
        #expect(abs(date.timeIntervalSince1970 - (Self.reference + fraction)) < 1e-6)
    }

    @Test("refuses text that is not a valid time", arguments: [
        "",
        "   ",
        "yesterday",
        "2024-13-01",
        "2024-00-10",
        "2024-02-30",
        "2023-02-29",
        "2024-04-31",
        "2024-05-01T24:00:00",
        "2024-05-01T10:60:00",
        "2024-05-01T10:20:30 junk",
        "2024-05-01T10:20:30Zjunk",
        "2024-05-01T10:20:30.",
        "2024-05-01T10:20:30+25:00",
        "2024-05-01T10:20:30+03:75",
        "2024-05-01T",
        "2024-5-1",
        "24-05-01",
        "2024/05/01",
        "12345678901",
        "12.5",
    ])
    func refusesInvalid(text: String) {
        #expect(Timestamp.parse(text) == nil)
    }

    @Test("accepts 29 February only in leap years", arguments: [
        ("2024-02-29", true), ("2000-02-29", true), ("1900-02-29", false), ("2100-02-29", false), ("2023-02-29", false),
    ])
    func leapDay(text: String, valid: Bool) {
        #expect((Timestamp.parse(text) != nil) == valid)
    }

    @Test("formats a known instant as yyyy-MM-ddTHH:mm:ss+00:00")
    func formatsKnownInstant() {
        #expect(Timestamp.format(Date(timeIntervalSince1970: Self.reference)) == "2024-05-01T10:20:30+00:00")
    }

    @Test("formats whole seconds, dropping the fraction")
    func formatsWholeSeconds() {
        #expect(Timestamp.format(Date(timeIntervalSince1970: Self.reference + 0.999)) == "2024-05-01T10:20:30+00:00")
    }

    @Test("formats instants before 1970, after 2038 and on leap days", arguments: [
        (-1.0, "1969-12-31T23:59:59+00:00"),
        (-0.5, "1969-12-31T23:59:59+00:00"),
        (-14_182_940, "1969-07-20T20:17:40+00:00"),
        (-2_208_988_800, "1900-01-01T00:00:00+00:00"),
        (-11_644_473_600, "1601-01-01T00:00:00+00:00"),
        (0, "1970-01-01T00:00:00+00:00"),
        (2_147_483_648, "2038-01-19T03:14:08+00:00"),
        (2_214_172_799, "2040-02-29T23:59:59+00:00"),
        (1_709_208_000, "2024-02-29T12:00:00+00:00"),
        (4_107_542_400, "2100-03-01T00:00:00+00:00"),
    ])
    func formatsFarInstants(seconds: TimeInterval, text: String) {
        #expect(Timestamp.format(Date(timeIntervalSince1970: seconds)) == text)
    }

    @Test("parse(format(x)) gives x back for whole seconds", arguments: [
        0.0, 1, -1, 1_714_558_830, 1_698_912_900, -14_182_940, -2_208_988_800, 2_147_483_648, 2_214_172_799, 4_107_542_400,
        951_782_400, // 2000-02-29
    ])
    func roundTrip(seconds: TimeInterval) throws {
        let date = Date(timeIntervalSince1970: seconds)
        let parsed = try #require(Timestamp.parse(Timestamp.format(date)))
        #expect(parsed == date)
    }

    @Test("append writes the same text as format")
    func appendMatchesFormat() {
        var bytes: [UInt8] = Array("x".utf8)
        Timestamp.append(Date(timeIntervalSince1970: Self.reference), to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "x2024-05-01T10:20:30+00:00")
    }
}
