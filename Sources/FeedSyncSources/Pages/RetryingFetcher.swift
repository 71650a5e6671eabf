import FeedSyncHTTP
import Foundation

/// Sends one request until it succeeds, following a ``RetryPolicy``.
///
/// Retried: transport failures that ``TransportError/isRetryable`` says may pass, 408,
/// 425, 429 and 5xx. Not retried: 401 and 403 (the credentials are wrong, and hammering a
/// server with them can lock the account), other 4xx, redirects (the transport does not
/// follow them; the message says where the server points), and TLS or URL problems.
struct RetryingFetcher: Sendable {
    let transport: any HTTPTransport
    let policy: RetryPolicy
    let sleep: RetryPolicy.Sleep
    let random: @Sendable () -> Double

    init(
        transport: any HTTPTransport, policy: RetryPolicy, sleep: @escaping RetryPolicy.Sleep,
        random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }
    ) {
        self.transport = transport
        self.policy = policy
        self.sleep = sleep
        self.random = random
    }

    /// Sends `request` until a 2xx answer arrives.
    /// - Parameters:
    ///   - request: the request.
    ///   - subject: what it is for, for messages (`page 3`).
    /// - Returns: the answer and how many attempts it took.
    /// - Throws: ``HTTPFetchError`` when the request is refused or keeps failing;
    ///   `CancellationError` when the task is cancelled.
    func fetch(_ request: HTTPRequest, subject: String) async throws -> (response: HTTPResponse, attempts: Int) {
        var attempt = 0
        while true {
            attempt += 1
            try Task.checkCancellation()
            var problem = ""
            var status: Int?
            var wait: Duration?
            do {
                let response = try await transport.send(request)
                status = response.status
                if response.isSuccess { return (response, attempt) }
                problem = "the server answered \(Self.statusText(response.status))"
                guard Self.isRetryable(response.status) else {
                    throw failure(request, subject, attempt, response.status, reason: Self.refusal(response))
                }
                if let after = response.retryAfter() {
                    guard after <= policy.maxRetryAfter else {
                        throw failure(request, subject, attempt, response.status,
                            reason: "\(problem) and asked to wait \(after.components.seconds) s before retrying, more than the \(policy.maxRetryAfter.components.seconds) s limit; try again later")
                    }
                    wait = after
                }
            } catch let error as TransportError {
                guard error.isRetryable else {
                    throw failure(request, subject, attempt, nil, reason: error.reasonText + "; retrying will not help")
                }
                problem = error.reasonText
            }
            guard attempt < policy.maxAttempts else {
                throw failure(request, subject, attempt, status, reason: problem)
            }
            try await sleep(wait ?? policy.backoff(afterFailures: attempt, random: random()))
        }
    }

    static func isRetryable(_ status: Int) -> Bool {
        status == 408 || status == 425 || status == 429 || (500..<600).contains(status)
    }

    private func failure(_ request: HTTPRequest, _ subject: String, _ attempts: Int, _ status: Int?, reason: String) -> HTTPFetchError {
        HTTPFetchError(
            method: request.method.rawValue, url: RedactedURL.string(for: request.url), subject: subject,
            attempts: attempts, status: status, reason: reason)
    }

    /// Why a non-retryable answer stops the read, with what to do about it.
    private static func refusal(_ response: HTTPResponse) -> String {
        let status = statusText(response.status)
        switch response.status {
        case 401, 403:
            return "the server refused access (\(status)); check the token or headers configured for this source (not retried)"
        case 300..<400:
            let target = response.headers["Location"].flatMap(URL.init(string:)).map(RedactedURL.string(for:)) ?? "another address"
            return "the server redirects (\(status)) to \(target); configure that address instead"
        default:
            let body = snippet(response.body)
            return "the server answered \(status)" + (body.isEmpty ? "" : ": \(body)") + " (not retried)"
        }
    }

    /// The start of an error body, on one line, for messages.
    static func snippet(_ body: Data) -> String {
        let text = String(decoding: body.prefix(300), as: UTF8.self)
        let line = text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        return line.count > 200 ? String(line.prefix(200)) + "…" : line
    }

    /// `503 Service Unavailable`.
    static func statusText(_ status: Int) -> String {
        let phrases: [Int: String] = [
            400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found", 405: "Method Not Allowed",
            408: "Request Timeout", 410: "Gone", 425: "Too Early", 429: "Too Many Requests",
            500: "Internal Server Error", 501: "Not Implemented", 502: "Bad Gateway", 503: "Service Unavailable",
            504: "Gateway Timeout", 301: "Moved Permanently", 302: "Found", 307: "Temporary Redirect",
            308: "Permanent Redirect",
        ]
        return phrases[status].map { "\(status) \($0)" } ?? "status \(status)"
    }
}
