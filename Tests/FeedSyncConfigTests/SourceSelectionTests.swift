import FeedSyncConfig
import Testing

struct SourceSelectionTests {
    static let twoSources = """
        \(minimalSources)
          - name: outlet
            format: xml
            location: https://outlet.example/feed.xml
            mapping: google-rss
        """

    @Test("no name chooses every source")
    func allSources() throws {
        let configuration = try loadConfiguration(Self.twoSources)
        #expect(try configuration.sources(named: nil).map(\.name) == ["shop", "outlet"])
    }

    @Test("a known name chooses that source alone", arguments: ["shop", "outlet"])
    func oneSource(name: String) throws {
        let configuration = try loadConfiguration(Self.twoSources)
        #expect(try configuration.sources(named: name).map(\.name) == [name])
    }

    @Test("an unknown name is an error listing the sources there are")
    func unknownName() throws {
        let configuration = try loadConfiguration(Self.twoSources)
        let error = try #require(throws: ConfigError.self) { try configuration.sources(named: "shopp") }
        #expect(error.file == configuration.file)
        #expect(error.key == "sources")
        #expect(error.message.contains("'shopp'"))
        #expect(error.message.contains("shop, outlet"))
    }
}
