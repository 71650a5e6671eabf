/// Product ids and SKUs, kept exactly as the shop wrote them.
///
/// An id is text, never a number: `00123` keeps its zeros and `1.50` its trailing zero.
/// The one thing refused is what Excel leaves when a long numeric id passes through it:
/// `3.65275E+11` (a 12-digit barcode rounded to six digits and written in scientific
/// notation). The digits are gone for good, so the record is rejected rather than sent
/// under an id that matches nothing in the shop.
public enum Identifier {
    /// The transform's name in errors and mapping files.
    public static let transformName = "id"

    /// Checks an id.
    /// - Parameter text: the cell as the feed has it.
    /// - Returns: the id without surrounding blanks.
    /// - Throws: ``TransformError`` when the id is in Excel's scientific notation.
    public static func check(_ text: String) throws(TransformError) -> String {
        let id = TextTransform.trim(text)
        if let error = excelDamage(id) { throw error }
        return id
    }

    /// The error for an id Excel damaged, or `nil` for a usable one.
    static func excelDamage(_ id: String) -> TransformError? {
        guard isExcelDamaged(id) else { return nil }
        return TransformError(
            transform: transformName, value: id,
            reason: "Excel-damaged identifier: Excel rewrote a long number in scientific notation and dropped digits; export the file again without opening it in Excel, or format the column as text")
    }

    /// Whether `id` has the shape Excel gives long numbers: one digit, an optional
    /// fraction, `E`, a sign and an exponent (`3.65275E+11`, `1E+15`, `4.6347e+11`).
    ///
    /// The sign is required because Excel always writes it; an id such as `12E34` or
    /// `2E10-BLK` is a real SKU and passes.
    public static func isExcelDamaged(_ id: String) -> Bool {
        var bytes = id.utf8.makeIterator()
        guard let first = bytes.next(), isDigit(first) else { return false }
        var byte = bytes.next()
        if byte == UInt8(ascii: ".") {
            var fractionDigits = 0
            byte = bytes.next()
            while let digit = byte, isDigit(digit) {
                fractionDigits += 1
                byte = bytes.next()
            }
            guard fractionDigits > 0 else { return false }
        }
        guard byte == UInt8(ascii: "E") || byte == UInt8(ascii: "e") else { return false }
        guard let sign = bytes.next(), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") else { return false }
        var exponentDigits = 0
        while let digit = bytes.next() {
            guard isDigit(digit) else { return false }
            exponentDigits += 1
        }
        return exponentDigits > 0
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }
}
