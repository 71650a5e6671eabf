import Foundation

/// The contents of `feedsync.yml`: where the catalog comes from and where it goes.
public struct Configuration: Sendable {
    /// The configuration file, as the user named it.
    public var file: String
    /// The folder relative paths resolve against (the configuration file's folder).
    public var baseDirectory: URL
    /// The state store's location (`state:`), resolved; `.feedsync/state.sqlite` by default.
    public var state: URL
    /// The catalog sources, in file order.
    public var sources: [SourceConfiguration]
    /// Settings for pushing to Affili, when present.
    public var affili: AffiliConfiguration?
    /// Settings for AccessTrade datafeed items, when present.
    public var accessTrade: AccessTradeConfiguration?
    /// Settings for `feedsync serve`, when present.
    public var serve: ServeConfiguration?
    /// The top-level `limits:` section; each source's ``SourceConfiguration/limits`` already
    /// has it merged under its own.
    public var limits: Limits

    /// Creates a configuration.
    public init(
        file: String,
        baseDirectory: URL,
        state: URL,
        sources: [SourceConfiguration],
        affili: AffiliConfiguration? = nil,
        accessTrade: AccessTradeConfiguration? = nil,
        serve: ServeConfiguration? = nil,
        limits: Limits = Limits()
    ) {
        self.file = file
        self.baseDirectory = baseDirectory
        self.state = state
        self.sources = sources
        self.affili = affili
        self.accessTrade = accessTrade
        self.serve = serve
        self.limits = limits
    }

    /// The `affili:` section.
    /// - Throws: ``ConfigError`` naming the file when the section is missing.
    public func requireAffili() throws -> AffiliConfiguration {
        guard let affili else {
            throw ConfigError(file: file, key: "affili", message: "missing; this command sends to Affili and needs affili.endpoint and affili.token")
        }
        return affili
    }

    /// The `accesstrade:` section.
    /// - Throws: ``ConfigError`` naming the file when the section is missing.
    public func requireAccessTrade() throws -> AccessTradeConfiguration {
        guard let accessTrade else {
            throw ConfigError(
                file: file, key: "accesstrade",
                message: "missing; AccessTrade datafeed items need accesstrade.campaign, accesstrade.domain and accesstrade.deep_link")
        }
        return accessTrade
    }

    /// The sources a command works on: all, or the one named by `--source`.
    /// - Throws: ``ConfigError`` when no source has that name.
    public func sources(named name: String?) throws -> [SourceConfiguration] {
        guard let name else { return sources }
        let chosen = sources.filter { $0.name == name }
        guard !chosen.isEmpty else {
            let names = sources.map(\.name).joined(separator: ", ")
            throw ConfigError(file: file, key: "sources", message: "no source is named '\(name)' (sources: \(names))")
        }
        return chosen
    }
}
