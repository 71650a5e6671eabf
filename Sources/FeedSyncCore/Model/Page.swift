/// Paging information of an Affili webhook answer (`meta.page`).
public struct Page: Sendable, Hashable, Codable {
    /// The largest `per` Affili allows.
    public static let maximumPerPage = 1000

    /// Current page number, starting at 1.
    public var current: Int
    /// Products per page, at most ``maximumPerPage``.
    public var per: Int
    /// Last page number.
    public var last: Int
    /// Total number of products.
    public var total: Int

    /// Creates a page description.
    public init(current: Int, per: Int, last: Int, total: Int) {
        self.current = current
        self.per = per
        self.last = last
        self.total = total
    }

    /// The page description for page `current` of `total` items at `per` items a page.
    ///
    /// An empty catalog has one (empty) page, so `last` is never 0.
    public init(current: Int, per: Int, total: Int) {
        let last = per > 0 ? max(1, (total + per - 1) / per) : 1
        self.init(current: current, per: per, last: last, total: total)
    }
}
