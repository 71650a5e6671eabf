import FeedSyncConfig
import Foundation
import Testing

/// Each error names the file, the line and the dotted key path a user has to fix.
struct ConfigurationErrorTests {
    static let affili = """
        affili:
          endpoint: https://core.affili.ir/services/products
          token: t
        """

    @Test("a missing sources list is named, at the document")
    func missingSources() throws {
        let (error, file) = try configurationError("""
            state: state.sqlite
            \(Self.affili)
            """)
        expectPlace(error, file: file, line: 1, key: "sources")
        #expect(error.message.contains("missing"))
    }

    @Test("a source without location is named at that source's line")
    func missingLocation() throws {
        let (error, file) = try configurationError("""
            state: state.sqlite
            sources:
              - name: shop
                format: csv
                mapping: woocommerce-csv
            """)
        expectPlace(error, file: file, line: 3, key: "sources[0].location")
        #expect(error.message.contains("missing"))
    }

    @Test("a missing key in the second source names that source's index and line")
    func missingKeyInSecondSource() throws {
        let (error, file) = try configurationError("""
            \(minimalSources)
              - name: outlet
                location: outlet.csv
                mapping: woocommerce-csv
            """)
        expectPlace(error, file: file, line: 6, key: "sources[1].format")
    }

    @Test("an unknown top-level key is named at its line, with the known keys")
    func unknownTopLevelKey() throws {
        let (error, file) = try configurationError("""
            \(minimalSources)
            colour: red
            """)
        expectPlace(error, file: file, line: 6, key: "colour")
        #expect(error.column == 1)
        #expect(error.message.contains("unknown key"))
        #expect(error.message.contains("sources"))
    }

    @Test("an unknown key inside a source is named at that key's line")
    func unknownSourceKey() throws {
        let (error, file) = try configurationError("""
            sources:
              - name: shop
                format: csv
                path: catalog.csv
                location: catalog.csv
                mapping: woocommerce-csv
            """)
        expectPlace(error, file: file, line: 4, key: "sources[0].path")
        #expect(error.column == 5)
        #expect(error.message.contains("location"))
    }

    @Test("an unknown key inside affili is named at its line")
    func unknownAffiliKey() throws {
        let (error, file) = try configurationError("""
            \(minimalSources)
            \(Self.affili)
              batchsize: 100
            """)
        expectPlace(error, file: file, line: 9, key: "affili.batchsize")
    }

    @Test("an unknown format is named with the formats there are")
    func badFormat() throws {
        let (error, file) = try configurationError(minimalSources.replacingOccurrences(of: "format: csv", with: "format: tsv"))
        expectPlace(error, file: file, line: 3, key: "sources[0].format")
        #expect(error.message.contains("tsv"))
        #expect(error.message.contains("csv, xml, json-pages"))
    }

    @Test("two sources with one name are refused at the second")
    func duplicateSourceNames() throws {
        let (error, file) = try configurationError("""
            \(minimalSources)
              - name: shop
                format: xml
                location: feed.xml
                mapping: google-rss
            """)
        expectPlace(error, file: file, line: 6, key: "sources[1]")
        #expect(error.message.contains("'shop'"))
    }

    @Test("a source name with spaces or slashes is refused", arguments: ["my shop", "a/b", "\"\""])
    func badSourceName(name: String) throws {
        let (error, file) = try configurationError(minimalSources.replacingOccurrences(of: "name: shop", with: "name: \(name)"))
        expectPlace(error, file: file, line: 2, key: "sources[0].name")
    }

    @Test("an empty source list is refused")
    func emptySources() throws {
        let (error, file) = try configurationError("sources: []\n")
        expectPlace(error, file: file, line: 1, key: "sources")
    }

    @Test("sources given as a mapping instead of a list is refused")
    func sourcesNotAList() throws {
        let (error, file) = try configurationError("""
            sources:
              name: shop
            """)
        expectPlace(error, file: file, line: 2, key: "sources")
        #expect(error.message.contains("list"))
    }

    @Test("a location with an unsupported scheme is refused", arguments: ["ftp://shop.example/catalog.csv", "s3://bucket/catalog.csv"])
    func unsupportedLocationScheme(location: String) throws {
        let (error, file) = try configurationError(minimalSources.replacingOccurrences(of: "catalog.csv", with: location))
        expectPlace(error, file: file, line: 4, key: "sources[0].location")
    }

    @Test("a base_url that is not an http(s) address is refused", arguments: ["myshop.example", "ftp://myshop.example"])
    func badBaseURL(baseURL: String) throws {
        let (error, file) = try configurationError(minimalSources + "\n    base_url: \(baseURL)\n")
        expectPlace(error, file: file, line: 6, key: "sources[0].base_url")
    }

    @Test("batch_size above Affili's limit of 1000 is refused", arguments: ["5000", "1001", "0", "-1", "lots", "10.5"])
    func badBatchSize(value: String) throws {
        let (error, file) = try configurationError("""
            \(minimalSources)
            \(Self.affili)
              batch_size: \(value)
            """)
        expectPlace(error, file: file, line: 9, key: "affili.batch_size")
        #expect(error.message.contains("1 to 1000"))
        #expect(error.message.contains(value))
    }

