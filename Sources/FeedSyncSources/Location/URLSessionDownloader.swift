import FeedSyncHTTP
import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A ``Downloader`` over `URLSession.download`, which writes the body to disk as it
/// arrives (libcurl on Linux). Redirects are followed: feeds move to CDNs and to https.
///
/// `URLSession` may decode a `Content-Encoding: gzip` answer on the fly and still report
/// the header; that is why ``LocationOpener`` decides about gzip from the file's first
/// bytes, not from the header.
public final class URLSessionDownloader: Downloader {
    private let session: URLSession

    /// Creates a downloader with its own ephemeral session (no cookies, no cache).
    public init() {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.urlCache = nil
        configuration.httpCookieStorage = nil
        session = URLSession(configuration: configuration)
    }

    deinit {
        session.finishTasksAndInvalidate()
    }

    /// Downloads `request`'s answer into `file`.
    /// - Parameters:
    ///   - request: the request.
    ///   - file: where to write the body; replaced if it exists.
    /// - Returns: the answer's status and header fields.
    /// - Throws: ``TransportError`` when no answer could be had; `CancellationError` when
    ///   the task was cancelled; a file error when the body cannot be moved into place.
    public func download(_ request: HTTPRequest, to file: URL) async throws -> HTTPResponse {
        var urlRequest = URLRequest(url: request.url)
        urlRequest.httpMethod = request.method.rawValue
        urlRequest.timeoutInterval = URLSessionTransport.seconds(request.timeout)
        for field in request.headers {
            urlRequest.addValue(field.value, forHTTPHeaderField: field.name)
        }
        if !request.body.isEmpty { urlRequest.httpBody = request.body }
        let temporary: URL
        let response: URLResponse
        do {
            (temporary, response) = try await session.download(for: urlRequest)
        } catch let error as URLError {
            if error.code == .cancelled, Task.isCancelled { throw CancellationError() }
            throw TransportError(
                method: request.method, url: RedactedURL.string(for: request.url),
                host: RedactedURL.hostAndPort(for: request.url), reason: Self.reason(for: error, timeout: request.timeout))
        }
        try? FileManager.default.removeItem(at: file)
        try FileManager.default.moveItem(at: temporary, to: file)
        guard let http = response as? HTTPURLResponse else {
            throw TransportError(
                method: request.method, url: RedactedURL.string(for: request.url),
                host: RedactedURL.hostAndPort(for: request.url), reason: .other("the answer was not an HTTP response"))
        }
        var headers = HTTPHeaders()
        for (name, value) in http.allHeaderFields {
            guard let name = name as? String else { continue }
            headers.add(name: name, value: value as? String ?? "\(value)")
        }
        return HTTPResponse(status: http.statusCode, headers: headers)
    }

    private static func reason(for error: URLError, timeout: Duration) -> TransportError.Reason {
        switch error.code {
        case .cannotConnectToHost: .connectionRefused
        case .cannotFindHost, .dnsLookupFailed: .hostNotFound
        case .timedOut: .timedOut(timeout)
        case .networkConnectionLost, .badServerResponse, .cannotParseResponse: .connectionLost
        case .notConnectedToInternet: .notConnected
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
            .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot:
            .secureConnectionFailed
        case .unsupportedURL, .badURL: .unsupportedURL
        default: .other("URL error \(error.code.rawValue)")
        }
    }
}
