import FeedSyncCore
import FeedSyncSources
import Testing

struct JSONRecordReaderTests {
    typealias P = JSONTestSupport.Pair

    @Test("an item's members become fields named by key path")
    func keyPaths() throws {
        let records = try JSONTestSupport.pairs(#"[{"name":"Mug","spec":{"color":"red","size":{"h":10}}}]"#, items: "")
        #expect(records == [[P(name: "name", value: "Mug"), P(name: "spec/color", value: "red"), P(name: "spec/size/h", value: "10")]])
    }

    @Test("an array of scalars repeats its name once per element")
    func scalarArrays() throws {
        let records = try JSONTestSupport.pairs(#"[{"images":["a.jpg","b.jpg"],"tags":[]}]"#, items: "")
        #expect(records == [[P(name: "images", value: "a.jpg"), P(name: "images", value: "b.jpg")]])
    }

    @Test("an array of objects repeats each member's path, element by element")
    func objectArrays() throws {
        let text = #"[{"categories":[{"cid":"1","parent_cid":null},{"cid":"2","parent_cid":"1"}]}]"#
        let record = try #require(try JSONTestSupport.events(text, items: "").first?.record)
        #expect(record.values(named: "categories/cid") == ["1", "2"])
        #expect(record.values(named: "categories/parent_cid") == ["", "1"])
    }

    @Test("null keeps its slot as an empty value; booleans and numbers are their text")
    func scalars() throws {
        let records = try JSONTestSupport.pairs(#"[{"old":null,"in":true,"out":false,"p":175000.0,"e":1e3}]"#, items: "")
        #expect(records == [[
            P(name: "old", value: ""), P(name: "in", value: "true"), P(name: "out", value: "false"),
            P(name: "p", value: "175000.0"), P(name: "e", value: "1e3"),
        ]])
    }

