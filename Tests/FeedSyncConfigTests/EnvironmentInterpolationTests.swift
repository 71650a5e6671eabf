import FeedSyncConfig
import Foundation
import Testing

struct EnvironmentInterpolationTests {
    private func interpolate(_ text: String, _ environment: [String: String] = [:]) -> Result<String, EnvironmentInterpolation.MissingVariable> {
        EnvironmentInterpolation.interpolate(text, environment: environment)
    }

    private func missingName(_ result: Result<String, EnvironmentInterpolation.MissingVariable>) -> String? {
        guard case .failure(let missing) = result else { return nil }
        return missing.name
    }

    @Test("replaces each ${NAME} with the variable's value", arguments: [
        ("${A}", "1"),
        ("x-${A}-y", "x-1-y"),
        ("${A}${B}", "12"),
        ("${A}/${B}/${A}", "1/2/1"),
        ("${EMPTY}", ""),
    ])
    func substitutes(text: String, expected: String) {
        #expect(interpolate(text, ["A": "1", "B": "2", "EMPTY": ""]) == .success(expected))
    }

    @Test("text without ${ is left alone", arguments: ["plain", "$A", "$", "{A}", "price $5", ""])
    func leavesPlainText(text: String) {
        #expect(interpolate(text) == .success(text))
    }

    @Test("$${ writes a literal ${", arguments: [
        ("$${A}", "${A}"),
        ("cost: $${A} and ${A}", "cost: ${A} and 1"),
        ("a$${", "a${"),
    ])
    func escape(text: String, expected: String) {
        #expect(interpolate(text, ["A": "1"]) == .success(expected))
    }

    @Test("a substituted value is not expanded again")
    func noRecursion() {
        #expect(interpolate("${A}", ["A": "${B}", "B": "no"]) == .success("${B}"))
    }

    @Test("an unset variable is named")
    func missing() {
        #expect(missingName(interpolate("Bearer ${AFFILI_TOKEN}", ["OTHER": "x"])) == "AFFILI_TOKEN")
    }

    @Test("the first unset variable is the one named")
    func firstMissing() {
        #expect(missingName(interpolate("${SET}${FIRST}${SECOND}", ["SET": "x"])) == "FIRST")
    }

    @Test("an unterminated ${ is kept as text")
    func unterminated() {
        #expect(interpolate("a ${B", ["B": "x"]) == .success("a ${B"))
    }

    @Test("${VAR} in a location is substituted before the path is resolved")
    func locationSubstituted() throws {
        let configuration = try loadConfiguration(
            minimalSources.replacingOccurrences(of: "catalog.csv", with: "${FEED_DIR}/catalog-${SHOP}.csv"),
            environment: ["FEED_DIR": "/srv/feeds", "SHOP": "tehran"]
        )
        #expect(configuration.sources[0].location == .file(URL(fileURLWithPath: "/srv/feeds/catalog-tehran.csv")))
    }

    @Test("${VAR} in a URL location makes it remote")
    func remoteLocationSubstituted() throws {
        let configuration = try loadConfiguration(
            minimalSources.replacingOccurrences(of: "catalog.csv", with: "${FEED_URL}"),
            environment: ["FEED_URL": "https://shop.example/feed.csv"]
        )
        #expect(configuration.sources[0].location == .remote(URL(string: "https://shop.example/feed.csv")!))
    }

    @Test("${VAR} works in numbers too")
    func numberSubstituted() throws {
        let configuration = try loadConfiguration(minimalSources + """

            affili:
              endpoint: ${AFFILI_ENDPOINT}
              token: t
              batch_size: ${BATCH}
            """, environment: ["AFFILI_ENDPOINT": "https://core.affili.ir/services/products", "BATCH": "250"])
        #expect(configuration.affili?.batchSize == 250)
        #expect(configuration.affili?.endpoint.host == "core.affili.ir")
    }

    @Test("an unset variable in a location is an error naming the variable and the key")
    func locationUnset() throws {
        let (error, file) = try configurationError(
            minimalSources.replacingOccurrences(of: "catalog.csv", with: "${FEED_DIR}/catalog.csv"),
            environment: ["HOME": "/root"]
        )
        expectPlace(error, file: file, line: 4, key: "sources[0].location")
        #expect(error.message.contains("FEED_DIR"))
        #expect(error.message.contains("not set"))
    }

    @Test("$${ in the file is a literal ${ in the value")
    func escapeInFile() throws {
        let configuration = try loadConfiguration(
            minimalSources.replacingOccurrences(of: "catalog.csv", with: "/srv/$${SHOP}/catalog.csv"),
            environment: ["SHOP": "wrong"]
        )
        #expect(configuration.sources[0].location.description == "/srv/${SHOP}/catalog.csv")
    }
}
