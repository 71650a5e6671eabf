import FeedSyncCore

/// No answer could be had for an HTTP request: the connection failed, the host is
/// unknown, the server did not answer in time, or the connection broke.
///
/// The description names the request (method and URL without query, user or password,
/// since those may carry secrets) and the reason in plain words, and says whether a
/// retry may help, e.g. `POST http://127.0.0.1:9/services/products/import failed:
/// could not connect to 127.0.0.1:9 (connection refused); a retry may succeed`.
public struct TransportError: UserFacingError, Hashable {
    /// Why no answer could be had.
    public enum Reason: Sendable, Hashable {
        /// Nothing listens on the port, or a firewall refused the connection.
        case connectionRefused
        /// The host name could not be resolved.
        case hostNotFound
        /// No complete answer arrived within the request's timeout.
        case timedOut(Duration)
        /// The connection closed or reset before the answer was complete.
        case connectionLost
        /// The machine has no network connection.
        case notConnected
        /// The TLS handshake or the server's certificate failed.
        case secureConnectionFailed
        /// The URL cannot be sent (unsupported scheme, no host).
        case unsupportedURL
        /// The answer's body was larger than ``TransferLimits/maxBytes``; the setting for it.
        case tooLarge(Int64, setting: String)
        /// The server sent no status line within ``TransferLimits/responseTimeout``.
        case noResponse(Duration, setting: String)
        /// The read went on past ``TransferLimits/deadline``; the budget it had.
        case overTime(Duration, setting: String)
        /// Another failure, described by the underlying library.
        case other(String)
    }

    /// The request method.
    public var method: HTTPMethod
    /// The request URL as shown to users: scheme, host, port and path only.
    public var url: String
    /// The host and port the request went to, e.g. `127.0.0.1:9`.
    public var host: String
    /// Why no answer could be had.
    public var reason: Reason

    /// Creates a transport error.
    /// - Parameters:
    ///   - method: the request method.
    ///   - url: the request URL as shown to users (see ``RedactedURL``).
    ///   - host: the host and port, e.g. `core.affili.ir:443`.
    ///   - reason: why no answer could be had.
    public init(method: HTTPMethod, url: String, host: String, reason: Reason) {
        self.method = method
        self.url = url
        self.host = host
        self.reason = reason
    }

    /// Whether sending the same request again later may succeed.
    ///
    /// Refused connections, timeouts, lost connections and name lookups are often
    /// temporary (a restarting server, a flaky resolver); TLS and URL problems are not.
    public var isRetryable: Bool {
        switch reason {
        case .connectionRefused, .hostNotFound, .timedOut, .connectionLost, .notConnected, .other:
            return true
        case .secureConnectionFailed, .unsupportedURL, .tooLarge, .noResponse, .overTime:
            // A limit broken once is broken again: the same server sends the same answer.
            return false
        }
    }

    /// Always ``FailureKind/run``: the configuration was readable, the run could not
    /// reach the server.
    public var kind: FailureKind { .run }

    /// The reason in plain words, e.g. `could not connect to 127.0.0.1:9 (connection refused)`.
    public var reasonText: String {
        switch reason {
        case .connectionRefused:
            return "could not connect to \(host) (connection refused)"
        case .hostNotFound:
            return "could not find the host \(host) (name lookup failed)"
        case .timedOut(let limit):
            return "no answer from \(host) within \(Self.format(limit)) (timed out)"
        case .connectionLost:
            return "the connection to \(host) was lost before the answer was complete"
        case .notConnected:
            return "this machine has no network connection"
        case .secureConnectionFailed:
            return "the secure (TLS) connection to \(host) failed; check the URL and the server's certificate"
        case .unsupportedURL:
            return "the URL cannot be used (it needs http:// or https:// and a host)"
        case .tooLarge(let limit, let setting):
            return "the answer from \(host) is larger than \(limit) bytes, the configured limit (\(setting)); the transfer was stopped"
        case .noResponse(let limit, let setting):
            return "\(host) did not start answering within \(Self.format(limit)) (\(setting))"
        case .overTime(let budget, let setting):
            return "the read from \(host) did not finish within \(Self.format(budget)) (\(setting)); the transfer was stopped"
        case .other(let text):
            return "could not reach \(host) (\(text))"
        }
    }

    /// `METHOD URL failed: reason; whether a retry may help`.
    public var description: String {
        let advice = isRetryable ? "a retry may succeed" : "retrying will not help"
        return "\(method) \(url) failed: \(reasonText); \(advice)"
    }

    private static func format(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        if attoseconds == 0 { return "\(seconds) s" }
        let value = Double(seconds) + Double(attoseconds) / 1e18
        return "\((value * 1000).rounded() / 1000) s"
    }
}
