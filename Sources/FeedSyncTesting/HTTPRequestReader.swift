import Foundation

/// Reads one HTTP/1.1 request (head and body) from a connection.
struct HTTPRequestReader {
    /// A request the server cannot read, answered with `status` and `message`.
    struct Failure: Error {
        var status: Int
        var message: String
    }

    private static let crlf: [UInt8] = [13, 10]
    private static let headEnd: [UInt8] = [13, 10, 13, 10]
    private static let maximumHeadSize = 64 * 1024

    let connection: SocketConnection
    let continuePolicy: LoopbackHTTPServer.ContinuePolicy
    let maximumBodySize: Int

    /// Reads the request.
    /// - Returns: the request, or `nil` when the client closed before sending anything.
    /// - Throws: ``Failure`` for a malformed or oversized request.
    func read() throws -> ReceivedRequest? {
        var searchedUpTo = 0
        var headLength: Int
        while true {
            if let offset = connection.firstOffset(of: Self.headEnd, from: max(0, searchedUpTo - 3)) {
                headLength = offset
                break
            }
            searchedUpTo = connection.available
            guard searchedUpTo <= Self.maximumHeadSize else {
                throw Failure(status: 431, message: "request head larger than \(Self.maximumHeadSize) bytes")
            }
            guard connection.receive() else {
                if connection.available == 0 { return nil }
                throw Failure(status: 400, message: "connection closed inside the request head")
            }
        }
        let head = String(decoding: connection.consume(headLength), as: UTF8.self)
        _ = connection.consume(Self.headEnd.count)

        var lines = head.components(separatedBy: "\r\n")
        let requestLine = lines.removeFirst().split(separator: " ", omittingEmptySubsequences: true)
        guard requestLine.count == 3, requestLine[2].hasPrefix("HTTP/1.") else {
            throw Failure(status: 400, message: "malformed request line")
        }
        var headers: [HeaderField] = []
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else {
                throw Failure(status: 400, message: "malformed header line: \(line.prefix(80))")
            }
            headers.append(
                HeaderField(
                    name: String(line[..<colon]),
                    value: line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
        var request = ReceivedRequest(
            method: String(requestLine[0]), target: String(requestLine[1]), version: String(requestLine[2]),
            headers: headers)

        if headers.value(for: "Expect")?.lowercased() == "100-continue", continuePolicy == .answer {
            connection.write(Array("HTTP/1.1 100 Continue\r\n\r\n".utf8))
            request.continueSent = true
        }
        if let encoding = headers.value(for: "Transfer-Encoding") {
            guard encoding.lowercased().split(separator: ",").last?.trimmingCharacters(in: .whitespaces)
                == "chunked"
            else {
                throw Failure(status: 501, message: "unsupported Transfer-Encoding: \(encoding)")
            }
            request.body = try readChunkedBody()
            request.wasChunked = true
        } else if let lengthText = headers.value(for: "Content-Length") {
            guard let length = Int(lengthText), length >= 0 else {
                throw Failure(status: 400, message: "malformed Content-Length: \(lengthText)")
            }
            guard length <= maximumBodySize else {
                throw Failure(status: 413, message: "body of \(length) bytes is over \(maximumBodySize)")
            }
            request.body = try readExactly(length)
        }
        return request
    }

    private func readExactly(_ count: Int) throws -> Data {
        while connection.available < count {
            guard connection.receive() else {
                throw Failure(status: 400, message: "connection closed inside the body")
            }
        }
        return Data(connection.consume(count))
    }

    private func readLine() throws -> String {
        while true {
            if let offset = connection.firstOffset(of: Self.crlf) {
                let line = String(decoding: connection.consume(offset), as: UTF8.self)
                _ = connection.consume(Self.crlf.count)
                return line
            }
            guard connection.available <= Self.maximumHeadSize, connection.receive() else {
                throw Failure(status: 400, message: "connection closed or line too long in a chunked body")
            }
        }
    }

    private func readChunkedBody() throws -> Data {
        var body = Data()
        while true {
            let sizeLine = try readLine()
            // Chunk extensions after `;` carry nothing this server needs.
            let sizeText = sizeLine.prefix { $0 != ";" }.trimmingCharacters(in: .whitespaces)
            guard let size = Int(sizeText, radix: 16), size >= 0 else {
                throw Failure(status: 400, message: "malformed chunk size: \(sizeLine.prefix(40))")
            }
            if size == 0 {
                // Trailer fields until an empty line.
                while try !readLine().isEmpty {}
                return body
            }
            guard body.count + size <= maximumBodySize else {
                throw Failure(status: 413, message: "chunked body over \(maximumBodySize) bytes")
            }
            body.append(try readExactly(size))
            guard try readLine().isEmpty else {
                throw Failure(status: 400, message: "chunk not followed by CRLF")
            }
        }
    }
}
