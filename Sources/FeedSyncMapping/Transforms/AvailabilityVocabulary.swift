/// The stock words ``Availability`` knows, and how a cell is reduced to one of them.
///
/// Every word is stored as its key (lower case, without spaces, `_`, `-` or zero-width
/// non-joiners, Arabic yeh and kaf folded to their Persian forms), so one entry covers
/// `In Stock`, `in_stock`, `IN-STOCK` and `instock`.
public enum AvailabilityVocabulary {
    /// Every known key and whether it means in stock.
    public static let words: [String: Bool] = {
        var words: [String: Bool] = [:]
        for word in inStock { words[key(word)] = true }
        for word in outOfStock { words[key(word)] = false }
        return words
    }()

    /// The vocabulary as feeds usually spell it, matched before any normalization.
    static let exactWords: [String: Bool] = {
        var words: [String: Bool] = [:]
        for (word, inStock) in zip(inStock + outOfStock, inStock.map { _ in true } + outOfStock.map { _ in false }) {
            let lower = word.lowercased()
            let spellings = [
                word, lower, lower.replacing(" ", with: "_"), capitalizingFirst(lower),
                lower.split(separator: " ").map { capitalizingFirst(String($0)) }.joined(separator: " "),
            ]
            for spelling in spellings + [key(word)] {
                words[spelling] = inStock
            }
        }
        return words
    }()

    private static func capitalizingFirst(_ word: String) -> String {
        guard let first = word.first else { return word }
        return first.uppercased() + word.dropFirst()
    }

    /// Words meaning the product can be ordered now.
    public static let inStock: [String] = [
        // English, Google Merchant Center, Meta catalogs, WooCommerce, Torob.
        "in stock", "available", "available for order", "yes", "y", "true", "1",
        // Orderable now, shipped later: an affiliate click can still convert.
        "preorder", "pre-order", "backorder", "on backorder",
        // schema.org ItemAvailability values (URL prefix removed by `key`).
        "LimitedAvailability", "OnlineOnly", "PreSale", "MadeToOrder",
        // Persian: "available", "available in stock", "yes".
        "موجود", "موجود در انبار", "بله",
        // Vietnamese: "in stock", "available".
        "còn hàng", "có hàng", "sẵn hàng",
        // Portuguese (WooCommerce pt-BR exports), German, Russian, Ukrainian.
        "em estoque", "disponível", "auf lager", "lieferbar", "в наличии", "в наявності",
    ]

    /// Words meaning the product cannot be ordered now.
    public static let outOfStock: [String] = [
        "out of stock", "sold out", "unavailable", "not available", "no", "n", "false", "0",
        "discontinued",
        // schema.org ItemAvailability values.
        "InStoreOnly", "Reserved",
        // Persian: "unavailable", "not available", "out of stock", "no".
        "ناموجود", "موجود نیست", "اتمام موجودی", "خیر",
        // Vietnamese: "out of stock", "temporarily out of stock", "stopped selling".
        "hết hàng", "tạm hết hàng", "ngừng kinh doanh",
        "fora de estoque", "esgotado", "ausverkauft", "nicht lieferbar", "нет в наличии", "немає в наявності",
    ]

    /// Reduces a cell or a word to the form the vocabulary is keyed by.
    /// - Parameter text: a cell or a vocabulary word.
    /// - Returns: the key; empty when the text is blank.
    public static func key(_ text: String) -> String {
        var key = String.UnicodeScalarView()
        for scalar in stripSchemaPrefix(TextTransform.trim(text).lowercased()).unicodeScalars {
            switch scalar.value {
            case 0x20, 0x5F, 0x2D, 0x200C, 0x200D: continue  // space _ - ZWNJ ZWJ
            case 0x064A: key.append("\u{06CC}")  // Arabic yeh -> Persian yeh
            case 0x0643: key.append("\u{06A9}")  // Arabic kaf -> Persian kaf
            default:
                if !scalar.isFeedBlank { key.append(scalar) }
            }
        }
        return String(key)
    }

    /// `https://schema.org/instock` and `schema:instock` become `instock`.
    /// - Parameter lowercased: the trimmed, lower-cased cell.
    private static func stripSchemaPrefix(_ lowercased: String) -> Substring {
        guard let first = lowercased.utf8.first, first == UInt8(ascii: "h") || first == UInt8(ascii: "s") else {
            return lowercased[...]
        }
        for prefix in schemaPrefixes where lowercased.utf8.starts(with: prefix.utf8) {
            return lowercased.dropFirst(prefix.count)
        }
        return lowercased[...]
    }

    private static let schemaPrefixes = [
        "https://schema.org/", "http://schema.org/", "https://www.schema.org/", "http://www.schema.org/", "schema:",
    ]
}
