import Foundation

/// Text clean-ups the mapper applies to names, ids and list items.
///
/// Each function returns its input unchanged, without allocating, when there is nothing to
/// change, which is the common case for a million well-formed rows.
public enum TextTransform {
    /// Removes white space from both ends, including no-break spaces, line breaks and the
    /// invisible marks editors leave (zero-width space, byte-order mark, LRM/RLM).
    /// - Parameter text: any text.
    /// - Returns: the text without leading and trailing blanks.
    public static func trim(_ text: String) -> String {
        // Most text starts and ends with a letter or digit, and the lead bytes of its first
        // and last scalars say so without decoding them.
        if text.utf8.withContiguousStorageIfAvailable(hasVisibleEnds) == true { return text }
        let scalars = text.unicodeScalars
        guard let first = scalars.first, let last = scalars.last, first.isFeedBlank || last.isFeedBlank else {
            return text
        }
        return String(Substring(trimmedScalars(scalars[...])))
    }

    /// Trims the text and replaces every run of white space inside it (spaces, tabs, line
    /// breaks, no-break spaces) with one space.
    /// - Parameter text: any text.
    /// - Returns: the text on one line with single spaces between words.
    public static func collapseWhitespace(_ text: String) -> String {
        let scalars = text.unicodeScalars
        let bytesNeedCollapsing = text.utf8.withContiguousStorageIfAvailable(needsCollapsing) ?? nil
        if !(bytesNeedCollapsing ?? needsCollapsing(scalars)) { return text }
        var result = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in trimmedScalars(scalars[...]) {
            if scalar.isFeedWhitespace {
                pendingSpace = true
                continue
            }
            if pendingSpace {
                result.append(" ")
                pendingSpace = false
            }
            result.append(scalar)
        }
        return String(result)
    }

