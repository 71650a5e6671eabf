import ArgumentParser

/// A duration written as `90s`, `30m`, `1h`, `1h30m` or `2d` (for `sync --every`).
struct Interval: ExpressibleByArgument, Sendable {
    let seconds: Int

    var duration: Duration { .seconds(seconds) }

    init?(argument: String) {
        var total = 0
        var number = 0
        var sawDigit = false
        for character in argument.lowercased() {
            if let digit = character.wholeNumberValue {
                number = number * 10 + digit
                sawDigit = true
                guard number < 10_000_000 else { return nil }
                continue
            }
            guard sawDigit else { return nil }
            switch character {
            case "s": total += number
            case "m": total += number * 60
            case "h": total += number * 3600
            case "d": total += number * 86_400
            default: return nil
            }
            number = 0
            sawDigit = false
        }
        guard !sawDigit, total > 0 else { return nil }
        seconds = total
    }

    static var defaultValueDescription: String { "30m" }
}
