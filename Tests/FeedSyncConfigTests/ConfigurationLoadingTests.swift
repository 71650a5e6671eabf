import FeedSyncConfig
import Foundation
import Testing

struct ConfigurationLoadingTests {
    /// The design's example, with every section and every key given.
    static let fullExample = """
        state: .feedsync/state.sqlite
        sources:
          - name: shop
            format: csv
            location: fixtures/demo/catalog.csv
            mapping: mappings/woocommerce-csv.yml
            base_url: https://myshop.example/
          - name: outlet
            format: xml
            location: https://outlet.example/feeds/google.xml
            mapping: woocommerce-csv
          - name: api
            format: json-pages
            location: file:///srv/feeds/api.json
            mapping: maps/x.yml
        affili:
          endpoint: https://core.affili.ir/services/products
          token: ${AFFILI_TOKEN}
          withdraw: keep
          batch_size: 500
          timeout_s: 30
        accesstrade:
          campaign: myshop
          domain: myshop.vn
          deep_link: https://fast.accesstrade.com.vn/deep_link/1234567890
        serve:
          host: 0.0.0.0
          port: 9090
          token: ${FEEDSYNC_SERVE_TOKEN}
        """

    static let environment = ["AFFILI_TOKEN": "affili-secret-1", "FEEDSYNC_SERVE_TOKEN": "serve-secret-2"]

    /// Loads `yaml` from `<folder>/conf/feedsync.yml`, so relative paths must resolve against `conf/`.
    private func load(_ yaml: String, environment: [String: String] = Self.environment) throws -> (Configuration, folder: String) {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let configuration = try Configuration.load(path: try folder.write(yaml, to: "conf/feedsync.yml"), environment: environment)
        return (configuration, folder.path + "/conf")
    }

    @Test("loads every source with its name and format, in file order")
    func sources() throws {
        let (configuration, _) = try load(Self.fullExample)
        #expect(configuration.sources.map(\.name) == ["shop", "outlet", "api"])
        #expect(configuration.sources.map(\.format) == [.csv, .xml, .jsonPages])
    }

    @Test("a relative location resolves against the configuration file's folder")
    func relativeLocation() throws {
        let (configuration, folder) = try load(Self.fullExample)
        #expect(configuration.sources[0].location == .file(URL(fileURLWithPath: folder + "/fixtures/demo/catalog.csv")))
    }

    @Test("a location with .. is resolved and standardized")
    func parentLocation() throws {
        let (configuration, folder) = try load(minimalSources.replacingOccurrences(of: "catalog.csv", with: "../feeds/catalog.csv"))
        let expected = URL(fileURLWithPath: folder).deletingLastPathComponent().path + "/feeds/catalog.csv"
        #expect(configuration.sources[0].location.description == expected)
    }

    @Test("an absolute location is kept as it is")
    func absoluteLocation() throws {
        let (configuration, _) = try load(minimalSources.replacingOccurrences(of: "catalog.csv", with: "/srv/feeds/catalog.csv"))
        #expect(configuration.sources[0].location == .file(URL(fileURLWithPath: "/srv/feeds/catalog.csv")))
    }

    @Test("an http(s) location is remote", arguments: ["https://outlet.example/feeds/google.xml", "http://shop.example/export.csv?key=1"])
    func remoteLocation(url: String) throws {
        let (configuration, _) = try load(minimalSources.replacingOccurrences(of: "catalog.csv", with: url))
        #expect(configuration.sources[0].location == .remote(try #require(URL(string: url))))
    }

    @Test("a file:// location is a local file")
    func fileURLLocation() throws {
        let (configuration, _) = try load(Self.fullExample)
        #expect(configuration.sources[2].location == .file(URL(fileURLWithPath: "/srv/feeds/api.json")))
    }

    @Test("a mapping name without a path is a bundled preset")
    func presetMapping() throws {
        let (configuration, _) = try load(Self.fullExample)
        #expect(configuration.sources[1].mapping == .preset("woocommerce-csv"))
    }

    @Test("a mapping path is a file resolved against the configuration file's folder", arguments: [
        (0, "mappings/woocommerce-csv.yml"), (2, "maps/x.yml"),
    ])
    func fileMapping(index: Int, path: String) throws {
        let (configuration, folder) = try load(Self.fullExample)
        #expect(configuration.sources[index].mapping == .file(URL(fileURLWithPath: folder + "/" + path)))
    }

    @Test("a bare file name ending in .yml or .yaml is a mapping file, not a preset", arguments: ["shop.yml", "shop.yaml"])
    func bareMappingFile(name: String) throws {
        let (configuration, folder) = try load(minimalSources.replacingOccurrences(of: "woocommerce-csv", with: name))
        #expect(configuration.sources[0].mapping == .file(URL(fileURLWithPath: folder + "/" + name)))
    }

    @Test("base_url is kept without its trailing slash")
    func baseURL() throws {
        let (configuration, _) = try load(Self.fullExample)
        #expect(configuration.sources[0].baseURL == "https://myshop.example")
        #expect(configuration.sources[1].baseURL == nil)
    }

