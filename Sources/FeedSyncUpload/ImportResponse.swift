import FeedSyncHTTP
/// How Affili answered one import call: accepted, or failed with what to do next.
///
/// Failing to get any answer is not a case here: the client throws ``TransportError``
/// for that, because no status exists to classify.
public enum ImportResponse: Sendable, Hashable {
    /// Affili answered 2xx: the batch was taken and its products may be recorded as synced.
    case accepted(ImportReceipt)
    /// Affili answered anything else: the batch must not be recorded as synced.
    case failed(BatchFailure)

    /// Whether the batch was accepted.
    public var isAccepted: Bool {
        if case .accepted = self { return true }
        return false
    }
}

/// What Affili said when it accepted a batch.
public struct ImportReceipt: Sendable, Hashable {
    /// The 2xx status code.
    public var status: Int
    /// How many products the batch carried.
    public var productCount: Int
    /// The count in Affili's answer (`data.count`), when the answer has one; the import
    /// is an upsert, so it may differ from ``productCount`` when a batch repeats a `pid`.
    public var reportedCount: Int?

    /// Creates a receipt.
    /// - Parameters:
    ///   - status: the 2xx status code.
    ///   - productCount: how many products were sent.
    ///   - reportedCount: the count Affili reported, if any.
    public init(status: Int, productCount: Int, reportedCount: Int? = nil) {
        self.status = status
        self.productCount = productCount
        self.reportedCount = reportedCount
    }
}
