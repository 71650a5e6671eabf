/// Reads a price cell as the shop wrote it and returns the number Affili needs.
///
/// Accepts what real exports contain:
/// - plain numbers: `18`, `20.5`, `.5`;
/// - grouped thousands: `1,234.56`, `1.234,56`, `1 234,56`, `1'234.50`, `12,000,000`,
///   and Indian lakh grouping `1,23,456`;
/// - currency symbols, codes and words before or after the number, which are ignored:
///   `$2,030`, `1890000 VND`, `449 BDT`, `€ 12,50`, `150.000 ₫`, `۱۲۰۰۰ تومان`;
/// - Persian (`۰-۹`) and Arabic-Indic (`٠-٩`) digits with the Arabic separators `٬`
///   (thousands) and `٫` (decimal).
///
/// It refuses, with a reason quoting the value: empty text, text without a number,
/// negative prices, two numbers (`10-20`), characters that are neither part of a number nor
/// of a currency (`10%`, `10/kg`), malformed grouping (`1,23`) and, with
/// ``NumberLocale/auto``, values that read differently under the two conventions
/// (`1.234`, `1,234`).
///
/// The parser walks the text's Unicode scalars twice (once to find the number and its
/// separators, once to check the grouping and accumulate digits) without regular
/// expressions, `NumberFormatter` or intermediate strings, because it runs once or twice
/// for every row of catalogs with millions of rows.
public struct PriceParser: Sendable, Hashable {
    /// The feed's decimal convention.
    public var locale: NumberLocale
    /// An optional Toman/Rial conversion applied to every price read.
    public var conversion: UnitConversion?

    /// The transform's name in errors and mapping files.
    public static let transformName = "price"

    /// Creates a parser.
    /// - Parameters:
    ///   - locale: the decimal convention; ``NumberLocale/auto`` refuses ambiguous values.
    ///   - conversion: converts Toman to Rial or back. A price whose text names its unit
    ///     (`تومان`, `toman`, `IRT`, `ریال`, `rial`, `IRR`, `﷼`) is read in that unit; one
    ///     that names none is read in the conversion's `from` unit.
    public init(locale: NumberLocale = .auto, conversion: UnitConversion? = nil) {
        self.locale = locale
        self.conversion = conversion
    }

    /// Reads a price.
    /// - Parameter text: the cell as the feed has it.
    /// - Returns: a finite, non-negative price, converted when a conversion is set.
    /// - Throws: ``TransformError`` naming the value and the reason when the text is not
    ///   exactly one non-negative number.
    public func parse(_ text: String) throws(TransformError) -> Double {
        if let amount = Self.plainInteger(text, currencyCode: conversion == nil) { return conversion?.apply(amount) ?? amount }
        return try parseScanning(text)
    }

    /// ``parse(_:)`` without the shortcut for plain integers: the general reading.
    func parseScanning(_ text: String) throws(TransformError) -> Double {
        let scalars = text.unicodeScalars
        let scan = try PriceScan(scalars, text: text)
        let decimal = try scan.decimalSeparator(locale: locale, text: text)
        var amount = try scan.value(in: scalars, decimal: decimal, locale: locale, text: text)
        if let conversion {
            let prefix = scalars[scalars.startIndex..<scan.tokenStart]
            let suffix = scalars[scan.tokenEnd..<scalars.endIndex]
            let unit = try CurrencyUnitMarker.unit(prefix: prefix, suffix: suffix, text: text)
            amount = conversion.apply(amount, writtenIn: unit)
        }
        guard amount.isFinite else {
            throw Self.error(text, "the number is too large to be a price")
        }
        return amount
    }

    /// The value of the usual price cell, 1 to 15 ASCII digits, optionally followed by a
    /// space and a three-letter currency code (`4797000 IRR`, Google Merchant's form) when
    /// `currencyCode` allows, without the two scalar walks of the general reading, which
    /// gives the same value; `nil` for anything else. A code is allowed only without a unit
    /// conversion, where it cannot change the amount. Fifteen digits are exact in a `Double`.
    @inline(__always)
    static func plainInteger(_ text: String, currencyCode: Bool) -> Double? {
        let utf8 = text.utf8
        var digits = utf8.count
        if currencyCode, digits >= 5 {
            // A code needs the digits before it, a space and three capital letters.
            let tail = utf8.suffix(4)
            var index = tail.startIndex
            if tail[index] == UInt8(ascii: " ") {
                index = tail.index(after: index)
                var letters = 0
                while index < tail.endIndex, tail[index] &- UInt8(ascii: "A") < 26 {
                    letters += 1
                    index = tail.index(after: index)
                }
                if letters == 3 { digits -= 4 }
            }
        }
        guard digits > 0, digits <= 15 else { return nil }
        var value = 0
        for byte in utf8.prefix(digits) {
            let digit = byte &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = value &* 10 &+ Int(digit)
        }
        return Double(value)
    }

    /// Reads a price that may be missing, such as an old or sale price.
    /// - Parameter text: the cell as the feed has it.
    /// - Returns: `nil` when the text is empty or only white space, else the price.
    /// - Throws: ``TransformError`` when the text is present but not a valid price.
    public func parseIfPresent(_ text: String) throws(TransformError) -> Double? {
        if text.unicodeScalars.allSatisfy(\.isFeedBlank) { return nil }
        return try parse(text)
    }

    /// Builds this transform's error for `text`.
    static func error(_ text: String, _ reason: String) -> TransformError {
        TransformError(transform: transformName, value: text, reason: reason)
    }
}
