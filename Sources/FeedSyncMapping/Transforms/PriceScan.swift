/// The first pass over a price: where the number is and which separators it uses.
///
/// The roles of `.` and `,` can only be decided once the whole number has been seen
/// (`1.234` versus `1.234,56`), so this pass only counts; ``value(in:decimal:locale:text:)``
/// then checks the grouping and accumulates the digits.
struct PriceScan {
    typealias Index = String.UnicodeScalarView.Index

    /// Where the number starts (its first digit, or a leading `.`/`,`/`٫`).
    private(set) var tokenStart: Index
    /// Just past the number's last digit.
    private(set) var tokenEnd: Index
    /// How many times each separator occurs inside the number, by raw value.
    private var counts: (Int, Int, Int, Int, Int, Int) = (0, 0, 0, 0, 0, 0)
    private var separatorTotal = 0
    /// The last `.` or `,` inside the number: with both present it is the decimal one.
    private var lastDotOrComma: PriceSeparator?
    private var firstGroupDigits = 0
    private var lastGroupDigits = 0
    private var integerPartIsZero = true
    private var startsWithSeparator = false

    /// Finds the number in `scalars` and checks the text around it.
    /// - Throws: ``TransformError`` for empty text, text without digits, a minus sign, a
    ///   second number, or characters that belong neither to a number nor to a currency.
    init(_ scalars: String.UnicodeScalarView, text: String) throws(TransformError) {
        let end = scalars.endIndex
        var index = scalars.startIndex
        tokenStart = index
        tokenEnd = index
        var previous: Unicode.Scalar?
        var negative = false
        var allBlank = true

        // Text before the number: currency symbols, codes and words.
        while index < end {
            let scalar = scalars[index]
            if scalar.feedDigitValue != nil { break }
            let next = scalars.index(after: index)
            if let separator = PriceSeparator(scalar), separator.canStartNumber,
                next < end, scalars[next].feedDigitValue != nil,
                // "Rs.500" is rupees 500, not 0.500: a dot glued to a word ends the word.
                !(previous?.isFeedLetter ?? false)
            {
                break
            }
            if Self.isMinus(scalar) {
                negative = true
            } else if !Self.isCurrencyText(scalar) {
                throw PriceParser.error(text, "unexpected \(Self.describe(scalar)) in the price")
            }
            if !scalar.isFeedBlank { allBlank = false }
            previous = scalar
            index = next
        }
        guard index < end else {
            throw PriceParser.error(text, allBlank ? "the price is empty" : "no number found in the price")
        }
        if negative {
            throw PriceParser.error(text, "a price cannot be negative")
        }

        // The number: digits, and separators that are followed by a digit.
        tokenStart = index
        var groupDigits = 0
        while index < end {
            let scalar = scalars[index]
            let next = scalars.index(after: index)
            if let digit = scalar.feedDigitValue {
                groupDigits += 1
                if separatorTotal == 0, digit != 0 { integerPartIsZero = false }
                index = next
                continue
            }
            guard let separator = PriceSeparator(scalar), next < end, scalars[next].feedDigitValue != nil else {
                break
            }
            if separatorTotal == 0 {
                firstGroupDigits = groupDigits
                startsWithSeparator = groupDigits == 0
            }
            record(separator)
            groupDigits = 0
            index = next
        }
        tokenEnd = index
        lastGroupDigits = groupDigits
        if separatorTotal == 0 { firstGroupDigits = groupDigits }

        // Text after the number: currency only. A trailing dash is the "12,-" idiom.
        while index < end {
            let scalar = scalars[index]
            if scalar.feedDigitValue != nil {
                throw PriceParser.error(
                    text, "contains more than one number (a range or two prices?); give one price per cell")
            }
            if !Self.isMinus(scalar), !Self.isCurrencyText(scalar) {
                throw PriceParser.error(text, "unexpected \(Self.describe(scalar)) in the price")
            }
            index = scalars.index(after: index)
        }
    }

