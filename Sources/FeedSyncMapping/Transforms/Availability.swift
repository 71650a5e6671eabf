/// Reads a stock status cell into Affili's `in_stock` boolean.
///
/// Understands the words real feeds use (see ``AvailabilityVocabulary``): English and
/// Google/Meta values (`in stock`, `in_stock`, `out of stock`, `preorder`, `backorder`),
/// WooCommerce's `instock`/`outofstock`/`onbackorder`, schema.org URLs
/// (`https://schema.org/InStock`), booleans (`yes`, `true`, `1`), Persian
/// (`موجود`/`ناموجود`), Vietnamese (`còn hàng`/`hết hàng`) and stock counts (`5` is in
/// stock, `0` and negative counts are not; Persian digits too).
///
/// Case, surrounding white space and the spaces, `_` and `-` between words do not matter:
/// `In Stock`, `in_stock` and `IN-STOCK` are the same word.
///
/// Pre-orders and back-orders count as in stock: the product can be ordered now, which
/// is what an affiliate link needs. Google's feed specification treats them the same way
/// (orderable, shipping later).
public struct Availability: Sendable, Hashable {
    /// The transform's name in errors and mapping files.
    public static let transformName = "availability"

    /// The default reader, with the built-in vocabulary only.
    public static let standard = Availability()

    private let extraWords: [String: Bool]

    /// Creates a reader that also knows a shop's own words.
    /// - Parameters:
    ///   - inStockWords: extra words meaning in stock (e.g. Digikala's `marketable`).
    ///   - outOfStockWords: extra words meaning out of stock.
    public init(inStockWords: [String] = [], outOfStockWords: [String] = []) {
        var words: [String: Bool] = [:]
        for word in inStockWords { words[AvailabilityVocabulary.key(word)] = true }
        for word in outOfStockWords { words[AvailabilityVocabulary.key(word)] = false }
        extraWords = words
    }

    /// Reads a stock status with the built-in vocabulary.
    /// - Parameter text: the cell as the feed has it.
    /// - Returns: `true` in stock, `false` out of stock, `nil` when the cell is blank (the
    ///   mapping decides the default).
    /// - Throws: ``TransformError`` naming the value when it is not a known word or a count.
    public static func parse(_ text: String) throws(TransformError) -> Bool? {
        try standard.parse(text)
    }

    /// Reads a stock status with the built-in vocabulary and this reader's extra words.
    /// - Parameter text: the cell as the feed has it.
    /// - Returns: `true` in stock, `false` out of stock, `nil` when the cell is blank.
    /// - Throws: ``TransformError`` naming the value when it is not a known word or a count.
    public func parse(_ text: String) throws(TransformError) -> Bool? {
        // Most feeds repeat one exact spelling ("in stock", "instock") millions of times.
        if extraWords.isEmpty, let known = AvailabilityVocabulary.exactWords[text] { return known }
        let trimmed = TextTransform.trim(text)
        if trimmed.isEmpty { return nil }
        // Counts are read before words are normalized, which drops '-' and would turn -3 into 3.
        if let count = Self.stockCount(trimmed) { return count }
        let key = AvailabilityVocabulary.key(trimmed)
        if !extraWords.isEmpty, let known = extraWords[key] { return known }
        if let known = AvailabilityVocabulary.words[key] { return known }
        throw TransformError(
            transform: Self.transformName, value: text,
            reason: "not a stock status I know; use in stock / out of stock, yes / no, a stock count, "
                + "or list the word under the mapping's in-stock or out-of-stock words")
    }

    /// Reads a stock count: an integer (or a decimal count such as Magento's `100.0000`),
    /// optionally signed, in ASCII, Persian or Arabic-Indic digits.
    /// - Returns: whether the count is above zero, or `nil` when `text` is not a number.
    private static func stockCount(_ text: String) -> Bool? {
        var sawDigit = false
        var positive = false
        var negative = false
        var inFraction = false
        for (offset, scalar) in text.unicodeScalars.enumerated() {
            if let digit = scalar.feedDigitValue {
                sawDigit = true
                if digit != 0 { positive = true }
            } else if offset == 0, scalar == "-" || scalar == "+" {
                negative = scalar == "-"
            } else if scalar == ".", sawDigit, !inFraction {
                inFraction = true
            } else {
                return nil
            }
        }
        guard sawDigit else { return nil }
        return positive && !negative
    }
}
