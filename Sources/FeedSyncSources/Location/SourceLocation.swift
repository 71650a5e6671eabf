import FeedSyncHTTP
import Foundation

/// Where a source's bytes are: a local file or an `http(s)://` URL.
///
/// Written in a configuration as a path (relative to the configuration's folder), a
/// `file://` URL, or an `http://` / `https://` URL. Compression and encoding are not part
/// of the location: they are found from the content (gzip's magic bytes) or named in the
/// mapping.
public enum SourceLocation: Sendable, Hashable, CustomStringConvertible {
    /// A local file or folder, by absolute or working-directory-relative path.
    case file(String)
    /// A remote file, fetched over HTTP.
    case remote(URL)

    /// Parses a location as written in a configuration.
    /// - Parameters:
    ///   - text: a path, `file://` URL or `http(s)://` URL.
    ///   - directory: the folder relative paths are taken from (the configuration's);
    ///     `nil` for the working directory.
    /// - Throws: ``LocationError`` for an empty location, a scheme other than `file`,
    ///   `http` and `https`, or an `http(s)` URL without a host.
    public init(parsing text: String, relativeTo directory: String? = nil) throws(LocationError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw LocationError(location: text, reason: "the location is empty") }
        if let colon = trimmed.firstIndex(of: ":"), trimmed[..<colon].count > 1,
            trimmed[..<colon].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }),
            trimmed[colon...].hasPrefix("://")
        {
            let scheme = trimmed[..<colon].lowercased()
            guard let url = URL(string: trimmed) else {
                throw LocationError(location: text, reason: "this is not a valid URL")
            }
            switch scheme {
            case "file":
                self = .file(url.path)
            case "http", "https":
                guard let host = url.host, !host.isEmpty else {
                    throw LocationError(location: text, reason: "the URL has no host")
                }
                self = .remote(url)
            default:
                throw LocationError(location: text, reason: "'\(scheme)://' locations are not supported; use a path, file://, http:// or https://")
            }
            return
        }
        if trimmed.hasPrefix("/") || directory == nil {
            self = .file(trimmed)
        } else if let directory {
            self = .file(URL(fileURLWithPath: directory).appendingPathComponent(trimmed).path)
        } else {
            self = .file(trimmed)
        }
    }

    /// The location as shown to users: the path, or the URL without query or user info.
    public var description: String {
        switch self {
        case .file(let path): path
        case .remote(let url): RedactedURL.string(for: url)
        }
    }
}
