import Foundation

/// Reads RFC 8288 `Link` header values: `<https://x/p?page=2>; rel="next", <...>; rel="last"`.
enum LinkHeader {
    /// The target of the first link whose `rel` includes `relation`, resolved against `base`.
    /// - Parameters:
    ///   - value: the header's value (several fields joined by commas).
    ///   - relation: the relation wanted, e.g. `next`.
    ///   - base: the URL of the answer, for relative targets.
    /// - Returns: the absolute URL, or `nil` when there is no such link.
    static func target(in value: String, relation: String, base: URL) -> URL? {
        var rest = Substring(value)
        while let open = rest.firstIndex(of: "<") {
            guard let close = rest[open...].firstIndex(of: ">") else { return nil }
            let target = rest[rest.index(after: open)..<close]
            // Parameters run to the next link, which starts at a `<` after a comma.
            var parameters = rest[rest.index(after: close)...]
            if let next = parameters.firstIndex(of: "<") { parameters = parameters[..<next] }
            rest = rest[parameters.endIndex...]
            for parameter in parameters.split(separator: ";") {
                let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard pair.count == 2, pair[0].lowercased() == "rel" else { continue }
                let relations = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\",")).lowercased()
                    .split(separator: " ")
                if relations.contains(Substring(relation.lowercased())) {
                    return URL(string: String(target), relativeTo: base)?.absoluteURL
                }
            }
        }
        return nil
    }
}
