import FeedSyncSources
import Foundation
import Testing

struct GzipTests {
    /// Every byte of `opened`.
    private func readAll(_ opened: OpenedLocation, readSize: Int = 1 << 16) throws -> [UInt8] {
        var stream = opened.stream
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: readSize)
        while true {
            let count = try buffer.withUnsafeMutableBytes { try stream.read(into: $0) }
            if count == 0 { return bytes }
            bytes += buffer[0..<count]
        }
    }

    @Test("a .gz file reads the same as the plain file")
    func gzipFile() throws {
        let opened = try LocationOpener.openFile(path: JSONTestSupport.fixture("catalog.json.gz").path)
        #expect(opened.wasCompressed)
        #expect(try readAll(opened) == Array(JSONTestSupport.fixtureData("catalog.json")))
    }

    @Test("gzip is inflated correctly whatever the read size")
    func smallReads() throws {
        let opened = try LocationOpener.openFile(path: JSONTestSupport.fixture("catalog.json.gz").path)
        #expect(try readAll(opened, readSize: 7) == Array(JSONTestSupport.fixtureData("catalog.json")))
    }

    @Test("a plain file is passed through, not inflated")
    func plainFile() throws {
        let opened = try LocationOpener.openFile(path: JSONTestSupport.fixture("catalog.json").path)
        #expect(!opened.wasCompressed)
        #expect(try readAll(opened).count == JSONTestSupport.fixtureData("catalog.json").count)
    }

    @Test("two concatenated gzip members read as one stream")
    func multiMember() throws {
        let gz = Array(JSONTestSupport.fixtureData("catalog.json.gz"))
        let opened = try LocationOpener.decode(MemoryByteStream(gz + gz), name: "twice.gz", options: LocationOptions())
        let plain = Array(JSONTestSupport.fixtureData("catalog.json"))
        #expect(try readAll(opened) == plain + plain)
    }

    @Test("a gzip bomb is refused at the inflated size limit, naming the limit")
    func bomb() throws {
        let opened = try LocationOpener.openFile(
            path: JSONTestSupport.fixture("bomb.json.gz").path, options: LocationOptions(maxInflatedBytes: 1 << 20))
        #expect {
            _ = try readAll(opened)
        } throws: { error in
            (error as? ByteStreamError)?.reason.contains("more than 1048576 bytes") == true
        }
    }

    @Test("content exactly at the inflated size limit reads; one byte less is refused")
    func limitIsExact() throws {
        let size = Int64(JSONTestSupport.fixtureData("catalog.json").count)
        let path = JSONTestSupport.fixture("catalog.json.gz").path
        #expect(try readAll(LocationOpener.openFile(path: path, options: LocationOptions(maxInflatedBytes: size))).count == Int(size))
        let tight = try LocationOpener.openFile(path: path, options: LocationOptions(maxInflatedBytes: size - 1))
        #expect(throws: ByteStreamError.self) { _ = try readAll(tight) }
    }

    @Test("truncated gzip data is an error, never a shorter catalog")
    func truncated() throws {
        let gz = Array(JSONTestSupport.fixtureData("catalog.json.gz"))
        let opened = try LocationOpener.decode(MemoryByteStream(Array(gz.prefix(gz.count - 20))), name: "cut.gz", options: LocationOptions())
        #expect {
            _ = try readAll(opened)
        } throws: { error in
            (error as? ByteStreamError)?.reason.contains("truncated") == true
        }
    }

    @Test("corrupt gzip data is an error")
    func corrupt() throws {
        var gz = Array(JSONTestSupport.fixtureData("catalog.json.gz"))
        for index in 20..<60 { gz[index] ^= 0x5A }
        let opened = try LocationOpener.decode(MemoryByteStream(gz), name: "bad.gz", options: LocationOptions())
        #expect(throws: ByteStreamError.self) { _ = try readAll(opened) }
    }
}
