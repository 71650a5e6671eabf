import Foundation

/// One catalog source (`sources:` item).
public struct SourceConfiguration: Sendable {
    /// The kinds of feed a source can be.
    public enum Format: String, Sendable, CaseIterable {
        /// A CSV (or `;`, tab, `|` separated) export with a header row.
        case csv
        /// An XML feed (Google Merchant RSS/Atom and the like).
        case xml
        /// A paged JSON endpoint.
        case jsonPages = "json-pages"
    }

    /// Where a source's bytes come from.
    public enum Location: Sendable, Hashable, CustomStringConvertible {
        /// A local file.
        case file(URL)
        /// An `http(s)://` URL.
        case remote(URL)

        public var description: String {
            switch self {
            case .file(let url): return url.path
            case .remote(let url): return url.absoluteString
            }
        }
    }

    /// The source's name (`--source NAME`, reports, state).
    public var name: String
    /// The feed's format.
    public var format: Format
    /// Where the feed is.
    public var location: Location
    /// The mapping: a bundled preset's name or a file.
    public var mapping: MappingReference
    /// The shop's address, used to make relative URLs absolute and by presets whose
    /// exports carry no product links (`{{base_url}}` in templates).
    public var baseURL: String?
    /// Where this source's settings are, for errors found later (unknown columns).
    public var place: ConfigPlace
    /// HTTP headers sent when the location is a URL (`Authorization: Token ${KEY}`).
    public var headers: [String: String] = [:]
    /// The limits that apply to this source: its own `limits:` over the top-level ones.
    public var limits = Limits()

    /// Creates a source configuration.
    public init(
        name: String,
        format: Format,
        location: Location,
        mapping: MappingReference,
        baseURL: String? = nil,
        place: ConfigPlace
    ) {
        self.name = name
        self.format = format
        self.location = location
        self.mapping = mapping
        self.baseURL = baseURL
        self.place = place
    }
}

/// A mapping named in the configuration.
public enum MappingReference: Sendable, Hashable, CustomStringConvertible {
    /// A preset bundled with feedsync, by name (`woocommerce-csv`).
    case preset(String)
    /// A mapping file.
    case file(URL)

    public var description: String {
        switch self {
        case .preset(let name): return "preset \(name)"
        case .file(let url): return url.path
        }
    }
}

/// A place in a configuration file, kept for errors found after loading.
public struct ConfigPlace: Sendable, Hashable {
    /// The file.
    public var file: String
    /// The 1-based line, or 0.
    public var line: Int
    /// The dotted key path.
    public var key: String

    /// Creates a place.
    public init(file: String, line: Int, key: String) {
        self.file = file
        self.line = line
        self.key = key
    }

    /// An error at this place.
    public func error(_ message: String) -> ConfigError {
        ConfigError(file: file, line: line, key: key, message: message)
    }
}
