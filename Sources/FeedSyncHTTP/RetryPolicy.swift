/// How a failing HTTP request is tried again: exponential backoff with full jitter.
///
/// Attempt *n* that fails with a timeout, a lost or refused connection, 408, 429 or a 5xx
/// is followed by a wait drawn at random from zero to `min(maxDelay, baseDelay × 2ⁿ⁻¹)`
/// ("full jitter": many clients retrying at once spread out instead of hitting the
/// server together), or by exactly the server's `Retry-After` when it sends one. After
/// `maxAttempts` failures the read fails; it never goes on as if the page were empty.
public struct RetryPolicy: Sendable, Hashable {
    /// How many times one request is sent at most, the first time included; 5 by default.
    public var maxAttempts: Int
    /// The backoff's first ceiling; 500 ms by default.
    public var baseDelay: Duration
    /// The backoff's largest ceiling; 30 s by default.
    public var maxDelay: Duration
    /// The longest `Retry-After` that is waited out; a server asking for more fails the
    /// read at once with a message saying so. 10 minutes by default.
    public var maxRetryAfter: Duration

    /// Creates a policy.
    /// - Parameters:
    ///   - maxAttempts: the most times one request is sent (at least 1).
    ///   - baseDelay: the first backoff ceiling.
    ///   - maxDelay: the largest backoff ceiling.
    ///   - maxRetryAfter: the longest `Retry-After` honoured.
    public init(
        maxAttempts: Int = 5, baseDelay: Duration = .milliseconds(500), maxDelay: Duration = .seconds(30),
        maxRetryAfter: Duration = .seconds(600)
    ) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.maxRetryAfter = maxRetryAfter
    }

    /// The wait after the `failures`th failure, for a random draw `random` in `0..<1`.
    /// - Parameters:
    ///   - failures: how many attempts have failed so far (1 after the first).
    ///   - random: a number in `0..<1`.
    /// - Returns: a wait between zero and the attempt's ceiling.
    public func backoff(afterFailures failures: Int, random: Double) -> Duration {
        let exponent = min(max(0, failures - 1), 30)
        let ceiling = min(maxDelay, baseDelay * (1 << exponent))
        return ceiling * min(max(0, random), 1)
    }

    /// The wait before the next try: the server's `Retry-After` when it sent one (`nil`
    /// when that is longer than ``maxRetryAfter``: give up rather than hang), else a
    /// jittered backoff.
    /// - Parameters:
    ///   - failures: how many attempts have failed so far (1 after the first).
    ///   - retryAfter: what the server asked for, if anything.
    public func delay(afterFailures failures: Int, retryAfter: Duration?) -> Duration? {
        if let retryAfter { return retryAfter <= maxRetryAfter ? retryAfter : nil }
        return backoff(afterFailures: failures, random: Double.random(in: 0..<1))
    }

    /// Waits the real time: `Task.sleep`, which throws `CancellationError` when the
    /// reading task is cancelled.
    public static let realSleep: Sleep = { duration in try await Task.sleep(for: duration) }

    /// A way to wait; injected so that tests do not wait for real.
    public typealias Sleep = @Sendable (Duration) async throws -> Void
}
