/// A record that did not become a product, and why.
public struct Rejection: RecordFinding, Hashable {
    /// Where the record is.
    public var location: RecordLocation
    /// The product's id when it could be read, so a user can search for it.
    public var pid: String?
    /// The product field or source column at fault, when one is.
    public var field: String?
    /// What is wrong, in words a shop owner understands.
    public var reason: String

    /// Creates a rejection.
    public init(location: RecordLocation, pid: String? = nil, field: String? = nil, reason: String) {
        self.location = location
        self.pid = pid
        self.field = field
        self.reason = reason
    }
}