    /// Turns a name into an id-safe slug: lower case, letters and digits of any script
    /// kept (`Quần áo` → `quần-áo`, `گوشی موبایل` → `گوشی-موبایل`), every other run of
    /// characters replaced by one `-`, no `-` at either end.
    ///
    /// The result is stable: the text is first brought to Unicode composed form (NFC), so
    /// the same name typed with precomposed or combining accents gives the same slug;
    /// Persian and Arabic-Indic digits become ASCII digits; Arabic yeh and kaf become their
    /// Persian forms, which Iranian text mixes freely.
    /// - Parameter text: a name.
    /// - Returns: the slug; empty when the text has no letters or digits.
    public static func slug(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return asciiSlug(text) }
        // Foundation's normalization costs microseconds; most names are already composed
        // and skip it (see `mayChangeUnderNFC`).
        let composed =
            text.unicodeScalars.contains(where: mayChangeUnderNFC) ? text.precomposedStringWithCanonicalMapping : text
        // Lower-casing grows a scalar by at most half (İ → i̇) and digits and dashes only
        // shrink, so three times the input is a safe bound for the UTF-8 written.
        return String(unsafeUninitializedCapacity: composed.utf8.count * 3 + 4) { buffer in
            var count = 0
            var pendingDash = false
            var lastWasKept = false
            func append(_ scalar: Unicode.Scalar) {
                if pendingDash, count > 0 {
                    buffer[count] = UInt8(ascii: "-")
                    count += 1
                }
                pendingDash = false
                lastWasKept = true
                UTF8.encode(scalar) { unit in
                    buffer[count] = unit
                    count += 1
                }
            }
            for scalar in composed.unicodeScalars {
                switch SlugClass(scalar) {
                case .lowercase(let lower):
                    append(lower)
                case .letterNeedingLowercase:
                    for lower in scalar.properties.lowercaseMapping.unicodeScalars { append(lower) }
                case .other where lastWasKept && isCombiningMark(scalar):
                    // A mark left uncomposed by NFC still belongs to the letter before it.
                    append(scalar)
                case .other:
                    pendingDash = true
                    lastWasKept = false
                }
            }
            return count
        }
    }

    // MARK: - Helpers

    /// Whether the first and last scalars of UTF-8 text are surely not blank
    /// (``Unicode/Scalar/isFeedBlank``), judged by their lead bytes alone.
    static func hasVisibleEnds(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = utf8.first else { return false }
        var lastLead = utf8.count - 1
        while lastLead > 0, utf8[lastLead] & 0xC0 == 0x80 { lastLead -= 1 }
        return leadIsNeverBlank(first) && leadIsNeverBlank(utf8[lastLead])
    }

    /// Whether no blank scalar starts with this UTF-8 lead byte: ASCII but white space and
    /// controls, and the leads of every scalar but U+0080–U+00BF (`C2`: NEL, no-break
    /// space), U+0800–U+0FFF and U+1000–U+3FFF (`E0`–`E3`: U+1680, U+2000–U+200F,
    /// U+2028–U+202F, U+205F, U+3000) and U+F000–U+FFFF (`EF`: U+FEFF).
    @inline(__always)
    static func leadIsNeverBlank(_ lead: UInt8) -> Bool {
        switch lead {
        case 0x21...0x7F, 0xC3...0xDF, 0xE4...0xEE, 0xF0...0xF4: true
        default: false
        }
    }

    static func trimmedScalars(_ scalars: Substring.UnicodeScalarView) -> Substring.UnicodeScalarView {
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, scalars[start].isFeedBlank { start = scalars.index(after: start) }
        while end > start {
            let before = scalars.index(before: end)
            guard scalars[before].isFeedBlank else { break }
            end = before
        }
        return scalars[start..<end]
    }

    /// The scalar rule of `needsCollapsing` applied to UTF-8 bytes, or `nil` when
    /// only decoding can tell: at an end that may be blank, or at a lead byte of a non-ASCII
    /// white space (`C2`, `E1`–`E3`).
    static func needsCollapsing(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard hasVisibleEnds(utf8) else { return nil }
        var previousWasSpace = false
        for byte in utf8 {
            if byte == 0x20 {
                if previousWasSpace { return true }
                previousWasSpace = true
            } else if byte >= 0x09 && byte <= 0x0D {
                return true
            } else if byte == 0xC2 || (byte >= 0xE1 && byte <= 0xE3) {
                return nil
            } else {
                previousWasSpace = false
            }
        }
        return false
    }

    private static func needsCollapsing(_ scalars: String.UnicodeScalarView) -> Bool {
        guard let first = scalars.first, let last = scalars.last else { return false }
        if first.isFeedBlank || last.isFeedBlank { return true }
        var previousWasSpace = false
        for scalar in scalars {
            if scalar == " " {
                if previousWasSpace { return true }
                previousWasSpace = true
            } else if scalar.isFeedWhitespace {
                return true
            } else {
                previousWasSpace = false
            }
        }
        return false
    }

    private static func asciiSlug(_ text: String) -> String {
        String(unsafeUninitializedCapacity: text.utf8.count) { buffer in
            var count = 0
            var pendingDash = false
            for byte in text.utf8 {
                let lower = (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
                guard (0x61...0x7A).contains(lower) || (0x30...0x39).contains(lower) else {
                    pendingDash = true
                    continue
                }
                // A dash replaces at least one skipped byte, so the output never outgrows the input.
                if pendingDash, count > 0 {
                    buffer[count] = UInt8(ascii: "-")
                    count += 1
                }
                pendingDash = false
                buffer[count] = lower
                count += 1
            }
            return count
        }
    }

    /// Whether NFC could change `scalar` or compose it with its neighbour: combining marks,
    /// Hangul jamo, and the ranges holding every character whose NFC quick-check is "No"
    /// (singletons and composition exclusions, per Unicode's DerivedNormalizationProps), plus
    /// the scripts Unicode 16 added with composing vowel signs.
    /// Ranges are deliberately wider than the exact list; a false positive only costs time.
    static func mayChangeUnderNFC(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x0300: return false
        // Fast answers for the scripts feeds use most: Cyrillic, Arabic/Persian letters
        // (their composing marks are caught below), Vietnamese precomposed letters, ZWNJ.
        case 0x0400...0x045F, 0x0621...0x064A, 0x0660...0x066F, 0x0671...0x06D3, 0x06F0...0x06F9,
            0x1EA0...0x1EF9, 0x200C:
            return false
        case 0x0300...0x036F, 0x0374, 0x037E, 0x0387, 0x0958...0x095F, 0x09DC...0x09DF, 0x0A33, 0x0A36,
            0x0A59...0x0A5E, 0x0B5C...0x0B5D, 0x0F43...0x0FB9, 0x1100...0x11FF, 0x1F71...0x1FFD, 0x2000...0x2001,
            0x2126, 0x212A...0x212B, 0x2329...0x232A, 0x2ADC, 0xF900...0xFAFF, 0xFB1D...0xFB4F, 0x11380...0x113FF,
            0x16100...0x1613F, 0x16D40...0x16D7F, 0x2F800...0x2FA1F:
            return true
        default: return isCombiningMark(scalar)
        }
    }

    private static func isCombiningMark(_ scalar: Unicode.Scalar) -> Bool {
        // No mark sits below U+0300; spaces and punctuation skip the table lookup.
        if scalar.value < 0x0300 { return false }
        return switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: true
        default: false
        }
    }
}
