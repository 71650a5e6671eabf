import FeedSyncCore

/// A freshly mapped product on its way into the store.
public struct IncomingProduct: Sendable {
    /// The product as mapped.
    public var product: Product
    /// The source it came from.
    public var source: String
    /// Where its record is (`file:line`), for duplicate reports.
    public var origin: String
    /// Whether the source gave `created_at` itself; otherwise the store keeps the first-seen time.
    public var hasOwnCreatedAt: Bool
    /// Whether the source gave `updated_at` itself; otherwise the store sets it when the content changes.
    public var hasOwnUpdatedAt: Bool

    /// Creates an incoming product.
    public init(product: Product, source: String, origin: String, hasOwnCreatedAt: Bool, hasOwnUpdatedAt: Bool) {
        self.product = product
        self.source = source
        self.origin = origin
        self.hasOwnCreatedAt = hasOwnCreatedAt
        self.hasOwnUpdatedAt = hasOwnUpdatedAt
    }
}

/// How a product compares with what the destination last acknowledged.
public enum ProductChange: Sendable, Hashable {
    /// The destination never acknowledged this pid.
    case new
    /// The destination acknowledged other content.
    case changed
    /// The destination acknowledged exactly this content.
    case unchanged
    /// The same pid came earlier in this run; the record at `earlier` is superseded.
    case duplicate(earlier: String)
}