    @Test("a '/' or '~' in a member name is escaped as in JSON Pointer")
    func escapedNames() throws {
        let records = try JSONTestSupport.pairs(#"[{"a/b":1,"c~d":{"e":2}}]"#, items: "")
        #expect(records == [[P(name: "a~1b", value: "1"), P(name: "c~0d/e", value: "2")]])
    }

    @Test("an item that is not an object is one field called value")
    func scalarItems() throws {
        #expect(try JSONTestSupport.pairs(#"["x", 2, ["y","z"]]"#, items: "") == [
            [P(name: "value", value: "x")], [P(name: "value", value: "2")],
            [P(name: "value", value: "y"), P(name: "value", value: "z")],
        ])
    }

    @Test("items are found at a nested pointer, whatever comes before or after them")
    func nestedPointer() throws {
        let text = #"{"status":"ok","filters":{"x":[1,2,{"y":3}]},"data":{"other":[9],"products":[{"pid":"1"},{"pid":"2"}]},"tail":{}}"#
        let records = try JSONTestSupport.pairs(text, items: "/data/products")
        #expect(records == [[P(name: "pid", value: "1")], [P(name: "pid", value: "2")]])
    }

    @Test("a pointer can go through an array index")
    func indexPointer() throws {
        let text = #"{"results":[{"items":[{"a":1}]},{"items":[{"a":2},{"a":3}]}]}"#
        #expect(try JSONTestSupport.pairs(text, items: "/results/1/items").count == 2)
    }

    @Test("metadata before and after the items is collected")
    func metadata() throws {
        let text = #"{"count":150,"products":[{"a":1}],"meta":{"page":{"last":37,"next":null}},"max_pages":2}"#
        var reader = try JSONTestSupport.recordReader(
            text, items: "/products", metadata: ["/count", "/meta/page/last", "/meta/page/next", "/max_pages", "/missing"])
        while try reader.next() != nil {}
        #expect(reader.metadata == [
            try JSONPointer("/count"): "150", try JSONPointer("/meta/page/last"): "37", try JSONPointer("/max_pages"): "2",
        ])
    }

    @Test("null at the items pointer means no items")
    func nullItems() throws {
        var reader = try JSONTestSupport.recordReader(#"{"data":null}"#, items: "/data")
        #expect(try reader.next() == nil)
        #expect(reader.foundItems)
    }

    @Test("a document without the items says what it has instead")
    func missingItems() throws {
        #expect {
            _ = try JSONTestSupport.events(#"{"data":{"items":[]},"meta":{}}"#, items: "/data/products")
        } throws: { error in
            let error = error as? JSONReadError
            return error?.problem == .shape && error?.reason == "there is no array of items at /data/products; the document's top-level members are: data, meta"
        }
    }

    @Test("a top-level array read with a member pointer suggests the empty pointer")
    func topLevelArrayHint() throws {
        #expect {
            _ = try JSONTestSupport.events("[{}]", items: "/products")
        } throws: { error in
            (error as? JSONReadError)?.reason.contains("use the items pointer \"\"") == true
        }
    }

    @Test("an object where the items should be is refused")
    func objectAtPointer() throws {
        #expect {
            _ = try JSONTestSupport.events(#"{"products":{"a":1}}"#, items: "/products")
        } throws: { error in
            (error as? JSONReadError)?.reason == "expected an array of items at /products, found an object"
        }
    }

    @Test("records carry the line they start on and run on numbering")
    func locations() throws {
        let text = "{\"products\": [\n  {\"a\": 1},\n  {\"a\": 2}\n]}"
        let locations = try JSONTestSupport.events(text, items: "/products").compactMap(\.record?.location)
        #expect(locations == [
            RecordLocation(source: "shop", file: "test.json", line: 2, record: 1),
            RecordLocation(source: "shop", file: "test.json", line: 3, record: 2),
        ])
    }

    @Test("records with the same keys share one name table")
    func sharedNames() throws {
        let records = try JSONTestSupport.events(#"[{"a":1,"b":2},{"a":3,"b":4},{"b":5}]"#, items: "").compactMap(\.record)
        #expect(records[0].names === records[1].names)
        #expect(records[2].names !== records[1].names)
        #expect(records[2].names.names == ["b"])
    }

    @Test("an item over the size limit is rejected and the next one is read")
    func oversizedItem() throws {
        let text = #"[{"a":"\#(String(repeating: "x", count: 200))"},{"a":"small"}]"#
        let events = try JSONTestSupport.events(text, items: "", options: JSONRecordOptions(maxRecordBytes: 100))
        #expect(events.count == 2)
        #expect(events[0].rejection?.reason.contains("larger than the limit of 100 bytes") == true)
        #expect(events[1].record?.firstValue(named: "a") == "small")
    }

    @Test("an item with too many values is rejected")
    func tooManyFields() throws {
        let events = try JSONTestSupport.events(#"[{"a":[1,2,3,4]}]"#, items: "", options: JSONRecordOptions(maxFieldsPerRecord: 3))
        #expect(events.first?.rejection != nil)
    }

    @Test("an item whose text is not UTF-8 is rejected with a hint, and the next is read")
    func invalidTextRejected() throws {
        var bytes = Array(#"[{"a":"x"#.utf8)
        bytes.append(0xE9)
        bytes += Array(#""},{"a":"ok"}]"#.utf8)
        var reader = JSONRecordReader(stream: MemoryByteStream(bytes), items: JSONPointer(tokens: []), source: "shop", file: "f")
        let first = try #require(try reader.next())
        #expect(first.rejection?.reason.contains("not valid UTF-8") == true)
        #expect(first.rejection?.reason.contains("name its encoding") == true)
        #expect(try reader.next()?.record?.firstValue(named: "a") == "ok")
    }

    @Test("invalid text is kept as U+FFFD when the options say so")
    func invalidTextReplaced() throws {
        let bytes = Array(#"[{"a":"x"#.utf8) + [0xE9] + Array(#""}]"#.utf8)
        var reader = JSONRecordReader(
            stream: MemoryByteStream(bytes), items: JSONPointer(tokens: []), source: "s", file: "f",
            options: JSONRecordOptions(invalidText: .replace))
        #expect(try reader.next()?.record?.firstValue(named: "a") == "x\u{FFFD}")
    }

    @Test("reading one byte at a time gives the same records")
    func oneByteChunks() throws {
        let text = String(decoding: JSONTestSupport.fixtureData("affili-webhook/page-2.json"), as: UTF8.self)
        let whole = try JSONTestSupport.events(text, items: "/data/products").compactMap(\.record).map(JSONTestSupport.pairs(of:))
        let bytewise = try JSONTestSupport.events(text, items: "/data/products", readSize: 1).compactMap(\.record)
            .map(JSONTestSupport.pairs(of:))
        #expect(whole.count == 10)
        #expect(bytewise == whole)
    }

    @Test("a syntax error after some items still throws, after those items")
    func errorAfterItems() throws {
        var reader = try JSONTestSupport.recordReader(#"[{"a":1},{"a":2} {"a":3}]"#, items: "")
        #expect(try reader.next()?.record != nil)
        #expect(try reader.next()?.record != nil)
        #expect(throws: JSONReadError.self) { try reader.next() }
    }
}
