import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// An ``HTTPTransport`` over Foundation's `URLSession` (libcurl on Linux).
///
/// Redirects are not followed: `URLSession` would turn a redirected `POST` into a `GET`
/// without its body, and the import would then fail with a confusing 404 or 405. The
/// 3xx answer is returned instead, so the caller can say where the server points.
///
/// On `Expect: 100-continue`: libcurl adds it to large uploads and then waits up to a
/// second for a `100 Continue` that some servers and proxies never send. Foundation on
/// Linux already tells libcurl to leave the field out when the body is known up front, as
/// it is here (`httpBody`), and the tests check that no `Expect` field reaches the
/// server. Setting an empty `Expect` here would be wrong: Foundation would then send a
/// literal empty `Expect:` field instead of suppressing it.
///
/// Timeouts are whole seconds, rounded up, because Foundation on Linux truncates
/// fractions (see ``seconds(_:)``); on Linux the timer restarts whenever data moves, so
/// it bounds silence, not the whole transfer.
public final class URLSessionTransport: HTTPTransport {
    private let session: URLSession
    /// For requests with ``HTTPRequest/limits``: their bodies are counted as they arrive.
    private let limited: LimitedSession

    /// Creates a transport with its own session.
    ///
    /// - Parameter configuration: the session configuration; an ephemeral one by default,
    ///   so that no cookies or cached answers outlive the run.
    public init(configuration: URLSessionConfiguration = .ephemeral) {
        // A copy, so the caller's configuration object is left as it was.
        let configuration = configuration.copy() as? URLSessionConfiguration ?? configuration
        // The import API is not a cacheable resource; a cached answer would hide failures.
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.urlCache = nil
        configuration.httpCookieStorage = nil
        session = URLSession(configuration: configuration, delegate: RedirectRefusal(), delegateQueue: nil)
        limited = LimitedSession(configuration: configuration, followRedirects: false)
    }

    deinit {
        // A session keeps its delegate and queue alive until it is invalidated.
        session.finishTasksAndInvalidate()
    }

    /// Sends `request` through `URLSession` and reads the whole answer.
    /// - Parameter request: the request to send.
    /// - Returns: the answer, whatever its status.
    /// - Throws: ``TransportError`` when no answer could be had; `CancellationError`
    ///   when the calling task was cancelled.
    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        if !request.limits.isUnlimited { return try await limited.send(request, to: .memory) }
        var urlRequest = URLRequest(url: request.url)
        urlRequest.httpMethod = request.method.rawValue
        urlRequest.timeoutInterval = Self.seconds(request.timeout)
        for field in request.headers {
            urlRequest.addValue(field.value, forHTTPHeaderField: field.name)
        }
        if !request.body.isEmpty {
            urlRequest.httpBody = request.body
        }
        let data: Data
        let response: URLResponse
        do {
            (data, response) = try await session.data(for: urlRequest)
        } catch let error as URLError {
            if error.code == .cancelled, Task.isCancelled { throw CancellationError() }
            throw TransportError(
                method: request.method,
                url: RedactedURL.string(for: request.url),
                host: RedactedURL.hostAndPort(for: request.url),
                reason: Self.reason(for: error, timeout: .seconds(Self.seconds(request.timeout))))
        }
        guard let http = response as? HTTPURLResponse else {
            throw TransportError(
                method: request.method,
                url: RedactedURL.string(for: request.url),
                host: RedactedURL.hostAndPort(for: request.url),
                reason: .other("the answer was not an HTTP response"))
        }
        var headers = HTTPHeaders()
        for (name, value) in http.allHeaderFields {
            guard let name = name as? String else { continue }
            headers.add(name: name, value: value as? String ?? "\(value)")
        }
        return HTTPResponse(status: http.statusCode, headers: headers, body: data)
    }

    static func reason(for error: URLError, timeout: Duration) -> TransportError.Reason {
        switch error.code {
        case .cannotConnectToHost:
            return .connectionRefused
        case .cannotFindHost, .dnsLookupFailed:
            return .hostNotFound
        case .timedOut:
            return .timedOut(timeout)
        case .networkConnectionLost, .badServerResponse, .cannotParseResponse:
            return .connectionLost
        case .notConnectedToInternet:
            return .notConnected
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
            .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot, .clientCertificateRejected,
            .clientCertificateRequired:
            return .secureConnectionFailed
        case .unsupportedURL, .badURL:
            return .unsupportedURL
        default:
            return .other("URL error \(error.code.rawValue)")
        }
    }

    /// The request timeout in whole seconds, at least one.
    ///
    /// Foundation on Linux truncates `timeoutInterval` to whole seconds before arming its
    /// timer, so 0.3 s became 0 and timed out at once (measured); rounding up keeps the
    /// promise "no earlier than asked".
    /// - Parameter duration: the timeout asked for.
    /// - Returns: the timeout to give Foundation.
    public static func seconds(_ duration: Duration) -> TimeInterval {
        let (seconds, attoseconds) = duration.components
        return max(1, (TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18).rounded(.up))
    }
}

/// Answers every redirect with "do not follow", so the 3xx reaches the caller.
private final class RedirectRefusal: NSObject, URLSessionTaskDelegate, Sendable {
    func urlSession(
        _ session: URLSession,
        task: URLSessionTask,
        willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest,
        completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }
}
