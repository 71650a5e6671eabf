/// The two units Iranian prices are written in.
///
/// Affili shops keep prices in Rial by default, while Torob-style feeds and most Iranian
/// shop fronts write Toman (1 Toman = 10 Rial). Reading one as the other is a tenfold
/// error, so the unit is part of the mapping, not a guess.
public enum CurrencyUnit: String, Sendable, Hashable, CaseIterable {
    /// Toman (`IRT`), ten Rial.
    case toman = "IRT"
    /// Rial (`IRR`), the official unit.
    case rial = "IRR"

    /// How many Rial one unit is worth.
    public var rials: Double {
        switch self {
        case .toman: 10
        case .rial: 1
        }
    }

    /// Reads a unit as a mapping file writes it: `IRT`, `toman`, `IRR` or `rial`, any case.
    /// - Parameter code: the code or name.
    /// - Returns: the unit, or `nil` for anything else.
    public init?(code: String) {
        switch code.lowercased() {
        case "irt", "toman": self = .toman
        case "irr", "rial": self = .rial
        default: return nil
        }
    }
}

/// A conversion of prices from one Iranian unit to another, e.g. a Toman feed for a Rial shop.
public struct UnitConversion: Sendable, Hashable {
    /// The unit prices are written in when the text itself does not say.
    public var from: CurrencyUnit
    /// The unit the product must carry.
    public var to: CurrencyUnit

    /// Creates a conversion.
    /// - Parameters:
    ///   - from: the feed's unit, used when a price names no unit of its own.
    ///   - to: the unit the shop's products are kept in.
    public init(from: CurrencyUnit, to: CurrencyUnit) {
        self.from = from
        self.to = to
    }

    /// Converts an amount written in `unit` into ``to``.
    /// - Parameters:
    ///   - amount: the amount as written.
    ///   - unit: the unit it is written in; ``from`` when `nil`.
    /// - Returns: the amount in ``to``.
    public func apply(_ amount: Double, writtenIn unit: CurrencyUnit? = nil) -> Double {
        let source = unit ?? from
        guard source != to else { return amount }
        return amount * source.rials / to.rials
    }
}
