/// A product category as Affili knows it.
public struct Category: Sendable, Hashable {
    /// Unique category id in the shop.
    public var cid: String
    /// Category name.
    public var name: String
    /// Category page URL.
    public var url: String
    /// The parent category's `cid`, or `nil` for a root category.
    public var parentCid: String?
    /// Whether this is the product's main category.
    public var isPrimary: Bool

    /// Creates a category.
    public init(cid: String, name: String, url: String, parentCid: String? = nil, isPrimary: Bool = false) {
        self.cid = cid
        self.name = name
        self.url = url
        self.parentCid = parentCid
        self.isPrimary = isPrimary
    }
}
