import Hummingbird

/// Refuses request targets longer than ``ServerLimits/maxQueryBytes`` (414) and answers
/// 503 when handling takes longer than ``ServerLimits/requestTimeout``, both with a JSON
/// error like the other refusals.
///
/// The time limit races the handler with a timer and cancels the loser; work that checks
/// for cancellation stops at once, work that does not (a synchronous SQLite read) finishes
/// first and its answer is dropped.
public struct RequestLimitsMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The limits enforced.
    public let limits: ServerLimits

    /// Creates the middleware.
    /// - Parameter limits: the limits to enforce.
    public init(limits: ServerLimits) {
        self.limits = limits
    }

    /// Refuses a too long target, else hands the request on within the time limit.
    /// - Throws: what the next handler throws.

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let length = (request.uri.path.utf8.count) + (request.uri.query.map { $0.utf8.count + 1 } ?? 0)
        guard length <= limits.maxQueryBytes else {
            return Self.refusal(.uriTooLong, "the request target is longer than \(limits.maxQueryBytes) bytes (serve.max_query_bytes)")
        }
        let timeout = limits.requestTimeout
        return try await withoutActuallyEscaping(next) { escaping in
            // Safe: `next` runs once, in one child task, and the group (hence that task)
            // ends before this closure returns, so it neither escapes nor runs concurrently.
            nonisolated(unsafe) let handler = escaping
            return try await withThrowingTaskGroup(of: Response?.self) { group in
                group.addTask { try await handler(request, context) }
                group.addTask {
                    try await Task.sleep(for: timeout)
                    return nil
                }
                let first = try await group.next() ?? nil
                group.cancelAll()
                guard let response = first else {
                    return Self.refusal(
                        .serviceUnavailable,
                        "the request took longer than \(Self.seconds(timeout)) s (serve.request_timeout_s); try again later")
                }
                return response
            }
        }
    }

    /// `timeout` in seconds, as written in the configuration (fractions only in tests).
    static func seconds(_ timeout: Duration) -> String {
        let (seconds, attoseconds) = timeout.components
        return attoseconds == 0 ? "\(seconds)" : "\(Double(seconds) + Double(attoseconds) / 1e18)"
    }

    static func refusal(_ status: HTTPResponse.Status, _ message: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        var writer = [UInt8](#"{"error":{"message":""#.utf8)
        writer += message.utf8
        writer += Array(#""}}"#.utf8)
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: writer)))
    }
}