    @Test("timeout_s outside 1 through 3600 is refused", arguments: ["0", "3601"])
    func badTimeout(value: String) throws {
        let (error, file) = try configurationError("""
            \(minimalSources)
            \(Self.affili)
              timeout_s: \(value)
            """)
        expectPlace(error, file: file, line: 9, key: "affili.timeout_s")
    }

    @Test("withdraw: delete is refused, since Affili has no delete")
    func withdrawDelete() throws {
        let (error, file) = try configurationError("""
            \(minimalSources)
            \(Self.affili)
              withdraw: delete
            """)
        expectPlace(error, file: file, line: 9, key: "affili.withdraw")
        #expect(error.message.contains("out-of-stock"))
        #expect(error.message.contains("delete"))
    }

    @Test("an endpoint that is not an http(s) URL is refused", arguments: [
        "core.affili.ir/services/products", "ftp://core.affili.ir/services/products", "https://", "not a url",
    ])
    func badEndpoint(endpoint: String) throws {
        let (error, file) = try configurationError("""
            \(minimalSources)
            affili:
              endpoint: \(endpoint)
              token: t
            """)
        expectPlace(error, file: file, line: 7, key: "affili.endpoint")
    }

    @Test("affili without a token is refused")
    func missingToken() throws {
        let (error, file) = try configurationError("""
            \(minimalSources)
            affili:
              endpoint: https://core.affili.ir/services/products
            """)
        expectPlace(error, file: file, line: 7, key: "affili.token")
    }

    @Test("a serve port outside 0 through 65535 is refused")
    func badPort() throws {
        let (error, file) = try configurationError(minimalSources + "\nserve:\n  port: 70000\n")
        expectPlace(error, file: file, line: 7, key: "serve.port")
    }

    @Test("a key given twice is refused with its line and the key's name")
    func duplicateKey() throws {
        let (error, file) = try configurationError("""
            \(minimalSources)
            \(Self.affili)
              token: u
            """)
        // Yams refuses duplicates while parsing, before key paths exist; it points at the mapping.
        #expect((6...9).contains(error.line))
        #expect(error.message.contains("'token'"))
        #expect(error.description.hasPrefix("\(file):\(error.line):"))
    }

    @Test("a YAML error does not copy the file's text, and so a literal token, into the message")
    func syntaxErrorHidesFileText() throws {
        let (error, _) = try configurationError("""
            \(minimalSources)
            affili:
              endpoint: https://core.affili.ir/services/products
              token: s3cr3t-literal-token
            serve:
              port: 8080
              port: 9090
            """)
        #expect(!error.description.contains("s3cr3t-literal-token"))
    }

    @Test("a file:// location with a host part is refused rather than losing that part", arguments: [
        "file://data/catalog.csv", "file://catalog.csv",
    ])
    func fileURLWithHost(location: String) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = try folder.write(minimalSources.replacingOccurrences(of: "catalog.csv", with: location))
        let error = try #require(throws: ConfigError.self) { try Configuration.load(path: path, environment: [:]) }
        expectPlace(error, file: path, line: 4, key: "sources[0].location")
    }

    @Test("invalid YAML is refused with the line and column of the problem")
    func invalidSyntax() throws {
        let (error, file) = try configurationError("""
            sources:
              - name: shop
                format: [csv
                location: catalog.csv
            """)
        #expect(error.file == file)
        #expect(error.line >= 3)
        #expect(error.column > 0)
        #expect(error.description.hasPrefix("\(file):\(error.line):\(error.column): "))
        #expect(error.message.contains("not valid YAML"))
    }

    @Test("a tab used for indentation is refused with its line")
    func tabIndentation() throws {
        let (error, file) = try configurationError("sources:\n\t- name: shop\n")
        #expect(error.file == file)
        #expect(error.line == 2)
        #expect(error.description.hasPrefix("\(file):2:"))
    }

    @Test("an empty file is refused for its missing sources")
    func emptyFile() throws {
        let (error, file) = try configurationError("")
        #expect(error.file == file)
        #expect(error.key == "sources")
        #expect(error.description.hasPrefix("\(file): sources: "))
    }

    @Test("a file of only comments is refused for its missing sources")
    func commentsOnly() throws {
        let (error, file) = try configurationError("# nothing here yet\n")
        #expect(error.file == file)
        #expect(error.key == "sources")
    }

    @Test("a document that is not a mapping is refused")
    func notAMapping() throws {
        let (error, file) = try configurationError("- shop\n- outlet\n")
        #expect(error.file == file)
        #expect(error.line == 1)
        #expect(error.description.hasPrefix("\(file):1:"))
        #expect(error.message.contains("mapping"))
    }

    @Test("a missing file is named, with how to give another")
    func missingFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path + "/nowhere.yml"
        let error = try #require(throws: ConfigError.self) { try Configuration.load(path: path, environment: [:]) }
        #expect(error.file == path)
        #expect(error.line == 0)
        #expect(error.description.hasPrefix("\(path): "))
        #expect(error.message.contains("--config"))
    }

    @Test("configuration errors are configuration failures (exit code 2)")
    func kind() throws {
        let (error, _) = try configurationError("")
        #expect(error.kind == .configuration)
    }
}
