/// The conversions applied when a pipeline ends with a different kind than its field needs.
enum Coercion {
    static func isPossible(from source: MappedValue.Kind, to target: MappedValue.Kind) -> Bool {
        if source == target { return true }
        switch (source, target) {
        case (.text, _): return true
        case (.list, .text): return true
        default: return false
        }
    }
}
