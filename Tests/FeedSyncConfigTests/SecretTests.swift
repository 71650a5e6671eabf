import FeedSyncConfig
import Foundation
import Testing

struct SecretTests {
    static func yaml(token: String) -> String {
        minimalSources + """

            affili:
              endpoint: https://core.affili.ir/services/products
              token: \(token)
            """
    }

    @Test("a ${VAR} token takes the variable's value")
    func fromEnvironment() throws {
        let configuration = try loadConfiguration(Self.yaml(token: "${AFFILI_TOKEN}"), environment: ["AFFILI_TOKEN": "s3cr3t-token"])
        #expect(try configuration.affili?.token.value() == "s3cr3t-token")
    }

    @Test("an unset AFFILI_TOKEN does not stop loading")
    func unsetLoads() throws {
        let configuration = try loadConfiguration(Self.yaml(token: "${AFFILI_TOKEN}"))
        #expect(configuration.affili != nil)
    }

    @Test("reading an unset AFFILI_TOKEN names affili.token, its line and the variable")
    func unsetValueThrows() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = try folder.write(Self.yaml(token: "${AFFILI_TOKEN}"))
        let configuration = try Configuration.load(path: path, environment: [:])
        let token = try #require(configuration.affili?.token)
        let error = try #require(throws: ConfigError.self) { try token.value() }
        #expect(error.file == path)
        #expect(error.line == 8)
        #expect(error.key == "affili.token")
        #expect(error.message.contains("AFFILI_TOKEN"))
        #expect(error.description.hasPrefix("\(path):8: affili.token: "))
        #expect(error.description.contains("AFFILI_TOKEN"))
    }

    @Test("a token that comes out empty is refused when read")
    func emptyValueThrows() throws {
        let configuration = try loadConfiguration(Self.yaml(token: "${AFFILI_TOKEN}"), environment: ["AFFILI_TOKEN": ""])
        let token = try #require(configuration.affili?.token)
        let error = try #require(throws: ConfigError.self) { try token.value() }
        #expect(error.key == "affili.token")
    }

    @Test("a secret's description never shows its value", arguments: [
        ("${AFFILI_TOKEN}", ["AFFILI_TOKEN": "s3cr3t-token"]),
        ("s3cr3t-token", [:]),
    ])
    func descriptionHidesValue(token: String, environment: [String: String]) throws {
        let configuration = try loadConfiguration(Self.yaml(token: token), environment: environment)
        let secret = try #require(configuration.affili?.token)
        #expect(try secret.value() == "s3cr3t-token")
        #expect(!String(describing: secret).contains("s3cr3t"))
        #expect(!"\(secret)".contains("s3cr3t"))
        #expect(!String(reflecting: secret).contains("s3cr3t"))
    }

    @Test("printing the whole affili section does not show the token")
    func sectionDescriptionHidesValue() throws {
        let configuration = try loadConfiguration(Self.yaml(token: "s3cr3t-token"))
        let affili = try #require(configuration.affili)
        #expect(!String(describing: affili).contains("s3cr3t"))
    }

    @Test("isLiteral tells a token written in the file from a ${VAR} reference", arguments: [
        ("s3cr3t-token", true), ("${AFFILI_TOKEN}", false), ("Bearer-${AFFILI_TOKEN}", false),
    ])
    func isLiteral(token: String, literal: Bool) throws {
        let configuration = try loadConfiguration(Self.yaml(token: token), environment: ["AFFILI_TOKEN": "x"])
        #expect(configuration.affili?.token.isLiteral == literal)
    }

    @Test("the serve token is a secret too, resolved when read")
    func serveToken() throws {
        let configuration = try loadConfiguration(minimalSources + "\nserve:\n  token: ${FEEDSYNC_SERVE_TOKEN}\n")
        let token = try #require(configuration.serve?.token)
        let error = try #require(throws: ConfigError.self) { try token.value() }
        #expect(error.key == "serve.token")
        #expect(error.message.contains("FEEDSYNC_SERVE_TOKEN"))
    }
}
