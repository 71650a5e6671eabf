/// Where a sync run is, for a live progress line.
public struct SyncProgress: Sendable {
    /// What the run is doing.
    public enum Phase: String, Sendable {
        case reading, sending
    }

    /// The current phase.
    public var phase: Phase
    /// Records read so far.
    public var read: Int
    /// Products acknowledged so far.
    public var sent: Int
    /// Requests made so far.
    public var batches: Int
    /// Products to send in all, once known (the sending phase).
    public var toSend: Int?
}
