/// Bounds on one HTTP transfer beyond `URLSession`'s own timeout, which on Linux only
/// bounds silence: a server that trickles bytes, or streams for ever, never trips it.
///
/// A transfer that breaks a limit is cancelled and fails with a ``TransportError`` whose
/// reason names the limit and its setting (``TransportError/Reason/tooLarge(_:setting:)``,
/// ``TransportError/Reason/noResponse(_:setting:)``,
/// ``TransportError/Reason/overTime(_:setting:)``); those are not retried, since sending
/// the same request again would break it again.
public struct TransferLimits: Sendable, Hashable {
    /// The most body bytes accepted (after any `Content-Encoding` was undone), or `nil`.
    public var maxBytes: Int64?
    /// How long the server may take to send its status line and header fields, or `nil`.
    public var responseTimeout: Duration?
    /// When the whole transfer must be over, or `nil`; shared by every request of a read
    /// (retries and pages), so that the read as a whole is bounded.
    public var deadline: ContinuousClock.Instant?
    /// The time budget ``deadline`` was computed from, for messages.
    public var budget: Duration?
    /// The settings users change each limit with, named in messages.
    public var settings: Settings

    /// The configuration keys (or words) that set each limit, for messages.
    public struct Settings: Sendable, Hashable {
        /// What sets ``TransferLimits/maxBytes``.
        public var bytes: String
        /// What sets ``TransferLimits/responseTimeout``.
        public var response: String
        /// What sets ``TransferLimits/budget``.
        public var total: String

        /// Names the settings; a source download's keys by default.
        public init(bytes: String = "max_source_bytes", response: String = "connect_timeout_s", total: String = "source_timeout_s") {
            self.bytes = bytes
            self.response = response
            self.total = total
        }
    }

    /// Creates limits; `nil` leaves a limit off.
    /// - Parameters:
    ///   - maxBytes: the most body bytes accepted.
    ///   - responseTimeout: how long the server may take to start its answer.
    ///   - budget: how long the whole read may take, counted from now.
    ///   - settings: what sets each limit, for messages.
    public init(
        maxBytes: Int64? = nil, responseTimeout: Duration? = nil, budget: Duration? = nil, settings: Settings = Settings()
    ) {
        self.settings = settings
        self.maxBytes = maxBytes
        self.responseTimeout = responseTimeout
        self.budget = budget
        self.deadline = budget.map { ContinuousClock.now.advanced(by: $0) }
    }

    /// Whether no limit is set, so a plain request does.
    public var isUnlimited: Bool { maxBytes == nil && responseTimeout == nil && deadline == nil }
}
