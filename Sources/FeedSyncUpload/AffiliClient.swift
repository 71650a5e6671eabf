import FeedSyncCore
import FeedSyncHTTP
import Foundation
import Logging

/// Sends batches of products to Affili's import web service
/// (`POST <endpoint>/import`, body `{"products":[...]}`, bearer token).
///
/// One call sends one batch and classifies Affili's answer (see ``ImportResponse``);
/// retrying, pacing and recording what was synced are the caller's job, because only
/// the caller knows the run's budget and state.
///
/// The token goes into the `Authorization` header and nowhere else: not into logs,
/// errors or descriptions (answer bodies have it replaced before they are kept).
public struct AffiliClient: Sendable {
    /// The most products Affili takes in one import call, per its documentation.
    public static let maximumBatchSize = 1000

    /// The service's base URL, e.g. `https://core.affili.ir/services/products`.
    public let endpoint: URL
    /// `<endpoint>/import`, where batches are posted.
    public let importURL: URL
    private let token: String
    private let transport: any HTTPTransport
    private let logger: Logger
    private let userAgent: String
    private let timeout: Duration
    /// The largest import answer read: far above Affili's few kilobytes.
    static let maximumAnswerBytes: Int64 = 16 << 20

    /// Creates a client.
    /// - Parameters:
    ///   - endpoint: the service's base URL, `.../services/products`; a trailing slash
    ///     or a trailing `/import` is tolerated.
    ///   - token: the shop's token issued by Affili.
    ///   - transport: sends the requests, ``URLSessionTransport`` in production.
    ///   - logger: receives one debug line per request; the token never reaches it.
    ///   - userAgent: the `User-Agent` value; build it with ``userAgent(version:)``.
    ///   - timeout: how long to wait for each answer; 60 seconds unless told.
    public init(
        endpoint: URL,
        token: String,
        transport: any HTTPTransport,
        logger: Logger,
        userAgent: String = AffiliClient.userAgent(version: nil),
        timeout: Duration = .seconds(60)
    ) {
        self.endpoint = endpoint
        self.importURL = Self.importURL(for: endpoint)
        self.token = token
        self.transport = transport
        self.logger = logger
        self.userAgent = userAgent
        self.timeout = timeout
    }

    /// `feedsync/<version>`, or `feedsync` without a version.
    /// - Parameter version: the program's version, e.g. `0.1.0`.
    /// - Returns: the `User-Agent` value.
    public static func userAgent(version: String?) -> String {
        version.map { "feedsync/\($0)" } ?? "feedsync"
    }

    /// Posts one batch to the import service and classifies the answer.
    ///
    /// - Parameter products: 1 to ``maximumBatchSize`` products, e.g. a slice of a
    ///   larger array.
    /// - Returns: ``ImportResponse/accepted(_:)`` for a 2xx answer, otherwise
    ///   ``ImportResponse/failed(_:)`` with what to do next.
    /// - Throws: ``AffiliClientError`` before sending when the batch is empty or too
    ///   large or the token cannot be sent; ``TransportError`` when no answer could be
    ///   had; `CancellationError` when the task was cancelled.
    public func importProducts(_ products: some Collection<Product>) async throws -> ImportResponse {
        try await importBody(Self.body(for: products), count: products.count)
    }

    /// Sends products already written as Affili JSON objects (as the state store keeps
    /// them), without decoding and encoding them again.
    /// - Parameter objects: one product JSON object per element, at most ``maximumBatchSize``.
    /// - Returns: how Affili answered.
    /// - Throws: ``AffiliClientError`` before sending; `TransportError` when no answer came.
    public func importProducts(jsonObjects objects: some Collection<String>) async throws -> ImportResponse {
        var body = Data("{\"products\":[".utf8)
        body.reserveCapacity(32 + objects.reduce(0) { $0 + $1.utf8.count + 1 })
        var first = true
        for object in objects {
            if !first { body.append(UInt8(ascii: ",")) }
            first = false
            body.append(contentsOf: object.utf8)
        }
        body.append(contentsOf: "]}".utf8)
        return try await importBody(body, count: objects.count)
    }

