import Foundation

/// One step of a field's transform pipeline, as written in a mapping file.
///
/// Text steps also take a list and apply to each item.
public enum TransformStep: Sendable, Equatable {
    /// Trims white space (also non-breaking spaces).
    case trim
    /// Trims and turns inner white space runs into one space.
    case collapseWhitespace
    /// Lower case.
    case lowercase
    /// HTML to plain text (``TextTransform/stripHTML(_:)``).
    case stripHTML
    /// Decodes HTML character references (``TextTransform/decodeEntities(_:)``).
    case decodeEntities
    /// Unicode composed form (``TextTransform/nfc(_:)``).
    case nfc
    /// Persian letters and digits (``TextTransform/persian(_:)``).
    case persian
    /// Cuts text to a number of characters (``TextTransform/truncate(_:to:ellipsis:)``).
    case truncate(limit: Int, ellipsis: String)
    /// Keeps an id as written, refusing Excel's scientific notation (``Identifier``).
    case id
    /// Reads a price in any common notation into a number.
    case price(PriceOptions)
    /// Reads an availability word or stock count into a boolean.
    case availability
    /// Splits a list cell into items; on a list, splits every item.
    case split(separator: String, limit: Int?)
    /// Keeps the first item of a list.
    case first
    /// Keeps the last item of a list.
    case last
    /// Reads category paths into Category entities.
    case categories(CategoryOptions)
    /// Reads a time.
    case date(DateOptions)
    /// Makes links absolute http(s) URLs (``URLResolver``).
    case absoluteURL(URLOptions)

    /// The names a mapping file uses, for "unknown transform" messages.
    public static let names = [
        "trim", "collapse_whitespace", "lowercase", "strip_html", "decode_entities", "nfc", "persian", "truncate",
        "id", "price", "availability", "split", "first", "last", "categories", "date", "absolute_url",
    ]

    /// The kind of value the step produces from `input`, or `nil` when it does not accept it.
    func output(for input: MappedValue.Kind) -> MappedValue.Kind? {
        switch (self, input) {
        case (.trim, .text), (.collapseWhitespace, .text), (.lowercase, .text), (.stripHTML, .text),
            (.decodeEntities, .text), (.nfc, .text), (.persian, .text), (.truncate, .text), (.id, .text), (.absoluteURL, .text):
            return .text
        case (.trim, .list), (.collapseWhitespace, .list), (.lowercase, .list), (.stripHTML, .list),
            (.decodeEntities, .list), (.nfc, .list), (.persian, .list), (.truncate, .list), (.id, .list), (.absoluteURL, .list):
            return .list
        case (.price, .text): return .number
        case (.availability, .text): return .bool
        case (.split, .text), (.split, .list): return .list
        case (.first, .list), (.last, .list): return .text
        case (.categories, .text): return .categories
        case (.date, .text): return .date
        default: return nil
        }
    }
}

/// Options of the `date` transform.
public struct DateOptions: Sendable, Equatable {
    /// The layouts tried in order.
    public var formats: [DateReader.Format]
    /// The zone of times written without an offset; `nil` takes the mapping's `timezone`.
    public var timeZone: TimeZone?

    /// Creates date options.
    public init(formats: [DateReader.Format] = [.automatic], timeZone: TimeZone? = nil) {
        self.formats = formats
        self.timeZone = timeZone
    }
}

/// Options of the `absolute_url` transform: what relative links are resolved against.
/// Both are templates over the source's variables (`{{base_url}}`).
public struct URLOptions: Sendable, Equatable {
    /// A page address links resolve against as in a browser; `{{base_url}}` by default.
    public var base: String?
    /// A folder relative paths are appended to (Magento's `{{base_url}}/media/catalog/product`).
    public var folder: String?

    /// Creates URL options.
    public init(base: String? = nil, folder: String? = nil) {
        self.base = base
        self.folder = folder
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
    /// When set, every this many levels start a new path (`path_depth: 2` reads Magento's
    /// sample-data `Gear\nBags\nCollections\nErin Recommends` as two paths of two levels).
    public var pathDepth: Int?

    /// Creates category options.
    public init(
        pathSeparator: String = ",", levelSeparator: String = ">", url: String? = nil, skipLeadingLevels: Int = 0, pathDepth: Int? = nil
    ) {
        self.pathSeparator = pathSeparator
        self.levelSeparator = levelSeparator
        self.url = url
        self.skipLeadingLevels = skipLeadingLevels
        self.pathDepth = pathDepth
    }
}
