/// Where the members of category objects are (`categories: { objects: {...} }`): parallel
/// repeated source fields, zipped by position into Category entities.
///
/// JSON feeds write categories as arrays of objects (Affili's webhook, WooCommerce's REST
/// API); a JSON record names their members `categories/cid`, `categories/name`, … with one
/// value per object, so the i-th `cid` goes with the i-th `name`, `url`, `parent_cid` and
/// `is_primary`.
public struct CategoryObjects: Sendable, Equatable {
    /// The field holding each category's id (required).
    public var cid: String
    /// The field holding each category's name (required).
    public var name: String
    /// The field holding each category's page URL, if the source has one.
    public var url: String?
    /// The field holding each category's parent id; an empty value means a root.
    public var parentCid: String?
    /// The field saying whether a category is the primary one (`1`/`0`/`true`/`false`).
    public var isPrimary: String?

    /// The keys `objects:` may have, in the order they are documented.
    public static let keys = ["cid", "name", "url", "parent_cid", "is_primary"]

    /// Creates the member fields of category objects.
    public init(cid: String, name: String, url: String? = nil, parentCid: String? = nil, isPrimary: String? = nil) {
        self.cid = cid
        self.name = name
        self.url = url
        self.parentCid = parentCid
        self.isPrimary = isPrimary
    }

    /// Every source field named, for header checks and messages.
    public var fields: [String] {
        [cid, name] + [url, parentCid, isPrimary].compactMap { $0 }
    }
}
