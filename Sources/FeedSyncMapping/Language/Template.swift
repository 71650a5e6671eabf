/// A text template such as `{{base_url}}/?p={{ID}}` or `{{handle}}-{{variant_sku}}`.
///
/// `{{name}}` is a variable of the source (`base_url`) when one has that name, else a
/// source field. Filters follow a bar: `{{Name|slug}}`, `{{Images|origin}}`. A template
/// whose field or variable is empty yields no value, so that the next fallback is tried
/// instead of producing a broken URL.
public struct Template: Sendable, Equatable {
    /// One piece of a template.
    public enum Part: Sendable, Equatable {
        case literal(String)
        case reference(name: String, filters: [TemplateFilter])
    }

    /// The pieces, in order.
    public var parts: [Part]

    /// The names the template refers to, in order.
    public var references: [String] {
        parts.compactMap {
            if case .reference(let name, _) = $0 { return name }
            return nil
        }
    }

    /// Parses template text.
    /// - Parameter text: the template.
    /// - Throws: a message when a `{{` is not closed or names an unknown filter.
    public init(parsing text: String) throws {
        var parts: [Part] = []
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            if open.lowerBound > rest.startIndex { parts.append(.literal(String(rest[..<open.lowerBound]))) }
            guard let close = rest[open.upperBound...].range(of: "}}") else {
                throw TemplateSyntaxError(message: "'{{' is not closed by '}}'")
            }
            let pieces = rest[open.upperBound..<close.lowerBound].split(separator: "|", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            guard let name = pieces.first, !name.isEmpty else { throw TemplateSyntaxError(message: "'{{}}' names nothing") }
            var filters: [TemplateFilter] = []
            for filterName in pieces.dropFirst() {
                guard let filter = TemplateFilter(rawValue: filterName) else {
                    let known = TemplateFilter.allCases.map(\.rawValue).joined(separator: ", ")
                    throw TemplateSyntaxError(message: "unknown template filter '\(filterName)' (filters: \(known))")
                }
                filters.append(filter)
            }
            parts.append(.reference(name: name, filters: filters))
            rest = rest[close.upperBound...]
        }
        if !rest.isEmpty { parts.append(.literal(String(rest))) }
        self.parts = parts
    }
}

/// A template whose text cannot be parsed.
public struct TemplateSyntaxError: Error, Sendable {
    /// What is wrong.
    public var message: String
}

/// A filter applied to a template reference.
public enum TemplateFilter: String, Sendable, CaseIterable {
    /// Lower case, words joined by `-` (`Hoodie with Logo` → `hoodie-with-logo`).
    case slug
    /// Lower case.
    case lower
    /// Trimmed of white space.
    case trim
    /// Percent-encoded for a URL query or path piece.
    case urlencode
    /// `scheme://host[:port]` of the first URL in the text (a shop's address from an image URL).
    case origin
}
