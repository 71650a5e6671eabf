import FeedSyncSources
import Foundation
import Testing

/// The csv-spectrum acid test (maxogden/csv-spectrum 1.0.0, BSD-2-Clause), written out
/// byte for byte (checked with `od -c`) so it runs without the shared folder.
struct CSVSpectrumTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let csv: String
        let header: [String]
        let rows: [[String]]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "comma_in_quotes",
            csv: "first,last,address,city,zip\nJohn,Doe,120 any st.,\"Anytown, WW\",08123",
            header: ["first", "last", "address", "city", "zip"],
            rows: [["John", "Doe", "120 any st.", "Anytown, WW", "08123"]]),
        Case(
            name: "empty",
            csv: "a,b,c\n1,\"\",\"\"\n2,3,4",
            header: ["a", "b", "c"],
            rows: [["1", "", ""], ["2", "3", "4"]]),
        Case(
            name: "empty_crlf",
            csv: "a,b,c\r\n1,\"\",\"\"\r\n2,3,4",
            header: ["a", "b", "c"],
            rows: [["1", "", ""], ["2", "3", "4"]]),
        Case(
            name: "escaped_quotes",
            csv: "a,b\n1,\"ha \"\"ha\"\" ha\"\n3,4\n",
            header: ["a", "b"],
            rows: [["1", "ha \"ha\" ha"], ["3", "4"]]),
        Case(
            name: "json",
            csv: "key,val\n1,\"{\"\"type\"\": \"\"Point\"\", \"\"coordinates\"\": [102.0, 0.5]}\"\n",
            header: ["key", "val"],
            rows: [["1", "{\"type\": \"Point\", \"coordinates\": [102.0, 0.5]}"]]),
        Case(
            name: "newlines",
            csv: "a,b,c\n1,2,3\n\"Once upon \na time\",5,6\n7,8,9\n",
            header: ["a", "b", "c"],
            rows: [["1", "2", "3"], ["Once upon \na time", "5", "6"], ["7", "8", "9"]]),
        Case(
            name: "newlines_crlf",
            csv: "a,b,c\r\n1,2,3\r\n\"Once upon \r\na time\",5,6\r\n7,8,9\r\n",
            header: ["a", "b", "c"],
            rows: [["1", "2", "3"], ["Once upon \r\na time", "5", "6"], ["7", "8", "9"]]),
        Case(
            name: "quotes_and_newlines",
            csv: "a,b\n1,\"ha \n\"\"ha\"\" \nha\"\n3,4\n",
            header: ["a", "b"],
            rows: [["1", "ha \n\"ha\" \nha"], ["3", "4"]]),
        Case(
            name: "simple",
            csv: "a,b,c\n1,2,3\n",
            header: ["a", "b", "c"],
            rows: [["1", "2", "3"]]),
        Case(
            name: "simple_crlf",
            csv: "a,b,c\r\n1,2,3\r\n",
            header: ["a", "b", "c"],
            rows: [["1", "2", "3"]]),
        Case(
            name: "utf8",
            csv: "a,b,c\n1,2,3\n4,5,\u{02A4}",
            header: ["a", "b", "c"],
            rows: [["1", "2", "3"], ["4", "5", "ʤ"]]),
    ]

    @Test("each csv-spectrum case reads to its expected header and rows", arguments: cases)
    func spectrumCase(_ spectrum: Case) throws {
        var source = try CSVTestSupport.source(spectrum.csv)
        let events = try CSVTestSupport.drain(&source)

        #expect(source.names.names == spectrum.header)
        #expect(events.compactMap(\.rejection).isEmpty)
        #expect(events.compactMap(\.record).map(\.decodedValues) == spectrum.rows)
    }

    @Test("each csv-spectrum case reads the same however the bytes are split", arguments: cases, [1, 2, 3, 7])
    func spectrumCaseInPieces(_ spectrum: Case, readSize: Int) throws {
        let whole = try CSVTestSupport.events(spectrum.csv)
        let pieces = try CSVTestSupport.events(spectrum.csv, readSize: readSize, chunkSize: 16)

        #expect(pieces == whole)
    }

    @Test("the csv-spectrum folder beside the repository matches its JSON files")
    func conformanceFolder() throws {
        // Given the suite as shipped in ../shared/conformance
        let folder = SharedFolder.url.appendingPathComponent("conformance/csv-spectrum")
        let csvFolder = folder.appendingPathComponent("csvs")
        let names = try #require(try? FileManager.default.contentsOfDirectory(atPath: csvFolder.path))
            .filter { $0.hasSuffix(".csv") }.sorted()
        try #require(names.count == Self.cases.count, "csv-spectrum should have \(Self.cases.count) cases")

        for name in names {
            // When each file is read from disk
            var source = try CSVSource(path: csvFolder.appendingPathComponent(name).path, source: "spectrum")
            let events = try CSVTestSupport.drain(&source)
            let records = events.compactMap(\.record)

            // Then it matches the JSON: an array of objects keyed by header name
            let jsonURL = folder.appendingPathComponent("json")
                .appendingPathComponent(String(name.dropLast(4)) + ".json")
            let json = try JSONSerialization.jsonObject(with: Data(contentsOf: jsonURL))
            let expected = try #require(json as? [[String: String]], "\(jsonURL.path) is not an array of objects")
            let actual = records.map { record in
                Dictionary(uniqueKeysWithValues: source.names.names.enumerated().map { ($1, record.value(at: $0)) })
            }
            #expect(events.compactMap(\.rejection).isEmpty, "\(name)")
            #expect(actual == expected, "\(name)")

            // and the inline copy above agrees with the file
            let inline = try #require(Self.cases.first { $0.name + ".csv" == name })
            let bytes = try Data(contentsOf: csvFolder.appendingPathComponent(name))
            #expect(Array(bytes) == Array(inline.csv.utf8), "inline copy of \(name) differs from the file")
        }
    }
}
