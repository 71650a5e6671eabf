import FeedSyncCore

/// A freshly mapped product on its way into the store.
public struct IncomingProduct: Sendable {
    /// The product as mapped.
    public var product: Product
    /// Where its record is: the source, the file and the line, for duplicate reports.
    public var location: RecordLocation
    /// Whether the source gave `created_at` itself; otherwise the store keeps the first-seen time.
    public var hasOwnCreatedAt: Bool
    /// Whether the source gave `updated_at` itself; otherwise the store sets it when the content changes.
    public var hasOwnUpdatedAt: Bool

    /// The source it came from.
    public var source: String { location.source }
    /// Where its record is, as people read it (`file:line (record N)`).
    public var origin: String { location.description }

    /// Creates an incoming product.
    public init(product: Product, location: RecordLocation, hasOwnCreatedAt: Bool, hasOwnUpdatedAt: Bool) {
        self.product = product
        self.location = location
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
