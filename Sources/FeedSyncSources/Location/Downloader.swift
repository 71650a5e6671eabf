import FeedSyncHTTP
import Foundation

/// Fetches a URL into a file, so that a large remote feed is read from disk in chunks
/// instead of being held in memory.
///
/// ``HTTPTransport`` hands back whole bodies, which is right for API pages and wrong for a
/// 2 GB feed; `URLSession` on Linux cannot hand a body out as a stream either, but it can
/// write it to a file as it arrives. ``URLSessionDownloader`` does that;
/// ``TransportDownloader`` adapts any transport (tests, small files).
public protocol Downloader: Sendable {
    /// Sends `request` and writes the answer's body to `file`.
    /// - Parameters:
    ///   - request: the request.
    ///   - file: where to write the body; replaced if it exists.
    /// - Returns: the answer's status and header fields; its body is empty (it is in `file`).
    /// - Throws: ``TransportError`` when no answer could be had; `CancellationError`.
    func download(_ request: HTTPRequest, to file: URL) async throws -> HTTPResponse
}

/// A ``Downloader`` over any ``HTTPTransport``: the body passes through memory once.
public struct TransportDownloader: Downloader {
    /// The transport that sends the requests.
    public let transport: any HTTPTransport

    /// Creates a downloader over `transport`.
    /// - Parameter transport: the transport.
    public init(transport: any HTTPTransport) {
        self.transport = transport
    }

    /// Sends `request` and writes the body to `file`.
    /// - Parameters:
    ///   - request: the request.
    ///   - file: where to write the body.
    /// - Returns: the answer without its body.
    /// - Throws: what the transport throws; a file error when `file` cannot be written.
    public func download(_ request: HTTPRequest, to file: URL) async throws -> HTTPResponse {
        var response = try await transport.send(request)
        try response.body.write(to: file)
        response.body = Data()
        return response
    }
}
