import FeedSyncConfig
import FeedSyncMapping
import Foundation
import Testing

/// A mapping is checked before any record is read; each problem names file and line.
@Suite("Mapping file loading")
struct MappingLoadingTests {
    private func loadError(_ yaml: String) -> String? {
        MappingFactory.loadError(yaml)
    }

    @Test("an unknown transform is refused with its line")
    func unknownTransform() throws {
        let error = try #require(loadError("""
            fields:
              pid: id
              name: { from: title, transforms: [trim, shout] }
              url: link
              price: price
            """))
        #expect(error.contains("test.yml:3"))
        #expect(error.contains("unknown transform 'shout'"))
    }

    @Test("a missing required field mapping is refused, naming the field")
    func missingRequiredField() throws {
        let error = try #require(loadError("""
            fields:
              pid: id
              name: title
              url: link
            """))
        #expect(error.contains("'price'"))
        #expect(error.contains("test.yml:2"))
    }

    @Test("a transform fed the wrong kind of value is refused")
    func kindMismatch() throws {
        let error = try #require(loadError("""
            fields:
              pid: id
              name: { from: title, transforms: [first] }
              url: link
              price: price
            """))
        #expect(error.contains("test.yml:3"))
        #expect(error.contains("does not accept a text value"))
    }

    @Test("a pipeline ending in the wrong type for its field is refused")
    func wrongFinalType() throws {
        let error = try #require(loadError("""
            fields:
              pid: id
              name: { from: title, transforms: [price] }
              url: link
              price: price
            """))
        #expect(error.contains("name needs a text"))
    }

    @Test("an unknown field name is refused with its line")
    func unknownField() throws {
        let error = try #require(loadError("""
            fields:
              pid: id
              name: title
              url: link
              price: price
              colour: color
            """))
        #expect(error.contains("test.yml:6"))
        #expect(error.contains("fields.colour"))
    }

    @Test("bad YAML is refused with line and column")
    func badYAML() throws {
        let error = try #require(loadError("fields:\n  pid: [id\n  name: x\n"))
        #expect(error.contains("test.yml:"))
        #expect(error.contains("not valid YAML"))
    }

    @Test("an unclosed template is refused")
    func badTemplate() throws {
        let error = try #require(loadError("""
            fields:
              pid: id
              name: title
              url: { template: "https://s/{{id" }
              price: price
            """))
        #expect(error.contains("test.yml:4"))
        #expect(error.contains("not closed"))
    }

    @Test("an unknown template filter is refused")
    func badTemplateFilter() throws {
        let error = try #require(loadError("""
            fields:
              pid: id
              name: title
              url: { template: "https://s/{{id|upper}}" }
              price: price
            """))
        #expect(error.contains("unknown template filter 'upper'"))
    }

    @Test("a Rial/Toman conversion needs both units")
    func halfConversion() throws {
        let error = try #require(loadError("""
            fields:
              pid: id
              name: title
              url: link
              price: { from: price, transforms: [{ price: { from: IRT } }] }
            """))
        #expect(error.contains("both from and to"))
    }

    @Test("the CSV delimiter is read from the mapping")
    func delimiter() throws {
        let mapping = try MappingFactory.mapping("""
            csv: { delimiter: ";" }
            fields: { pid: id, name: title, url: link, price: price }
            """)
        #expect(mapping.csvDelimiter == .semicolon)
    }

    @Test("a date pattern with an unknown letter is refused with its line")
    func badDatePattern() throws {
        let error = try #require(loadError(MappingFactory.requiredFields + "\n" + """
              created_at: { from: created, transforms: [{ date: { format: "dd/MM/yyyy hh:mm" } }] }
            """))
        #expect(error.contains("test.yml:6"))
        #expect(error.contains("'hh'"))
    }

    @Test("an unknown time zone is refused with its line")
    func badTimeZone() throws {
        let error = try #require(loadError("""
            timezone: Asia/Teheran
            fields: { pid: id, name: title, url: link, price: price }
            """))
        #expect(error.contains("test.yml:1"))
        #expect(error.contains("unknown time zone 'Asia/Teheran'"))
    }

    @Test("truncate needs a length")
    func truncateWithoutLength() throws {
        let error = try #require(loadError("""
            fields:
              pid: id
              name: { from: title, transforms: [truncate] }
              url: link
              price: price
            """))
        #expect(error.contains("test.yml:3"))
        #expect(error.contains("truncate needs a length"))
    }

    @Test("collect cannot be combined with other sources")
    func collectMixed() throws {
        let error = try #require(loadError(MappingFactory.requiredFields + "\n" + """
              images: { from: a, collect: [b, c] }
            """))
        #expect(error.contains("test.yml:6"))
        #expect(error.contains("collect gives a list"))
    }

    @Test("a when item needs a condition and exactly one value")
    func whenNeedsOneValue() throws {
        let error = try #require(loadError(MappingFactory.requiredFields + "\n" + """
              in_stock: { when: [{ field: a, empty: true }], from: qty }
            """))
        #expect(error.contains("test.yml:6"))
        #expect(error.contains("exactly one value"))
    }

    @Test("group_by without a key is refused with its line")
    func groupWithoutKey() throws {
        let error = try #require(loadError("group_by: { variants: fold }\n" + MappingFactory.requiredFields))
        #expect(error.contains("test.yml:1"))
        #expect(error.contains("group_by needs a key"))
    }

    @Test("an unknown variants choice is refused, naming the two choices")
    func unknownVariants() throws {
        let error = try #require(loadError("group_by: { key: Handle, variants: merge }\n" + MappingFactory.requiredFields))
        #expect(error.contains("test.yml:1"))
        #expect(error.contains("expected separate"))
    }

    @Test("an extending mapping changes one key of group_by and keeps the others")
    func extendGrouping() throws {
        let base = try MappingFactory.mapping("""
            group_by: { key: Handle, variants: fold, inherit: [Title] }
            """ + "\n" + MappingFactory.requiredFields)
        #expect(base.grouping?.variants == .fold)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("feedsync-group-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(("group_by: { key: Handle, variants: fold, inherit: [Title] }\n" + MappingFactory.requiredFields).utf8)
            .write(to: folder.appendingPathComponent("base.yml"))
        let leaf = try Mapping(root: YAMLValue.parse("extends: base.yml\ngroup_by: { variants: separate }\n", file: "leaf.yml"), baseDirectory: folder)
        #expect(leaf.grouping?.variants == .separate)
        #expect(leaf.grouping?.inherit == ["Title"])
        #expect(leaf.grouping?.key.alternatives == [.field("Handle")])
        let removed = try Mapping(root: YAMLValue.parse("extends: base.yml\ngroup_by: ~\n", file: "leaf.yml"), baseDirectory: folder)
        #expect(removed.grouping == nil)
    }
}
