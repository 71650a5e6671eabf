import FeedSyncHTTP
import FeedSyncSources
import FeedSyncTesting
import Foundation
import Testing

struct SourceLocationTests {
    @Test("a relative path is taken from the given folder")
    func relativePath() throws {
        #expect(try SourceLocation(parsing: "exports/p.json", relativeTo: "/etc/shop") == .file("/etc/shop/exports/p.json"))
        #expect(try SourceLocation(parsing: "/abs/p.json", relativeTo: "/etc/shop") == .file("/abs/p.json"))
    }

    @Test("a file:// URL is a path")
    func fileURL() throws {
        #expect(try SourceLocation(parsing: "file:///data/feed%20a.xml.gz") == .file("/data/feed a.xml.gz"))
    }

    @Test("http and https URLs are remote; their description hides the query")
    func remote() throws {
        let location = try SourceLocation(parsing: "https://shop.example/feed.xml?token=secret")
        #expect(location == .remote(try #require(URL(string: "https://shop.example/feed.xml?token=secret"))))
        #expect(location.description == "https://shop.example/feed.xml")
    }

    @Test("other schemes are refused with the supported ones named")
    func otherScheme() throws {
        #expect {
            _ = try SourceLocation(parsing: "ftp://shop.example/feed.csv")
        } throws: { error in
            (error as? LocationError)?.reason.contains("file://, http:// or https://") == true
        }
    }

    @Test("a Windows drive letter is not taken for a scheme")
    func driveLetter() throws {
        #expect(try SourceLocation(parsing: "C:/feeds/a.csv") == .file("C:/feeds/a.csv"))
    }

    @Test("an http download reads the same as the file, gzip answer included", arguments: [false, true])
    func download(gzipped: Bool) async throws {
        let plain = JSONTestSupport.fixtureData("catalog.json")
        let gz = JSONTestSupport.fixtureData("catalog.json.gz")
        let server = LoopbackHTTPServer { _ in
            gzipped
                ? ServerResponse(status: 200, headers: [HeaderField(name: "Content-Encoding", value: "gzip"), HeaderField(name: "Content-Type", value: "application/json")], body: gz)
                : .json(200, String(decoding: plain, as: UTF8.self))
        }
        try server.start()
        defer { server.stop() }
        let opener = LocationOpener()
        let opened = try await opener.open(.remote(server.baseURL.appendingPathComponent("catalog.json")))
        var reader = JSONRecordReader(stream: opened.stream, items: JSONPointer(tokens: ["data", "products"]), source: "s", file: opened.name)
        var count = 0
        while try reader.next()?.record != nil { count += 1 }
        #expect(count == 25)
        #expect(opened.name == "http://127.0.0.1:\(server.port)/catalog.json")
    }

    @Test("a download answered 404 fails at once with the status")
    func downloadNotFound() async throws {
        let server = LoopbackHTTPServer { _ in .text(404, "no such feed") }
        try server.start()
        defer { server.stop() }
        await #expect {
            _ = try await LocationOpener().open(.remote(server.baseURL.appendingPathComponent("missing.xml")))
        } throws: { error in
            let error = error as? HTTPFetchError
            return error?.status == 404 && error?.attempts == 1 && error?.reason.contains("no such feed") == true
        }
    }

    @Test("a download answered 503 is retried with backoff, then succeeds")
    func downloadRetried() async throws {
        let calls = JSONTestBox(0)
        let server = LoopbackHTTPServer { _ in
            let call = calls.withLock { count -> Int in
                count += 1
                return count
            }
            return call == 1 ? .text(503, "busy") : .json(200, "[1]")
        }
        try server.start()
        defer { server.stop() }
        let waits = JSONTestBox<[Duration]>([])
        let opener = LocationOpener(sleep: { duration in waits.withLock { $0.append(duration) } })
        let opened = try await opener.open(.remote(server.baseURL.appendingPathComponent("feed.json")))
        var reader = JSONRecordReader(stream: opened.stream, items: JSONPointer(tokens: []), source: "s", file: "f")
        #expect(try reader.next()?.record?.firstValue(named: "value") == "1")
        #expect(calls.current == 2)
        #expect(waits.current.count == 1)
    }
}
