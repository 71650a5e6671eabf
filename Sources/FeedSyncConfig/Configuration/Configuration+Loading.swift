import FeedSyncCore
import Foundation

extension Configuration {
    /// The file read when `--config` is not given.
    public static let defaultFile = "feedsync.yml"

    /// Loads and checks a configuration file.
    /// - Parameters:
    ///   - path: the file, as the user named it; relative paths inside it resolve against its folder.
    ///   - environment: the variables for `${VAR}` interpolation.
    /// - Returns: the checked configuration.
    /// - Throws: ``ConfigError`` naming the file, line and key of the first problem.
    public static func load(path: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Configuration {
        let url = URL(fileURLWithPath: path)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw ConfigError(file: path, message: "no such file (give the configuration with --config FILE)")
        }
        let root = try YAMLValue.load(contentsOf: url, displayName: path)
        return try Configuration(root: root, baseDirectory: url.deletingLastPathComponent(), environment: environment)
    }

    /// Checks an already parsed configuration document.
    /// - Parameters:
    ///   - root: the document.
    ///   - baseDirectory: the folder relative paths resolve against.
    ///   - environment: the variables for `${VAR}` interpolation.
    /// - Throws: ``ConfigError`` naming the file, line and key of the first problem.
    public init(root: YAMLValue, baseDirectory: URL, environment: [String: String]) throws {
        let top = try root.mapping(allowed: ["state", "sources", "affili", "accesstrade", "serve", "limits"])
        let limits = try top["limits"].map { try Limits(value: $0, environment: environment) } ?? Limits()
        let statePath = try top["state"]?.string(environment: environment) ?? ".feedsync/state.sqlite"
        let sourcesValue = try top.require("sources")
        let sources = try sourcesValue.sequence().map {
            try SourceConfiguration(value: $0, baseDirectory: baseDirectory, environment: environment, limits: limits)
        }
        guard !sources.isEmpty else { throw sourcesValue.error("needs at least one source") }
        var names: Set<String> = []
        for source in sources where !names.insert(source.name).inserted {
            throw source.place.error("a second source is named '\(source.name)'; names must be unique")
        }
        self.init(
            file: root.file,
            baseDirectory: baseDirectory,
            state: Self.resolve(path: statePath, against: baseDirectory),
            sources: sources,
            affili: try top["affili"].map { try AffiliConfiguration(value: $0, environment: environment) },
            accessTrade: try top["accesstrade"].map { try AccessTradeConfiguration(value: $0, environment: environment) },
            serve: try top["serve"].map { try ServeConfiguration(value: $0, environment: environment) },
            limits: limits
        )
    }

    static func resolve(path: String, against base: URL) -> URL {
        let expanded = (path as NSString).expandingTildeInPath
        if expanded.hasPrefix("/") { return URL(fileURLWithPath: expanded).standardizedFileURL }
        return base.appendingPathComponent(expanded).standardizedFileURL
    }
}

extension SourceConfiguration {
    init(value: YAMLValue, baseDirectory: URL, environment: [String: String], limits: Limits = Limits()) throws {
        let map = try value.mapping(allowed: ["name", "format", "location", "mapping", "base_url", "headers", "limits"])
        let nameValue = try map.require("name")
        let name = try nameValue.string(environment: environment)
        guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || "-_.".contains($0) }) else {
            throw nameValue.error("use letters, digits, '-', '_' or '.' (it names the source in reports and --source)")
        }
        let formatValue = try map.require("format")
        let formatText = try formatValue.string(environment: environment)
        guard let format = Format(rawValue: formatText) else {
            let known = Format.allCases.map(\.rawValue).joined(separator: ", ")
            throw formatValue.error("unknown format '\(formatText)' (formats: \(known))")
        }
        let locationValue = try map.require("location")
        let location = try Self.location(try locationValue.string(environment: environment), at: locationValue, base: baseDirectory)
        let mappingValue = try map.require("mapping")
        let mappingText = try mappingValue.string(environment: environment)
        let mapping: MappingReference
        if mappingText.contains("/") || mappingText.hasSuffix(".yml") || mappingText.hasSuffix(".yaml") {
            mapping = .file(Configuration.resolve(path: mappingText, against: baseDirectory))
        } else {
            mapping = .preset(mappingText)
        }
        var baseURL: String?
        if let baseValue = map["base_url"] {
            let text = try baseValue.string(environment: environment)
            guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme), url.host != nil else {
                throw baseValue.error("expected the shop's http(s) address, like https://myshop.example")
            }
            baseURL = text.hasSuffix("/") ? String(text.dropLast()) : text
        }
        self.init(
            name: name, format: format, location: location, mapping: mapping, baseURL: baseURL,
            place: ConfigPlace(file: value.file, line: value.line, key: value.path)
        )
        for (header, headerValue) in try map["headers"]?.freeMapping().entries ?? [] {
            headers[header] = try headerValue.string(environment: environment)
        }
        self.limits = limits.overridden(by: try map["limits"].map { try Limits(value: $0, environment: environment) } ?? Limits())
    }

    private static func location(_ text: String, at value: YAMLValue, base: URL) throws -> Location {
        guard !text.isEmpty else { throw value.error("is empty") }
        let lower = text.lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") {
            guard let url = URL(string: text), url.host != nil else { throw value.error("'\(text.prefix(80))' is not a valid URL") }
            return .remote(url)
        }
        if lower.hasPrefix("file://") {
            // file://data/x.csv would make "data" a host and read /x.csv: only file:///absolute is accepted.
            guard let url = URL(string: text), url.isFileURL, url.host == nil || url.host == "" || url.host == "localhost",
                  !url.path.isEmpty
            else {
                throw value.error("'\(text.prefix(80))' is not a file URL of an absolute path (file:///path/to/file); write a plain relative path instead")
            }
            return .file(url)
        }
        if lower.contains("://") { throw value.error("only file paths, file:// and http(s):// URLs are supported") }
        return .file(Configuration.resolve(path: text, against: base))
    }
}