    /// Decides which separator, if any, is the decimal one.
    /// - Throws: ``TransformError`` when ``NumberLocale/auto`` cannot tell.
    func decimalSeparator(locale: NumberLocale, text: String) throws(TransformError) -> PriceSeparator? {
        if count(.arabicDecimal) > 0 { return .arabicDecimal }
        switch locale {
        case .dotDecimal: return .dot
        case .commaDecimal: return .comma
        case .auto: break
        }
        let dots = count(.dot)
        let commas = count(.comma)
        if dots > 0, commas > 0 { return lastDotOrComma }
        guard let single = dots > 0 ? PriceSeparator.dot : (commas > 0 ? .comma : nil) else { return nil }
        // Repeated, it can only group thousands ("1,234,567").
        if count(single) > 1 { return nil }
        // Beside a space, apostrophe or '٬' that groups thousands, it is the decimal point.
        if separatorTotal > 1 { return single }
        let couldGroup =
            lastGroupDigits == 3 && !startsWithSeparator && !integerPartIsZero && (1...3).contains(firstGroupDigits)
        if couldGroup {
            let number = Self.number(in: text, from: tokenStart, to: tokenEnd)
            let grouped = String(number.unicodeScalars.filter { $0 != "." && $0 != "," })
            let decimal = String(number.unicodeScalars.map { $0 == "," ? "." : Character($0) })
            throw PriceParser.error(
                text,
                "ambiguous: \(number) could be \(grouped) or \(decimal); declare the number locale "
                    + "(dot-decimal or comma-decimal) in the mapping")
        }
        return single
    }

    /// Checks the grouping and computes the number.
    /// - Parameters:
    ///   - scalars: the text's scalars, the same the scan was made over.
    ///   - decimal: the decimal separator from ``decimalSeparator(locale:text:)``.
    ///   - locale: the declared locale, named in errors.
    ///   - text: the whole cell, quoted in errors.
    /// - Returns: the number, not yet converted.
    /// - Throws: ``TransformError`` for malformed grouping or mixed separators.
    func value(
        in scalars: String.UnicodeScalarView, decimal: PriceSeparator?, locale: NumberLocale, text: String
    ) throws(TransformError) -> Double {
        var mantissa: UInt64 = 0
        var exact = true
        var fractionDigits = 0
        var inFraction = false
        var grouping = GroupingCheck()
        var groupDigits = 0

        var index = tokenStart
        while index < tokenEnd {
            let scalar = scalars[index]
            index = scalars.index(after: index)
            if let digit = scalar.feedDigitValue {
                groupDigits += 1
                if inFraction { fractionDigits += 1 }
                // Past 2^53 a Double cannot hold every integer; the slow path rounds correctly.
                if exact {
                    let (times10, overflow1) = mantissa.multipliedReportingOverflow(by: 10)
                    let (sum, overflow2) = times10.addingReportingOverflow(UInt64(digit))
                    if overflow1 || overflow2 || sum > 1 << 53 { exact = false } else { mantissa = sum }
                }
                continue
            }
            guard let separator = PriceSeparator(scalar) else { continue }
            if inFraction {
                throw PriceParser.error(
                    text, "\(separator.displayName) after the decimal separator" + Self.hint(locale))
            }
            if separator == decimal {
                try grouping.finish(lastGroup: groupDigits, text: text, locale: locale)
                inFraction = true
            } else {
                try grouping.add(separator: separator, closingGroup: groupDigits, text: text, locale: locale)
            }
            groupDigits = 0
        }
        if !inFraction {
            try grouping.finish(lastGroup: groupDigits, text: text, locale: locale)
        }

        if exact, fractionDigits <= 22 {
            // Both operands are exact, so one division gives the correctly rounded result.
            var scale = 1.0
            for _ in 0..<fractionDigits { scale *= 10 }
            return Double(mantissa) / scale
        }
        return Self.slowValue(scalars[tokenStart..<tokenEnd], decimal: decimal)
    }

    // MARK: - Helpers

    private mutating func record(_ separator: PriceSeparator) {
        separatorTotal += 1
        switch separator {
        case .dot: counts.0 += 1
        case .comma: counts.1 += 1
        case .arabicDecimal: counts.2 += 1
        case .arabicThousands: counts.3 += 1
        case .apostrophe: counts.4 += 1
        case .space: counts.5 += 1
        }
        if separator.isLocaleDependent { lastDotOrComma = separator }
    }

    private func count(_ separator: PriceSeparator) -> Int {
        switch separator {
        case .dot: counts.0
        case .comma: counts.1
        case .arabicDecimal: counts.2
        case .arabicThousands: counts.3
        case .apostrophe: counts.4
        case .space: counts.5
        }
    }
}
