/// Something suspicious in a record that still became a product, such as a "sale" price
/// above the regular price, which was ignored.
///
/// Warnings are counted in the run report (`warnings`) and printed by `feedsync validate`,
/// so a shop owner can fix the data even though nothing was lost.
public struct RecordWarning: RecordFinding, Hashable {
    /// Where the record is.
    public var location: RecordLocation
    /// The product's id.
    public var pid: String?
    /// The field whose value looked wrong.
    public var field: String?
    /// What looked wrong and what was done about it.
    public var reason: String

    /// Creates a warning.
    public init(location: RecordLocation, pid: String? = nil, field: String? = nil, reason: String) {
        self.location = location
        self.pid = pid
        self.field = field
        self.reason = reason
    }
}
