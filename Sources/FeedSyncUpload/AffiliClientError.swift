import FeedSyncCore
import FeedSyncHTTP

/// A batch the client refused to send, found before any request went out.
public enum AffiliClientError: UserFacingError, Hashable {
    /// The batch has more products than Affili takes in one call.
    case batchTooLarge(count: Int, maximum: Int)
    /// The batch has no products; Affili's import needs at least one.
    case emptyBatch
    /// The token cannot go into an `Authorization` header (empty, or with a line break
    /// or control character, which would split the header).
    case unusableToken(reason: String)

    /// ``FeedSyncCore/FailureKind/configuration`` for a bad token, which the user fixes
    /// in the configuration; ``FeedSyncCore/FailureKind/run`` for batch sizes, which are
    /// the caller's mistake.
    public var kind: FailureKind {
        switch self {
        case .unusableToken: return .configuration
        case .batchTooLarge, .emptyBatch: return .run
        }
    }

    /// The problem in plain words; never contains the token.
    public var description: String {
        switch self {
        case .batchTooLarge(let count, let maximum):
            return "a batch of \(count) products is over Affili's limit of \(maximum) per import call; "
                + "split it before sending"
        case .emptyBatch:
            return "an empty batch cannot be imported; Affili needs at least one product per call"
        case .unusableToken(let reason):
            return "affili.token cannot be sent: \(reason)"
        }
    }
}
