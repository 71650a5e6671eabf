/// How a mapping treats records that belong to one product (`group_by:`): the rows of a
/// Shopify product sharing a `Handle`, variants sharing a Google/Meta `item_group_id`, or
/// WooCommerce variations under their `Parent`.
///
/// Records are grouped **while they are adjacent**: a group is the run of consecutive
/// records with the same key, so memory holds one group, never the catalog. See
/// ``GroupingMapper`` for what happens to a row whose group has already ended.
public struct Grouping: Sendable, Equatable {
    /// What the variants of a group become.
    public enum Variants: String, Sendable, CaseIterable {
        /// Every variant is a product of its own; it takes the group's first row's values
        /// for the ``Grouping/inherit`` columns it leaves empty, and the images of the
        /// group's image rows.
        case separate
        /// The group becomes one product whose pid is the group key: the lowest price among
        /// the variants in stock (or among all when none is), in stock when any variant is,
        /// the images of every row, other fields from the first row that has them.
        case fold
    }

    /// Where the key comes from: a text specification like a field's (its `field` is
    /// `pid` only so that it can share the field machinery).
    public var key: FieldSpec
    /// Separate products or one folded product per group.
    public var variants: Variants
    /// Columns a later row of a group takes from the group's first row when it leaves them
    /// empty (Shopify writes the title, body, vendor and tags on the first row only).
    public var inherit: [String]
    /// Rows that are not variants but only add images to their group (Shopify's image
    /// rows, which have no price).
    public var imageRows: FilterCondition?
    /// The most rows one group may have before it is ended, so that a wrong key cannot
    /// make a group hold the whole catalog.
    public var maxRows: Int
    /// The mapping file `group_by:` is written in, for errors.
    public var file: String
    /// The line it is written at.
    public var line: Int

    /// The default for ``maxRows``.
    public static let defaultMaxRows = 10_000

    /// Creates a grouping.
    public init(
        key: FieldSpec, variants: Variants = .separate, inherit: [String] = [], imageRows: FilterCondition? = nil,
        maxRows: Int = defaultMaxRows, file: String = "", line: Int = 0
    ) {
        self.key = key
        self.variants = variants
        self.inherit = inherit
        self.imageRows = imageRows
        self.maxRows = maxRows
        self.file = file
        self.line = line
    }
}
