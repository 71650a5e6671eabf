import FeedSyncCore
import FeedSyncHTTP

/// A batch that Affili answered with a non-2xx status, classified so the run knows
/// whether to retry it, give up on it, or stop altogether.
///
/// It is a ``FeedSyncCore/UserFacingError`` so a run can throw it as it is when
/// ``stopsRun`` is true. Its texts never contain the token: the answer snippet has it
/// replaced before it is stored.
public struct BatchFailure: UserFacingError, Hashable {
    /// Why the batch failed, which decides what the run should do.
    public enum Cause: Sendable, Hashable {
        /// 401 or 403: the token was refused. Every further batch would fail the same way.
        case authentication
        /// 404, 405 or a redirect: the endpoint is not Affili's import service.
        /// Every further batch would fail the same way.
        case wrongEndpoint
        /// 429: Affili asks the client to slow down; retry, after ``retryAfter`` if given.
        case rateLimited
        /// 5xx or 408: a problem on Affili's side that may pass; retry later.
        case serverError
        /// Any other status (400, 413, 422, ...): Affili refused this batch's content;
        /// sending it again unchanged will fail again.
        case rejected
    }

    /// The HTTP status Affili answered with.
    public var status: Int
    /// Why the batch failed.
    public var cause: Cause
    /// How long Affili asked the client to wait (`Retry-After`), when it said.
    public var retryAfter: Duration?
    /// How many products the batch carried.
    public var productCount: Int
    /// The import URL as shown to users (no query or user info).
    public var endpoint: String
    /// The start of Affili's answer body (about 300 characters, white space folded,
    /// token removed), or empty when the body was empty.
    public var bodySnippet: String
    /// Where a redirect pointed (no query or user info), for ``Cause/wrongEndpoint``.
    public var redirectTarget: String?

    /// Creates a failure.
    /// - Parameters:
    ///   - status: the HTTP status.
    ///   - cause: the classification of the status.
    ///   - retryAfter: the wait Affili asked for, if any.
    ///   - productCount: how many products the batch carried.
    ///   - endpoint: the import URL as shown to users.
    ///   - bodySnippet: the start of the answer body, without the token.
    ///   - redirectTarget: where a redirect pointed, if it was one.
    public init(
        status: Int,
        cause: Cause,
        retryAfter: Duration? = nil,
        productCount: Int,
        endpoint: String,
        bodySnippet: String = "",
        redirectTarget: String? = nil
    ) {
        self.status = status
        self.cause = cause
        self.retryAfter = retryAfter
        self.productCount = productCount
        self.endpoint = endpoint
        self.bodySnippet = bodySnippet
        self.redirectTarget = redirectTarget
    }

    /// Whether sending the same batch again later may succeed (429, 5xx, 408).
    public var isRetryable: Bool {
        cause == .rateLimited || cause == .serverError
    }

    /// Whether the run should stop sending batches: the token or the endpoint is wrong,
    /// so every further batch would fail the same way.
    public var stopsRun: Bool {
        cause == .authentication || cause == .wrongEndpoint
    }

    /// ``FeedSyncCore/FailureKind/configuration`` when the fix is in the configuration
    /// (token, endpoint), ``FeedSyncCore/FailureKind/run`` otherwise.
    public var kind: FailureKind {
        stopsRun ? .configuration : .run
    }

    /// What happened and what to do, in a shop owner's words, e.g.
    /// `Affili refused the token (HTTP 401); check affili.token`.
    public var message: String {
        switch cause {
        case .authentication:
            return "Affili refused the token (HTTP \(status)); check affili.token"
        case .wrongEndpoint:
            if let redirectTarget {
                return "Affili redirected the import to \(redirectTarget) (HTTP \(status)); "
                    + "check affili.endpoint"
            }
            return "Affili has no import service at \(endpoint) (HTTP \(status)); check affili.endpoint"
        case .rateLimited:
            let wait = retryAfter.map { "retry after \(Self.format($0))" } ?? "retry later"
            return "Affili is limiting the request rate (HTTP \(status)); \(wait)"
        case .serverError:
            let wait = retryAfter.map { "; retry after \(Self.format($0))" } ?? "; a retry may succeed"
            return "Affili could not take the batch of \(productCount) products (HTTP \(status))"
                + snippetSuffix + wait
        case .rejected:
            return "Affili rejected the batch of \(productCount) products (HTTP \(status))" + snippetSuffix
        }
    }

    /// `POST <endpoint>: <message>`.
    public var description: String {
        "POST \(endpoint): \(message)"
    }

    private var snippetSuffix: String {
        bodySnippet.isEmpty ? "" : ": \(bodySnippet)"
    }

    private static func format(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        return attoseconds == 0 ? "\(seconds) s" : "\(Double(seconds) + Double(attoseconds) / 1e18) s"
    }
}