    @Test("each source remembers its file, line and key for later errors")
    func sourcePlace() throws {
        let (configuration, folder) = try load(Self.fullExample)
        #expect(configuration.sources[1].place == ConfigPlace(file: folder + "/feedsync.yml", line: 8, key: "sources[1]"))
    }

    @Test("state resolves against the configuration file's folder")
    func statePath() throws {
        let (configuration, folder) = try load(Self.fullExample)
        #expect(configuration.state == URL(fileURLWithPath: folder + "/.feedsync/state.sqlite"))
    }

    @Test("state defaults to .feedsync/state.sqlite beside the configuration file")
    func defaultState() throws {
        let (configuration, folder) = try load(minimalSources)
        #expect(configuration.state == URL(fileURLWithPath: folder + "/.feedsync/state.sqlite"))
    }

    @Test("file and baseDirectory name the configuration file and its folder")
    func fileAndBaseDirectory() throws {
        let (configuration, folder) = try load(minimalSources)
        #expect(configuration.file == folder + "/feedsync.yml")
        #expect(configuration.baseDirectory.standardizedFileURL.path == folder)
    }

    @Test("loads the affili section with every key")
    func affiliSection() throws {
        let (configuration, _) = try load(Self.fullExample)
        let affili = try #require(configuration.affili)
        #expect(affili.endpoint == URL(string: "https://core.affili.ir/services/products"))
        #expect(try affili.token.value() == "affili-secret-1")
        #expect(affili.withdraw == .keep)
        #expect(affili.batchSize == 500)
        #expect(affili.timeout == 30)
    }

    @Test("affili's withdraw, batch_size and timeout_s default to out-of-stock, 1000 and 60")
    func affiliDefaults() throws {
        let (configuration, _) = try load(minimalSources + """

            affili:
              endpoint: https://core.affili.ir/services/products
              token: literal-token
            """)
        let affili = try #require(configuration.affili)
        #expect(affili.withdraw == .outOfStock)
        #expect(affili.batchSize == 1000)
        #expect(affili.timeout == 60)
    }

    @Test("withdraw accepts out-of-stock and keep", arguments: AffiliConfiguration.WithdrawPolicy.allCases)
    func withdrawPolicies(policy: AffiliConfiguration.WithdrawPolicy) throws {
        let (configuration, _) = try load(minimalSources + """

            affili:
              endpoint: https://core.affili.ir/services/products
              token: t
              withdraw: \(policy.rawValue)
            """)
        #expect(configuration.affili?.withdraw == policy)
    }

    @Test("batch_size accepts 1 through 1000", arguments: [1, 999, 1000])
    func batchSizeBounds(size: Int) throws {
        let (configuration, _) = try load(minimalSources + """

            affili:
              endpoint: https://core.affili.ir/services/products
              token: t
              batch_size: \(size)
            """)
        #expect(configuration.affili?.batchSize == size)
    }

    @Test("loads the accesstrade section")
    func accessTradeSection() throws {
        let (configuration, _) = try load(Self.fullExample)
        let accessTrade = try #require(configuration.accessTrade)
        #expect(accessTrade.campaign == "myshop")
        #expect(accessTrade.domain == "myshop.vn")
        #expect(accessTrade.deepLink == "https://fast.accesstrade.com.vn/deep_link/1234567890")
    }

    @Test("loads the serve section")
    func serveSection() throws {
        let (configuration, _) = try load(Self.fullExample)
        let serve = try #require(configuration.serve)
        #expect(serve.host == "0.0.0.0")
        #expect(serve.port == 9090)
        #expect(try serve.token?.value() == "serve-secret-2")
    }

    @Test("serve's host, port and token default to 127.0.0.1, 8080 and none")
    func serveDefaults() throws {
        let (configuration, _) = try load(minimalSources + "\nserve: {}\n")
        let serve = try #require(configuration.serve)
        #expect(serve.host == "127.0.0.1")
        #expect(serve.port == 8080)
        #expect(serve.token == nil)
    }

    @Test("affili, accesstrade and serve are optional")
    func optionalSections() throws {
        let (configuration, _) = try load(minimalSources)
        #expect(configuration.affili == nil)
        #expect(configuration.accessTrade == nil)
        #expect(configuration.serve == nil)
    }

    @Test("requireAffili names the file and the missing section")
    func requireAffiliMissing() throws {
        let (configuration, folder) = try load(minimalSources)
        let error = try #require(throws: ConfigError.self) { try configuration.requireAffili() }
        #expect(error.file == folder + "/feedsync.yml")
        #expect(error.key == "affili")
    }

    @Test("comments and quoted values are read like plain ones")
    func commentsAndQuotes() throws {
        let (configuration, _) = try load("""
            # the shop's catalog
            sources:
              - name: "shop"          # quoted
                format: 'csv'
                location: catalog.csv # path
                mapping: woocommerce-csv
            """)
        #expect(configuration.sources[0].name == "shop")
        #expect(configuration.sources[0].format == .csv)
    }
}