extension AffiliConfiguration {
    init(value: YAMLValue, environment: [String: String]) throws {
        let map = try value.mapping(allowed: [
            "endpoint", "token", "withdraw", "batch_size", "timeout_s", "max_in_flight", "retries", "max_withdraw_percent",
        ])
        let endpointValue = try map.require("endpoint")
        let endpointText = try endpointValue.string(environment: environment)
        guard let endpoint = URL(string: endpointText), let scheme = endpoint.scheme?.lowercased(),
              ["http", "https"].contains(scheme), endpoint.host != nil
        else {
            throw endpointValue.error("expected an http(s) URL such as https://core.affili.ir/services/products")
        }
        let tokenValue = try map.require("token")
        let token = Secret(
            raw: try tokenValue.rawString(), environment: environment,
            place: ConfigPlace(file: tokenValue.file, line: tokenValue.line, key: tokenValue.path))
        var withdraw = WithdrawPolicy.outOfStock
        if let withdrawValue = map["withdraw"] {
            let text = try withdrawValue.string(environment: environment)
            guard let policy = WithdrawPolicy(rawValue: text) else {
                throw withdrawValue.error("expected out-of-stock or keep, got '\(text.prefix(40))'")
            }
            withdraw = policy
        }
        let batchSize = try map["batch_size"]?.int(in: 1...1000, environment: environment) ?? 1000
        let timeout = try map["timeout_s"]?.int(in: 1...3600, environment: environment) ?? 60
        self.init(
            endpoint: endpoint, token: token, withdraw: withdraw, batchSize: batchSize, timeout: Double(timeout),
            maxInFlight: try map["max_in_flight"]?.int(in: 1...16, environment: environment) ?? 2,
            retries: try map["retries"]?.int(in: 1...20, environment: environment) ?? 5,
            maxWithdrawPercent: Double(try map["max_withdraw_percent"]?.int(in: 0...100, environment: environment) ?? 20))
    }
}

extension AccessTradeConfiguration {
    init(value: YAMLValue, environment: [String: String]) throws {
        let map = try value.mapping(allowed: ["campaign", "domain", "deep_link", "timezone", "category_commission"])
        let deepLinkValue = try map.require("deep_link")
        let deepLink = try deepLinkValue.string(environment: environment)
        guard let url = URL(string: deepLink), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme), url.host != nil else {
            throw deepLinkValue.error("expected the campaign's deep-link base, an http(s) URL such as https://fast.accesstrade.com.vn/deep_link/1234567890")
        }
        var timeZone = TimeZone(identifier: Self.defaultTimeZone) ?? .gmt
        if let zoneValue = map["timezone"] {
            let name = try zoneValue.string(environment: environment)
            guard let zone = TimeZone(identifier: name) else {
                throw zoneValue.error("unknown time zone '\(name.prefix(40))' (use an IANA name such as Asia/Ho_Chi_Minh)")
            }
            timeZone = zone
        }
        var commissions: [String: CategoryCommission] = [:]
        if let table = map["category_commission"] {
            for (cate, entry) in try table.freeMapping().entries {
                let reward = try entry.mapping(allowed: ["partner_reward", "reward_type"])
                commissions[cate] = CategoryCommission(
                    partnerReward: try reward.require("partner_reward").string(environment: environment),
                    rewardType: try reward.require("reward_type").string(environment: environment))
            }
        }
        self.init(
            campaign: try map.require("campaign").string(environment: environment),
            domain: try map.require("domain").string(environment: environment),
            deepLink: deepLink, timeZone: timeZone, categoryCommission: commissions)
    }
}

extension ServeConfiguration {
    init(value: YAMLValue, environment: [String: String]) throws {
        let map = try value.mapping(allowed: [
            "host", "port", "token", "max_query_bytes", "max_header_bytes", "max_connections", "request_timeout_s",
            "idle_timeout_s",
        ])
        let token = try map["token"].map {
            Secret(raw: try $0.rawString(), environment: environment, place: ConfigPlace(file: $0.file, line: $0.line, key: $0.path))
        }
        self.init(
            host: try map["host"]?.string(environment: environment) ?? "127.0.0.1",
            port: try map["port"]?.int(in: 0...65535, environment: environment) ?? 8080,
            token: token
        )
        maxQueryBytes = try map["max_query_bytes"].map { Int(try $0.byteSize(in: 64...(1 << 20), environment: environment)) }
        maxHeaderBytes = try map["max_header_bytes"].map { Int(try $0.byteSize(in: 1024...(1 << 20), environment: environment)) }
        maxConnections = try map["max_connections"]?.int(in: 1...100_000, environment: environment)
        requestTimeout = try map["request_timeout_s"]?.seconds(environment: environment)
        idleTimeout = try map["idle_timeout_s"]?.seconds(environment: environment)
    }
}
