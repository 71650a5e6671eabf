/// Checks the thousands grouping of a price's integer part, one group at a time.
///
/// Accepted: groups of three after the first (`1,234,567`), and Indian lakh grouping where
/// the groups before the last are of two (`12,34,567`). One grouping character per number.
struct GroupingCheck {
    private var kind: PriceSeparator?
    private var closedGroups = 0
    private var firstGroup = 0
    private var sawTwo = false
    private var sawThree = false

    /// Records a grouping separator and the digit group it closes.
    /// - Throws: ``TransformError`` for a wrong group size or a second grouping character.
    mutating func add(
        separator: PriceSeparator, closingGroup digits: Int, text: String, locale: NumberLocale
    ) throws(TransformError) {
        if let kind, kind != separator {
            throw PriceParser.error(
                text,
                "mixes \(kind.displayName) and \(separator.displayName) as thousands separators"
                    + PriceScan.hint(locale))
        }
        kind = separator
        if closedGroups == 0 {
            guard (1...3).contains(digits) else { throw badGroup(separator, text, locale) }
            firstGroup = digits
        } else {
            switch digits {
            case 2: sawTwo = true
            case 3: sawThree = true
            default: throw badGroup(separator, text, locale)
            }
        }
        closedGroups += 1
    }

    /// Checks the last group of the integer part.
    /// - Throws: ``TransformError`` when the grouping is not one of the accepted forms.
    func finish(lastGroup digits: Int, text: String, locale: NumberLocale) throws(TransformError) {
        guard let kind else { return }
        guard digits == 3, !(sawTwo && (sawThree || firstGroup > 2)) else {
            throw badGroup(kind, text, locale)
        }
    }

    private func badGroup(_ separator: PriceSeparator, _ text: String, _ locale: NumberLocale) -> TransformError {
        PriceParser.error(
            text,
            "\(separator.displayName) separates thousands here, so it must be followed by groups of 3 digits"
                + PriceScan.hint(locale))
    }
}
