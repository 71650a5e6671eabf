/// A product the destination still has to acknowledge, as stored.
public struct PendingProduct: Sendable, Hashable {
    /// The product's id.
    public var pid: String
    /// The content hash being sent; the acknowledgement records exactly this.
    public var hash: Int64
    /// The product's Affili JSON, sent as it is.
    public var body: String

    /// Creates a pending product.
    public init(pid: String, hash: Int64, body: String) {
        self.pid = pid
        self.hash = hash
        self.body = body
    }
}
