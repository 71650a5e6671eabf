/// What a run did, as the `--json` report and the human summary show it.
///
/// Field names are the design's contract: `read`, `mapped`, `rejected`, `new`, `changed`,
/// `unchanged`, `withdrawn`, `sent`, `batches`, `failed_batches`, `duration_s`,
/// `rejections`. `filtered`, `merged`, `warnings`, `warning_list`, `summary` and `errors`
/// are additions.
public struct RunReport: Sendable, Codable, Equatable {
    /// How many of the rejections are listed in ``rejections``.
    public static let listedRejections = 100

    /// Records read from the sources.
    public var read = 0
    /// Records that became products.
    public var mapped = 0
    /// Records that could not become products.
    public var rejected = 0
    /// Records a mapping filter dropped on purpose.
    public var filtered = 0
    /// Records that went into another record's product under `group_by`: variants folded
    /// into their group's product, image rows whose images went to their group. So
    /// `read = mapped + rejected + filtered + merged`.
    public var merged = 0
    /// Suspicious values in records that were still mapped (a sale above the price).
    public var warnings = 0
    /// Products not sent before.
    public var new = 0
    /// Products whose content changed since they were last sent.
    public var changed = 0
    /// Products unchanged since they were last sent.
    public var unchanged = 0
    /// Products that left the catalog.
    public var withdrawn = 0
    /// Products acknowledged by the destination.
    public var sent = 0
    /// Requests made to the destination.
    public var batches = 0
    /// Requests that failed for good.
    public var failedBatches = 0
    /// Wall-clock seconds the run took.
    public var durationSeconds = 0.0
    /// The first ``listedRejections`` rejections.
    public var rejections: [Entry] = []
    /// The first ``listedRejections`` warnings.
    public var warningList: [Entry] = []
    /// Every rejection and warning counted by kind, field and reason (``ReasonSummary``).
    public var summary = ReasonSummary()
    /// Problems that stopped or spoiled the run (an unreachable endpoint, a refused batch).
    public var errors: [String] = []
    /// What a sync sends, for `sync --dry-run`: the first pids of each kind of change.
    public var plan: Plan?

    /// The first few pids of each kind of change.
    public struct Plan: Sendable, Codable, Equatable {
        /// How many pids of each kind are listed.
        public static let listed = 5
        public var new: [String] = []
        public var changed: [String] = []
        public var unchanged: [String] = []
        public var withdrawn: [String] = []

        /// Creates an empty plan.
        public init() {}
    }

    /// One listed rejection or warning.
    public struct Entry: Sendable, Codable, Equatable {
        public var source: String
        public var location: String
        public var line: Int
        public var record: Int
        public var pid: String?
        public var field: String?
        public var reason: String

        /// Creates an entry from a rejection or warning.
        public init(_ finding: some RecordFinding) {
            source = finding.location.source
            location = finding.location.description
            line = finding.location.line
            record = finding.location.record
            pid = finding.pid
            field = finding.field
            reason = finding.reason
        }
    }

    enum CodingKeys: String, CodingKey {
        case read, mapped, rejected, filtered, new, changed, unchanged, withdrawn, sent, batches
        case merged, warnings, warningList = "warning_list", summary
        case failedBatches = "failed_batches"
        case durationSeconds = "duration_s"
        case rejections, errors, plan
    }

    /// Creates an empty report.
    public init() {}

    /// Counts a rejection and lists it while fewer than ``listedRejections`` are listed.
    public mutating func record(_ rejection: Rejection) {
        rejected += 1
        if rejections.count < Self.listedRejections { rejections.append(Entry(rejection)) }
        summary.count(rejection, as: .rejected)
    }

    /// Counts a warning and lists it while fewer than ``listedRejections`` are listed.
    public mutating func record(_ warning: RecordWarning) {
        warnings += 1
        if warningList.count < Self.listedRejections { warningList.append(Entry(warning)) }
        summary.count(warning, as: .warning)
    }
}
