/// One step of a field's transform pipeline, as written in a mapping file.
public enum TransformStep: Sendable, Equatable {
    /// Trims white space (also non-breaking spaces).
    case trim
    /// Trims and turns inner white space runs into one space.
    case collapseWhitespace
    /// Lower case.
    case lowercase
    /// Reads a price in any common notation into a number.
    case price(PriceOptions)
    /// Reads an availability word or stock count into a boolean.
    case availability
    /// Splits a list cell into items.
    case split(separator: String, limit: Int?)
    /// Keeps the first item of a list.
    case first
    /// Reads category paths into Category entities.
    case categories(CategoryOptions)
    /// Reads a time.
    case date
    /// Resolves relative URLs against the source's `base_url`.
    case absoluteURL

    /// The names a mapping file uses, for "unknown transform" messages.
    public static let names = [
        "trim", "collapse_whitespace", "lowercase", "price", "availability", "split", "first",
        "categories", "date", "absolute_url",
    ]

    /// The kind of value the step produces from `input`, or `nil` when it does not accept it.
    func output(for input: MappedValue.Kind) -> MappedValue.Kind? {
        switch (self, input) {
        case (.trim, .text), (.collapseWhitespace, .text), (.lowercase, .text), (.absoluteURL, .text): return .text
        case (.trim, .list), (.collapseWhitespace, .list), (.lowercase, .list), (.absoluteURL, .list): return .list
        case (.price, .text): return .number
        case (.availability, .text): return .bool
        case (.split, .text): return .list
        case (.first, .list): return .text
        case (.categories, .text): return .categories
        case (.date, .text): return .date
        default: return nil
        }
    }
}

/// Options of the `price` transform.
public struct PriceOptions: Sendable, Equatable {
    /// How `.` and `,` are read.
    public var locale: NumberLocale
    /// The Rial/Toman conversion, when the feed's unit is not the shop's.
    public var conversion: UnitConversion?

    /// Creates price options.
    public init(locale: NumberLocale = .auto, conversion: UnitConversion? = nil) {
        self.locale = locale
        self.conversion = conversion
    }
}

/// Options of the `categories` transform.
public struct CategoryOptions: Sendable, Equatable {
    /// What separates several paths in one cell (`,` in WooCommerce exports).
    public var pathSeparator: String
    /// What separates the levels of one path (`>`).
    public var levelSeparator: String
    /// The category page URL: a template over the source's variables, `{{path}}` (the
    /// slugged levels joined by `/`) and `{{slug}}` (the category's own slug), e.g.
    /// `{{base_url}}/product-category/{{path}}/`.
    public var url: String?
    /// Levels dropped from the start of every path (a store root such as Magento's
    /// `Default Category`).
    public var skipLeadingLevels: Int

    /// Creates category options.
    public init(pathSeparator: String = ",", levelSeparator: String = ">", url: String? = nil, skipLeadingLevels: Int = 0) {
        self.pathSeparator = pathSeparator
        self.levelSeparator = levelSeparator
        self.url = url
        self.skipLeadingLevels = skipLeadingLevels
    }
}
