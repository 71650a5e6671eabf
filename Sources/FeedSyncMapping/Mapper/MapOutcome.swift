import FeedSyncCore

/// What became of one record.
public enum MapOutcome: Sendable {
    /// The record became this product.
    case product(Product)
    /// The record cannot become a product; the rejection says why.
    case rejected(Rejection)
    /// The mapping's filter dropped the record on purpose.
    case filtered
}
