import Foundation

extension Limits {
    /// Reads a `limits:` section.
    /// - Parameters:
    ///   - value: the section.
    ///   - environment: the variables for `${VAR}` interpolation.
    /// - Throws: ``ConfigError`` naming the file, line and key of an unknown key or a bad value.
    init(value: YAMLValue, environment: [String: String]) throws {
        let map = try value.mapping(allowed: Self.keys)
        // Sizes stop at 1 TiB and times at 30 days: past that a typo is likelier than a wish.
        let maxSize: Int64 = 1 << 40
        self.init(
            maxRecordBytes: try map["max_record_bytes"].map { Int(try $0.byteSize(in: 1...(1 << 32), environment: environment)) },
            maxSourceBytes: try map["max_source_bytes"]?.byteSize(in: 1...maxSize, environment: environment),
            maxPageBytes: try map["max_page_bytes"]?.byteSize(in: 1...maxSize, environment: environment),
            maxPages: try map["max_pages"]?.int(in: 1...10_000_000, environment: environment),
            maxJSONDepth: try map["max_json_depth"]?.int(in: 1...10_000, environment: environment),
            connectTimeout: try map["connect_timeout_s"]?.seconds(environment: environment),
            readTimeout: try map["read_timeout_s"]?.seconds(environment: environment),
            sourceTimeout: try map["source_timeout_s"]?.seconds(environment: environment))
    }
}

extension YAMLValue {
    /// A size in bytes: a whole number, optionally followed by `KiB`, `MiB` or `GiB`
    /// (`16777216`, `16 MiB`, `4GiB`).
    /// - Throws: ``ConfigError`` when the value is not such a size within `range`.
    func byteSize(in range: ClosedRange<Int64>, environment: [String: String]) throws -> Int64 {
        let text = try string(environment: environment)
        var digits = Substring(text.trimmingCharacters(in: .whitespaces))
        var unit: Int64 = 1
        for (suffix, factor) in [("KiB", Int64(1) << 10), ("MiB", Int64(1) << 20), ("GiB", Int64(1) << 30)]
        where digits.hasSuffix(suffix) {
            digits = digits.dropLast(suffix.count)
            unit = factor
        }
        let trimmed = digits.trimmingCharacters(in: .whitespaces)
        guard let number = Int64(trimmed), number >= 0 else {
            throw error("expected a size in bytes, like 16777216 or 16 MiB (units KiB, MiB, GiB), got '\(text.prefix(40))'")
        }
        let (bytes, overflow) = number.multipliedReportingOverflow(by: unit)
        guard !overflow, range.contains(bytes) else {
            throw error("expected a size from \(range.lowerBound) to \(range.upperBound) bytes, got '\(text.prefix(40))'")
        }
        return bytes
    }

    /// A time in whole seconds, from 1 to 30 days.
    /// - Throws: ``ConfigError`` when the value is not such a number.
    func seconds(environment: [String: String]) throws -> Duration {
        .seconds(try int(in: 1...(30 * 86_400), environment: environment))
    }
}