    private func importBody(_ body: Data, count: Int) async throws -> ImportResponse {
        guard count > 0 else { throw AffiliClientError.emptyBatch }
        guard count <= Self.maximumBatchSize else {
            throw AffiliClientError.batchTooLarge(count: count, maximum: Self.maximumBatchSize)
        }
        if let problem = Self.tokenProblem(token) {
            throw AffiliClientError.unusableToken(reason: problem)
        }
        var request = HTTPRequest(
            method: .post,
            url: importURL,
            headers: [
                "Authorization": "Bearer \(token)",
                "Content-Type": "application/json",
                "Accept": "application/json",
                "User-Agent": userAgent,
            ],
            body: body,
            timeout: timeout)
        // An import answer is a few kilobytes: a server that streams without end must not
        // fill memory, nor trickle for ever under the silence timeout.
        request.limits = TransferLimits(
            maxBytes: Self.maximumAnswerBytes, budget: timeout * 10,
            settings: TransferLimits.Settings(
                bytes: "the \(Self.maximumAnswerBytes >> 20) MiB limit on import answers", total: "10 × affili.timeout_s"))
        let shownURL = RedactedURL.string(for: importURL)
        let clock = ContinuousClock()
        let started = clock.now
        let response: HTTPResponse
        do {
            response = try await transport.send(request)
        } catch {
            logger.debug(
                "Affili import request failed",
                metadata: [
                    "batch.size": "\(count)",
                    "affili.endpoint": "\(shownURL)",
                    "error": "\(Self.redact(String(describing: error), token: token))",
                ])
            throw error
        }
        let elapsed = clock.now - started
        let answer = Self.classify(response, productCount: count, endpoint: shownURL, token: token, now: Date())
        logger.debug(
            "Affili import answered",
            metadata: [
                "batch.size": "\(count)",
                "http.status": "\(response.status)",
                "affili.endpoint": "\(shownURL)",
                "duration.ms": "\(Self.milliseconds(elapsed))",
                "outcome": "\(Self.outcome(answer))",
            ])
        return answer
    }

    // MARK: - Request

    static func importURL(for endpoint: URL) -> URL {
        guard var components = URLComponents(url: endpoint, resolvingAgainstBaseURL: true) else {
            return endpoint.appendingPathComponent("import")
        }
        var path = components.percentEncodedPath
        while path.hasSuffix("/") { path.removeLast() }
        // Users copy the full import URL from the documentation as often as the base.
        if !path.hasSuffix("/import") { path += "/import" }
        components.percentEncodedPath = path
        return components.url ?? endpoint.appendingPathComponent("import")
    }

    static func body(for products: some Collection<Product>) -> Data {
        // Products average 400 to 700 bytes; reserving avoids regrowing a 1 MB buffer.
        var writer = JSONWriter(capacity: 64 + products.count * 640)
        writer.raw("{")
        writer.key("products")
        writer.raw("[")
        var first = true
        for product in products {
            if !first { writer.raw(",") }
            first = false
            product.write(to: &writer)
        }
        writer.raw("]}")
        return Data(writer.bytes)
    }

    static func tokenProblem(_ token: String) -> String? {
        if token.isEmpty { return "it is empty" }
        if token.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            return "it contains a line break or another control character"
        }
        if token.unicodeScalars.contains(where: { $0.value > 0x7E }) {
            return "it contains characters outside ASCII, which HTTP headers cannot carry"
        }
        if token != token.trimmingCharacters(in: .whitespaces) {
            return "it starts or ends with a space"
        }
        return nil
    }

    // MARK: - Answer

    /// The longest piece of an answer body kept in a failure.
    static let snippetLength = 300

    static func classify(
        _ response: HTTPResponse, productCount: Int, endpoint: String, token: String, now: Date
    ) -> ImportResponse {
        let status = response.status
        if (200..<300).contains(status) {
            return .accepted(
                ImportReceipt(
                    status: status, productCount: productCount, reportedCount: reportedCount(in: response.body)))
        }
        let cause: BatchFailure.Cause
        var redirectTarget: String?
        switch status {
        case 401, 403:
            cause = .authentication
        case 404, 405:
            cause = .wrongEndpoint
        case 300..<400:
            cause = .wrongEndpoint
            redirectTarget = response.headers["Location"].map { location in
                URL(string: location, relativeTo: URL(string: endpoint)).map(RedactedURL.string(for:))
                    ?? redact(String(location.prefix { $0 != "?" }), token: token)
            }
        case 429:
            cause = .rateLimited
        case 408, 500..<600:
            cause = .serverError
        default:
            cause = .rejected
        }
        return .failed(
            BatchFailure(
                status: status,
                cause: cause,
                retryAfter: cause == .rateLimited || cause == .serverError ? response.retryAfter(now: now) : nil,
                productCount: productCount,
                endpoint: endpoint,
                bodySnippet: snippet(of: response.body, token: token),
                redirectTarget: redirectTarget))
    }

    static func snippet(of body: Data, token: String) -> String {
        // Only the start matters, and folding a 1 MB error page would waste time.
        let text = redact(String(decoding: body.prefix(8 * snippetLength), as: UTF8.self), token: token)
        let folded = text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        guard folded.count > snippetLength else { return folded }
        return folded.prefix(snippetLength) + "…"
    }

    static func redact(_ text: String, token: String) -> String {
        guard !token.isEmpty else { return text }
        return text.replacingOccurrences(of: token, with: "[token]")
    }

    private static func reportedCount(in body: Data) -> Int? {
        guard !body.isEmpty,
              let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any],
              let data = object["data"] as? [String: Any],
              let count = data["count"] as? NSNumber
        else { return nil }
        return count.intValue
    }

    private static func milliseconds(_ duration: Duration) -> Int64 {
        duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000
    }

    private static func outcome(_ answer: ImportResponse) -> String {
        switch answer {
        case .accepted: return "accepted"
        case .failed(let failure): return "\(failure.cause)"
        }
    }
}
