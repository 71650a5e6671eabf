import FeedSyncCore

/// What became of one record.
public enum MapOutcome: Sendable {
    /// The record became this product; the warnings name values that looked wrong but
    /// did not stop it (a sale above the price, which was ignored).
    case product(Product, warnings: [RecordWarning])
    /// The record cannot become a product; the rejection says why.
    case rejected(Rejection)
    /// The mapping's filter dropped the record on purpose.
    case filtered
    /// The record is part of another record's product: a variant folded into its group's
    /// product (`variants: fold`), or an image row whose images went to its group.
    case merged
}

/// A record's outcome and where the record is, as ``GroupingMapper`` hands them on.
public struct MappedRecord: Sendable {
    /// Where the record is (for a folded group's product, its first variant row).
    public var location: RecordLocation
    /// What became of it.
    public var outcome: MapOutcome

    /// Creates a mapped record.
    public init(location: RecordLocation, outcome: MapOutcome) {
        self.location = location
        self.outcome = outcome
    }
}
