import FeedSyncCore

/// Turns a category cell (one or several paths such as `Clothing, Clothing > T-shirts`)
/// into a category hierarchy with stable ids and exactly one primary category.
///
/// - Each path `A > B > C` gives three categories; each one's `parentCid` is the one
///   before it, the root's is `nil`.
/// - A category's `cid` is the slugs of its path joined by `/` (`clothing/t-shirts`), so
///   the same cell always gives the same ids, and `Pants` under `Men` and under
///   `Promotions` stay two categories.
/// - Categories shared by several paths appear once (first name met wins).
/// - The primary category is the leaf of the deepest path; of paths equally deep, the
///   first. Every other category has `isPrimary == false`.
/// - Empty levels (`A >> B`, a trailing `>`) and empty paths are skipped; names are
///   trimmed and their inner white space collapsed.
///
/// Real exports this reads:
/// - WooCommerce: `Clothing, Clothing > T-shirts` (level `>`, paths `,`, `\,` inside a name);
/// - Magento: `Default Category/Men/Tops,Default Category/Collections/Eco Friendly` (level
///   `/`, paths `,`, `skipLeadingLevels: 1` drops the store root);
/// - Shopware: `Main>First>Second|Main>Second` (paths `|`);
/// - Google `product_type`: `Vehicles & Parts > … > Cars, Trucks & Vans` (one path per
///   cell, so `pathSeparator: nil` keeps the comma in the name).
public struct CategoryPathParser: Sendable, Hashable {
    /// The text between the levels of one path.
    public let levelSeparator: String
    /// The text between paths, or `nil` when the cell is always a single path.
    public let pathSeparator: String?
    /// How many levels to drop from the start of every path (a store root such as
    /// Magento's `Default Category`).
    public let skipLeadingLevels: Int
    /// When set, every this many levels of a path start a new path.
    public let pathDepth: Int?
    /// How category URLs are built; `nil` leaves every `url` empty.
    public var urlTemplate: CategoryURLTemplate?

    private let levelSplitter: ListSplitter
    private let pathSplitter: ListSplitter?

    /// Creates a parser.
    /// - Parameters:
    ///   - levelSeparator: between levels, `>` by default (`/`, `|` and `\n` are also common).
    ///   - pathSeparator: between paths, `,` by default; `nil` for one path per cell.
    ///   - skipLeadingLevels: levels dropped from the start of every path.
    ///   - pathDepth: when set, a path of more levels is read as several paths of this many
    ///     (Magento's sample data lists `Top\nLeaf\nTop\nLeaf` in one cell).
    ///   - urlTemplate: how to build category URLs; `nil` for empty URLs.
    public init(
        levelSeparator: String = ">",
        pathSeparator: String? = ",",
        skipLeadingLevels: Int = 0,
        pathDepth: Int? = nil,
        urlTemplate: CategoryURLTemplate? = nil
    ) {
        self.levelSeparator = levelSeparator
        self.pathSeparator = pathSeparator
        self.skipLeadingLevels = max(0, skipLeadingLevels)
        self.pathDepth = pathDepth.map { max(1, $0) }
        self.urlTemplate = urlTemplate
        // Levels keep repeats: "Sale > Sale" is a child named like its parent.
        levelSplitter = ListSplitter(separator: levelSeparator, deduplicates: false)
        pathSplitter = pathSeparator.map { ListSplitter(separator: $0) }
    }

    /// Reads a category cell.
    /// - Parameter text: the cell as the feed has it.
    /// - Returns: the categories; empty when the cell holds no category.
    public func parse(_ text: String) -> ParsedCategories {
        let paths = pathSplitter?.split(text) ?? [text]
        var categories: [Category] = []
        var primaryIndex: Int?
        var primaryDepth = 0

        for names in paths.flatMap(levels) {
            guard !names.isEmpty else { continue }
            var slugs: [String] = []  // only needed to build URLs
            if urlTemplate != nil { slugs.reserveCapacity(names.count) }
            var parentCid: String?
            var leafIndex = 0
            for rawName in names {
                let name = TextTransform.collapseWhitespace(rawName)
                let slug = Self.levelSlug(name)
                let cid = parentCid.map { $0 + "/" + slug } ?? slug
                if urlTemplate != nil { slugs.append(slug) }
                // Cells hold a handful of categories: a linear search beats hashing. Bytes are
                // compared because slugs are already normalized and String's == would redo it.
                if let existing = categories.firstIndex(where: { $0.cid.utf8.elementsEqual(cid.utf8) }) {
                    leafIndex = existing
                } else {
                    let url = urlTemplate?.url(levelSlugs: slugs) ?? ""
                    categories.append(Category(cid: cid, name: name, url: url, parentCid: parentCid))
                    leafIndex = categories.count - 1
                }
                parentCid = cid
            }
            if names.count > primaryDepth {
                primaryDepth = names.count
                primaryIndex = leafIndex
            }
        }
        if let primaryIndex { categories[primaryIndex].isPrimary = true }
        return ParsedCategories(categories: categories)
    }

    /// The level names of one path, or of the several paths a deep one holds (``pathDepth``).
    private func levels(_ path: String) -> [ArraySlice<String>] {
        let names = levelSplitter.split(path).dropFirst(skipLeadingLevels)
        guard let pathDepth, names.count > pathDepth else { return [names] }
        return stride(from: names.startIndex, to: names.endIndex, by: pathDepth).map {
            names[$0..<min($0 + pathDepth, names.endIndex)]
        }
    }

    /// The slug of one level; a name without letters or digits (`★`, `&`) gets one made of
    /// its code points, so it still has a stable, non-empty id.
    static func levelSlug(_ name: String) -> String {
        let slug = TextTransform.slug(name)
        if !slug.isEmpty { return slug }
        return "u" + name.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: "-")
    }
}
