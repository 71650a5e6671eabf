import FeedSyncConfig
import FeedSyncMapping
import FeedSyncSources
import Foundation
import Testing

/// `extends:` builds a mapping on a preset or another file and overrides single fields.
@Suite("Mapping extends")
struct ExtendsTests {
    /// A temporary folder holding mapping files for one test.
    private struct Folder {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("feedsync-mapping-\(UUID().uuidString)")

        init() throws { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) }

        func write(_ name: String, _ text: String) throws -> URL {
            let file = url.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: file)
            return file
        }

        func remove() { try? FileManager.default.removeItem(at: url) }
    }

    private func loadError(_ body: () throws -> Mapping) -> String? {
        do {
            _ = try body()
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test("overriding one field of a preset keeps every other field of it")
    func overrideOneField() throws {
        let mapping = try MappingFactory.mapping("""
            extends: woocommerce-csv
            fields:
              name: { from: Name, transforms: [collapse_whitespace, { truncate: 10 }] }
            """)
        let preset = try PresetLibrary.mapping(named: "woocommerce-csv")
        #expect(mapping.fields[.name]?.transforms.count == 2)
        #expect(mapping.fields[.url] == preset.fields[.url])
        #expect(mapping.filter == preset.filter)
        #expect(mapping.csvDelimiter == preset.csvDelimiter)
        var mapper = Mapper(mapping: mapping, context: MappingContext(variables: ["base_url": "https://s.example"], now: MappingFactory.now))
        let product = mapper.map(MappingFactory.record([
            ("ID", "743"), ("Type", "simple"), ("Name", "Hoodie with Pocket and  Logo"), ("Published", "1"), ("Regular price", "45"),
        ])).product
        #expect(product?.name == "Hoodie…")
        #expect(product?.url == "https://s.example/?p=743")
    }

    @Test("a field set to ~ is removed from the preset")
    func removeField() throws {
        let mapping = try MappingFactory.mapping("""
            extends: woocommerce-csv
            fields: { sale_price: ~ }
            """)
        #expect(mapping.fields[.salePrice] == nil)
        #expect(mapping.fields[.price] != nil)
    }

    @Test("aliases and top-level settings of the extending mapping add to or replace the base's")
    func aliasesAndSettings() throws {
        let mapping = try MappingFactory.mapping("""
            extends: woocommerce-csv
            csv: { delimiter: ";" }
            timezone: Asia/Tehran
            aliases: { Name: [نام] }
            """)
        #expect(mapping.csvDelimiter == .semicolon)
        #expect(mapping.timeZone?.identifier == "Asia/Tehran")
        #expect(mapping.names(for: "Name") == ["Name", "Nome", "نام"])
    }

    @Test("a file path in extends is read relative to the extending file, through several levels")
    func fileChain() throws {
        let folder = try Folder()
        defer { folder.remove() }
        _ = try folder.write("base/shop.yml", """
            fields: { pid: id, name: title, url: link, price: { from: price, transforms: [{ price: { locale: comma } }] } }
            """)
        _ = try folder.write("base/mid.yml", """
            extends: shop.yml
            fields: { name: { from: title, transforms: [lowercase] } }
            """)
        let leaf = try folder.write("leaf.yml", """
            extends: base/mid.yml
            fields: { url: { template: "https://s/{{id}}" } }
            """)
        var mapper = Mapper(mapping: try Mapping.load(contentsOf: leaf), context: MappingContext(now: MappingFactory.now))
        let product = mapper.map(MappingFactory.record([("id", "1"), ("title", "Café BOX"), ("price", "1.234,50")])).product
        #expect(product?.name == "café box")
        #expect(product?.url == "https://s/1")
        #expect(product?.price == 1234.5)
    }

    @Test("an error in an inherited field names the base file and line")
    func inheritedFieldErrorNamesBase() throws {
        let folder = try Folder()
        defer { folder.remove() }
        let base = try folder.write("base.yml", """
            fields:
              pid: id
              name: title
              url: link
              price: price
            """)
        let leaf = try folder.write("leaf.yml", "extends: base.yml\nfields: { name: name }\n")
        let mapper = Mapper(mapping: try Mapping.load(contentsOf: leaf), context: MappingContext())
        let error = try #require(throws: ConfigError.self) {
            try mapper.check(header: FieldNames(["id", "name", "price"]), sourceFile: "catalog.csv")
        }
        #expect(error.file == base.path)
        #expect(error.line == 4)
        #expect(error.key == "fields.url")
    }

    @Test("an unknown preset in extends is refused with its line")
    func unknownPreset() throws {
        let error = try #require(loadError { try MappingFactory.mapping("fields: {}\nextends: shopify\n") })
        #expect(error.contains("test.yml:2"))
        #expect(error.contains("no preset is named 'shopify'"))
    }

    @Test("a mapping that extends itself through another is refused")
    func cycle() throws {
        let folder = try Folder()
        defer { folder.remove() }
        _ = try folder.write("a.yml", "extends: b.yml\nfields: { pid: id }\n")
        let b = try folder.write("b.yml", "extends: a.yml\nfields: { name: n }\n")
        let error = try #require(loadError { try Mapping.load(contentsOf: b) })
        #expect(error.contains("extends this mapping again"))
    }

    @Test("a required field missing after the merge is refused")
    func requiredAfterMerge() throws {
        let error = try #require(loadError {
            try MappingFactory.mapping("""
                extends: woocommerce-csv
                fields:
                  price: ~
                """)
        })
        #expect(error.contains("test.yml:3"))
        #expect(error.contains("'price'"))
    }
}
