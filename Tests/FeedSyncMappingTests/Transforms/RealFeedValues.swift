import FeedSyncSources
import FeedSyncTesting
import Foundation

/// Pulls the text of simple XML elements out of the shared real-world feeds, so transform
/// tests can run over every value a real shop wrote without depending on the XML reader.
enum RealFeedValues {
    /// The feed file at `relative` under `../shared/realfeeds/`.
    ///
    /// `Fixtures` finds the shared folder through `#filePath`; when this folder is built from
    /// a package that links it in (a scratch package), the link is followed instead.
    static func url(_ relative: String) -> URL {
        let direct = Fixtures.realFeed(relative)
        if FileManager.default.fileExists(atPath: direct.path) { return direct }
        let repository = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
            .deletingLastPathComponent()  // Transforms
            .deletingLastPathComponent()  // FeedSyncMappingTests
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent()
        return repository.deletingLastPathComponent()
            .appendingPathComponent("shared/realfeeds").appendingPathComponent(relative)
    }

    /// The text of every `<element>…</element>` in the file, entities decoded, in order.
    /// - Parameters:
    ///   - element: the element's qualified name, e.g. `g:price`.
    ///   - relative: the file under `realfeeds/`.
    /// - Returns: the values; the tests expect at least one.
    static func elements(_ element: String, in relative: String) throws -> [String] {
        let text = try String(contentsOf: url(relative), encoding: .utf8)
        let open = "<\(element)>"
        let close = "</\(element)>"
        var values: [String] = []
        var rest = text[...]
        while let start = rest.range(of: open) {
            guard let end = rest.range(of: close, range: start.upperBound..<rest.endIndex) else { break }
            values.append(decodeEntities(String(rest[start.upperBound..<end.lowerBound])))
            rest = rest[end.upperBound...]
        }
        return values
    }

    private static func decodeEntities(_ text: String) -> String {
        text.replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&apos;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}

extension RealFeedValues {
    /// Every value of a CSV column in a shared real-world feed, in row order.
    /// - Parameters:
    ///   - column: the header name.
    ///   - relative: the file under `realfeeds/`.
    ///   - delimiter: the file's separator.
    static func cells(_ column: String, in relative: String, delimiter: CSVDialect.Delimiter = .auto) throws -> [String] {
        var source = try CSVSource(path: url(relative).path, source: "realfeeds", dialect: CSVDialect(delimiter: delimiter))
        var values: [String] = []
        while let event = try source.next() {
            if let record = event.record { values.append(record.firstValue(named: column) ?? "") }
        }
        return values
    }
}
