/// How often and how patiently a failing request is tried again.
///
/// Exponential backoff with full jitter (a random wait between zero and the capped
/// exponential delay), so that many clients failing together do not retry together.
public struct RetryPolicy: Sendable {
    /// Tries in all, the first included.
    public var attempts: Int
    /// The delay cap before the second try; it doubles with each try.
    public var baseDelay: Duration
    /// The largest delay between two tries (a `Retry-After` answer may ask for longer, up to ``maximumRetryAfter``).
    public var maximumDelay: Duration
    /// The longest `Retry-After` honoured; a server asking for more is treated as failing.
    public var maximumRetryAfter: Duration
    /// Waits; injectable so tests do not wait.
    public var sleep: @Sendable (Duration) async throws -> Void

    /// Creates a policy.
    public init(
        attempts: Int = 5,
        baseDelay: Duration = .milliseconds(500),
        maximumDelay: Duration = .seconds(30),
        maximumRetryAfter: Duration = .seconds(300),
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }
    ) {
        self.attempts = max(1, attempts)
        self.baseDelay = baseDelay
        self.maximumDelay = maximumDelay
        self.maximumRetryAfter = maximumRetryAfter
        self.sleep = sleep
    }

    /// The wait before try number `attempt + 1` (`attempt` counts from 1).
    /// - Parameter retryAfter: what the server asked for, which wins when given.
    public func delay(after attempt: Int, retryAfter: Duration?) -> Duration {
        if let retryAfter { return min(retryAfter, maximumRetryAfter) }
        let exponent = min(attempt - 1, 20)
        let cap = min(baseDelay * (1 << exponent), maximumDelay)
        let capSeconds = Double(cap.components.seconds) + Double(cap.components.attoseconds) / 1e18
        return .milliseconds(Int64(Double.random(in: 0...capSeconds) * 1000))
    }
}
