import FeedSyncHTTP
import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A ``Downloader`` over `URLSession` (libcurl on Linux) that writes the body to disk as
/// it arrives, counting it against the request's ``TransferLimits`` (``LimitedSession``),
/// so an endless or huge answer is stopped instead of filling the disk. Redirects are
/// followed: feeds move to CDNs and to https.
///
/// `URLSession` may decode a `Content-Encoding: gzip` answer on the fly and still report
/// the header; that is why ``LocationOpener`` decides about gzip from the file's first
/// bytes, not from the header.
public final class URLSessionDownloader: Downloader {
    private let session: LimitedSession

    /// Creates a downloader with its own ephemeral session (no cookies, no cache).
    public init() {
        session = LimitedSession(configuration: .ephemeral, followRedirects: true)
    }

    /// Downloads `request`'s answer into `file`, within `request.limits`.
    /// - Parameters:
    ///   - request: the request.
    ///   - file: where to write the body; replaced if it exists.
    /// - Returns: the answer's status and header fields.
    /// - Throws: ``TransportError`` when no answer could be had or a limit was broken
    ///   (the file then holds what came before); `CancellationError` when the task was
    ///   cancelled; a file error when `file` cannot be written.
    public func download(_ request: HTTPRequest, to file: URL) async throws -> HTTPResponse {
        try await session.send(request, to: .file(file))
    }
}
