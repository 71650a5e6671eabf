import FeedSyncCore
import FeedSyncHTTP

/// An HTTP request for a page or a file was refused, or kept failing until the retries
/// ran out. The read stops: what was read before is not a complete catalog.
///
/// The description names the method, the URL without its query (which may hold a token),
/// what was asked for, how many attempts were made and why, e.g. `GET
/// https://shop.example/api/products (page 3) failed after 5 attempts: the server answered
/// 503 Service Unavailable; the read stopped and the catalog is incomplete`.
public struct HTTPFetchError: UserFacingError, Hashable {
    /// The request method.
    public var method: String
    /// The URL as shown to users: scheme, host, port and path only.
    public var url: String
    /// What the request was for, e.g. `page 3` or `download`.
    public var subject: String
    /// How many times the request was sent.
    public var attempts: Int
    /// The last status code, when there was an answer.
    public var status: Int?
    /// Why the request failed, in words, with advice where there is some.
    public var reason: String

    /// Creates an error.
    /// - Parameters:
    ///   - method: the request method.
    ///   - url: the URL as shown to users.
    ///   - subject: what the request was for.
    ///   - attempts: how many times it was sent.
    ///   - status: the last status code, if any.
    ///   - reason: why it failed.
    public init(method: String, url: String, subject: String, attempts: Int, status: Int?, reason: String) {
        self.method = method
        self.url = url
        self.subject = subject
        self.attempts = attempts
        self.status = status
        self.reason = reason
    }

    /// The run could not read its source: ``FailureKind/run``.
    public var kind: FailureKind { .run }

    /// `METHOD URL (subject) failed after N attempts: reason; the read stopped ...`.
    public var description: String {
        let tries = attempts == 1 ? "" : " after \(attempts) attempts"
        return "\(method) \(url) (\(subject)) failed\(tries): \(reason); the read stopped and the catalog is incomplete"
    }
}
