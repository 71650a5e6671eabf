/// One page fetched and read, ready to be handed out.
struct FetchedPage: Sendable {
    /// The page's ordinal in this read, 1-based.
    var number: Int
    /// Its items, as records and rejections.
    var events: [SourceEvent]
    /// Requests sent again before it arrived.
    var retries: Int
    /// The total and last page it reported.
    var total: Int?
    var lastPage: Int?
    /// Notes the planner made about it.
    var notes: [String]
}
