/// Something suspicious in a record that still became a product, such as a "sale" price
/// above the regular price, which was ignored.
///
/// Warnings are counted in the run report (`warnings`) and printed by `feedsync validate`,
/// so a shop owner can fix the data even though nothing was lost.
public struct RecordWarning: RecordFinding, Hashable {
    public var location: RecordLocation
    public var pid: String?
    public var field: String?
    public var reason: String

    /// Creates a warning.
    public init(location: RecordLocation, pid: String? = nil, field: String? = nil, reason: String) {
        self.location = location
        self.pid = pid
        self.field = field
        self.reason = reason
    }
}
