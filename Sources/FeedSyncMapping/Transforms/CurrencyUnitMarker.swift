/// Finds a Toman or Rial marker in the text around a price, so a price that says its
/// unit is converted from that unit rather than the mapping's default.
enum CurrencyUnitMarker {
    // Both Persian (ی U+06CC) and Arabic (ي U+064A) yeh occur in real Iranian text.
    private static let toman: [[Unicode.Scalar]] = ["toman", "tomans", "irt", "تومان", "تومن"].map(scalars)
    private static let rial: [[Unicode.Scalar]] = ["rial", "rials", "irr", "ریال", "ريال"].map(scalars)

    /// The unit named around the number, if any.
    /// - Parameters:
    ///   - prefix: the text before the number.
    ///   - suffix: the text after the number.
    ///   - text: the whole cell, quoted in errors.
    /// - Returns: the named unit, or `nil` when none is named.
    /// - Throws: ``TransformError`` when both Toman and Rial are named.
    static func unit(
        prefix: Substring.UnicodeScalarView, suffix: Substring.UnicodeScalarView, text: String
    ) throws(TransformError) -> CurrencyUnit? {
        var found: CurrencyUnit?
        func note(_ unit: CurrencyUnit?) throws(TransformError) {
            guard let unit else { return }
            if let found, found != unit {
                throw PriceParser.error(text, "names both Toman and Rial; give the price in one unit")
            }
            found = unit
        }
        try scanWords(prefix, note)
        try scanWords(suffix, note)
        return found
    }

    /// Calls `note` with the unit each word (or Rial sign) of `part` names, if any.
    private static func scanWords(
        _ part: Substring.UnicodeScalarView, _ note: (CurrencyUnit?) throws(TransformError) -> Void
    ) throws(TransformError) {
        var wordStart: Substring.UnicodeScalarView.Index?
        var index = part.startIndex
        while true {
            let scalar = index < part.endIndex ? part[index] : nil
            if let scalar, scalar.isFeedLetter {
                if wordStart == nil { wordStart = index }
            } else {
                if let start = wordStart {
                    try note(match(part[start..<index]))
                    wordStart = nil
                }
                // The Rial sign is a symbol, not a letter: it is a word on its own.
                if scalar?.value == 0xFDFC { try note(.rial) }
            }
            guard index < part.endIndex else { return }
            index = part.index(after: index)
        }
    }

    private static func match(_ word: Substring.UnicodeScalarView) -> CurrencyUnit? {
        if toman.contains(where: { equalsIgnoringASCIICase(word, $0) }) { return .toman }
        if rial.contains(where: { equalsIgnoringASCIICase(word, $0) }) { return .rial }
        return nil
    }

    private static func equalsIgnoringASCIICase(_ word: Substring.UnicodeScalarView, _ marker: [Unicode.Scalar]) -> Bool
    {
        var index = word.startIndex
        for expected in marker {
            guard index < word.endIndex else { return false }
            var scalar = word[index]
            if (0x41...0x5A).contains(scalar.value), let lower = Unicode.Scalar(scalar.value + 0x20) {
                scalar = lower
            }
            guard scalar == expected else { return false }
            index = word.index(after: index)
        }
        return index == word.endIndex
    }

    private static func scalars(_ text: String) -> [Unicode.Scalar] {
        Array(text.unicodeScalars)
    }
}
