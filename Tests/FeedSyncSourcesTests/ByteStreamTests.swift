import FeedSyncCore
import FeedSyncSources
import Foundation
import Testing

/// The file and in-memory byte streams.
struct ByteStreamTests {
    private func readAll<Stream: ByteStream>(
        _ stream: inout Stream, bufferSize: Int
    ) throws -> (bytes: [UInt8], reads: Int) {
        var buffer = [UInt8](repeating: 0, count: bufferSize)
        var bytes: [UInt8] = []
        var reads = 0
        while true {
            let count = try buffer.withUnsafeMutableBytes { try stream.read(into: $0) }
            if count == 0 { return (bytes, reads) }
            bytes += buffer[..<count]
            reads += 1
        }
    }

    private func makeTemporaryFile(_ bytes: [UInt8]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("feedsync-\(UUID().uuidString).csv")
        try Data(bytes).write(to: url)
        return url
    }

    @Test("an in-memory stream hands out at most its maximum read size, then 0")
    func memoryStreamPieces() throws {
        var stream = MemoryByteStream("abcdefg", maximumReadSize: 3)

        let (bytes, reads) = try readAll(&stream, bufferSize: 100)

        #expect(bytes == Array("abcdefg".utf8))
        #expect(reads == 3)
    }

    @Test("a file stream reads the whole file in buffer-sized chunks")
    func fileStreamReadsFile() throws {
        let content = (0..<10_000).map { UInt8(truncatingIfNeeded: $0) }
        let url = try makeTemporaryFile(content)
        defer { try? FileManager.default.removeItem(at: url) }
        var stream = try FileByteStream(path: url.path)

        let (bytes, reads) = try readAll(&stream, bufferSize: 4096)

        #expect(bytes == content)
        #expect(reads == 3)
    }

    @Test("a missing file is a run error naming the path and the reason")
    func missingFile() throws {
        let error = try #require(throws: ByteStreamError.self) {
            try FileByteStream(path: "/nonexistent/catalog.csv")
        }

        #expect(error.kind == .run)
        #expect(error.operation == .open)
        #expect(error.description == "cannot open /nonexistent/catalog.csv: No such file or directory")
    }

    @Test("a directory opens but cannot be read, and the error says why")
    func directoryIsNotReadable() throws {
        var stream = try FileByteStream(path: FileManager.default.temporaryDirectory.path)

        let error = try #require(throws: ByteStreamError.self) {
            _ = try readAll(&stream, bufferSize: 16)
        }

        #expect(error.operation == .read)
        #expect(error.reason == "Is a directory")
    }
}
