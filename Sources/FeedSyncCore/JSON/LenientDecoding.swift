import Foundation

/// Decoding of the loosely typed values real senders put in Affili-shaped JSON:
/// booleans as `0`/`1`/`"true"`, numbers as strings, times as ISO-8601 or epoch seconds.
extension KeyedDecodingContainer {
    func lenientBool(forKey key: Key) throws -> Bool {
        if let value = try? decode(Bool.self, forKey: key) { return value }
        if let value = try? decode(Int.self, forKey: key), value == 0 || value == 1 { return value == 1 }
        if let text = try? decode(String.self, forKey: key) {
            switch text.trimmingCharacters(in: .whitespaces).lowercased() {
            case "true", "1", "yes": return true
            case "false", "0", "no", "": return false
            default: break
            }
        }
        throw DecodingError.dataCorruptedError(
            forKey: key, in: self, debugDescription: "expected a boolean (true, false, 0 or 1)")
    }

    func lenientDouble(forKey key: Key) throws -> Double {
        guard let value = try lenientDoubleIfPresent(forKey: key) else {
            throw DecodingError.valueNotFound(
                Double.self, .init(codingPath: codingPath + [key], debugDescription: "expected a number"))
        }
        return value
    }

    func lenientDoubleIfPresent(forKey key: Key) throws -> Double? {
        guard contains(key), try !decodeNil(forKey: key) else { return nil }
        if let value = try? decode(Double.self, forKey: key) { return value }
        if let text = try? decode(String.self, forKey: key) {
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { return nil }
            // Double("0x10") is 16: only plain decimal notation counts as a number here.
            if trimmed.unicodeScalars.allSatisfy({ "0123456789.-+eE".unicodeScalars.contains($0) }),
               let value = Double(trimmed), value.isFinite {
                return value
            }
        }
        throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: "expected a number")
    }

    func lenientDate(forKey key: Key) throws -> Date {
        if let number = try? decode(Double.self, forKey: key) {
            let seconds = number > 99_999_999_999 ? number / 1000 : number
            // ISO-8601 as written here has four-digit years: 0000-01-01 to 9999-12-31.
            guard (-62_167_219_200...253_402_300_799).contains(seconds) else {
                throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: "time \(number) is out of range")
            }
            return Date(timeIntervalSince1970: seconds)
        }
        let text = try decode(String.self, forKey: key)
        guard let date = Timestamp.parse(text) else {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: self, debugDescription: "expected an ISO-8601 time, got '\(text.prefix(40))'")
        }
        return date
    }

    func lenientString(forKey key: Key) throws -> String {
        if let text = try? decode(String.self, forKey: key) { return text }
        if let number = try? decode(Int64.self, forKey: key) { return String(number) }
        return try decode(String.self, forKey: key)
    }

    func lenientStringIfPresent(forKey key: Key) throws -> String? {
        guard contains(key), try !decodeNil(forKey: key) else { return nil }
        let text = try lenientString(forKey: key)
        return text.isEmpty ? nil : text
    }
}
