/// How far a ``JSONPagesSource`` has got, and what it noticed on the way.
public struct PagesProgress: Sendable, Hashable {
    /// Pages whose items have been handed out (or are being handed out).
    public var pages = 0
    /// Items read so far, rejected ones included.
    public var items = 0
    /// Requests sent again after a failure, over all pages.
    public var retries = 0
    /// The total item count the latest page reported, if pages report one.
    public var reportedTotal: Int?
    /// The last page number the latest page reported, if pages report one.
    public var reportedLastPage: Int?
    /// Things a user should know that did not stop the read, e.g. that the endpoint's
    /// total changed while it was being read.
    public var notes: [String] = []

    /// Creates an empty progress record.
    public init() {}
}
