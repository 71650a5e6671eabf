import FeedSyncCore
import Foundation

/// Applies transform steps, template filters and the final conversion to a field's type.
enum ValueTransformer {
    static func apply(_ step: TransformStep, to value: MappedValue, context: MappingContext) throws(MappingFailure) -> MappedValue {
        switch (step, value) {
        case (.trim, .text(let text)): return .text(TextTransform.trim(text))
        case (.trim, .list(let items)): return .list(items.map(TextTransform.trim).filter { !$0.isEmpty })
        case (.collapseWhitespace, .text(let text)): return .text(TextTransform.collapseWhitespace(text))
        case (.collapseWhitespace, .list(let items)): return .list(items.map(TextTransform.collapseWhitespace))
        case (.lowercase, .text(let text)): return .text(text.lowercased())
        case (.lowercase, .list(let items)): return .list(items.map { $0.lowercased() })
        case (.absoluteURL, .text(let text)): return .text(absolute(text, base: context.variables["base_url"]))
        case (.absoluteURL, .list(let items)): return .list(items.map { absolute($0, base: context.variables["base_url"]) })
        case (.price(let options), .text(let text)):
            let parser = PriceParser(locale: options.locale, conversion: options.conversion)
            do {
                guard let price = try parser.parseIfPresent(text) else { return .text("") }
                return .number(price)
            } catch {
                throw MappingFailure(message: error.description)
            }
        case (.availability, .text(let text)):
            do {
                guard let inStock = try Availability.parse(text) else { return .text("") }
                return .bool(inStock)
            } catch {
                throw MappingFailure(message: error.description)
            }
        case (.split(let separator, let limit), .text(let text)):
            return .list(ListSplitter(separator: separator, limit: limit).split(text))
        case (.first, .list(let items)): return .text(items.first ?? "")
        case (.categories(let options), .text(let text)):
            return .categories(categoryParser(options, context: context).parse(text).categories)
        case (.date, .text(let text)):
            guard !text.allSatisfy(\.isWhitespace) else { return .text("") }
            guard let date = Timestamp.parse(text) else {
                throw MappingFailure(message: "'\(TransformError.truncate(text))' is not a date and time (expected ISO-8601 such as 2024-05-01T10:20:30+03:30)")
            }
            return .date(date)
        default:
            // The loader checks every pipeline's kinds, so this is a mapping bug, not bad input.
            throw MappingFailure(message: "the transform cannot take a \(value.kind.rawValue) value")
        }
    }

    /// Converts the pipeline's result to the kind its field needs, with each type's default reading.
    static func coerce(_ value: MappedValue, to kind: MappedValue.Kind, context: MappingContext) throws(MappingFailure) -> MappedValue {
        if value.kind == kind { return value }
        switch (value, kind) {
        case (.text(let text), .text): return .text(text)
        case (.list(let items), .text): return .text(items.first ?? "")
        case (.text, .number): return try apply(.price(PriceOptions()), to: value, context: context)
        case (.text, .bool): return try apply(.availability, to: value, context: context)
        case (.text, .list): return try apply(.split(separator: ",", limit: nil), to: value, context: context)
        case (.text, .categories): return try apply(.categories(CategoryOptions()), to: value, context: context)
        case (.text, .date): return try apply(.date, to: value, context: context)
        case (.text(let text), _) where text.isEmpty: return value
        default:
            throw MappingFailure(message: "a \(value.kind.rawValue) value cannot become a \(kind.rawValue)")
        }
    }

    /// Applies a template filter.
    static func filter(_ filter: TemplateFilter, _ text: String) -> String {
        switch filter {
        case .slug: return TextTransform.slug(text)
        case .lower: return text.lowercased()
        case .trim: return TextTransform.trim(text)
        case .urlencode: return text.addingPercentEncoding(withAllowedCharacters: .urlUnreservedCharacters) ?? ""
        case .origin: return origin(of: text) ?? ""
        }
    }

    private static func categoryParser(_ options: CategoryOptions, context: MappingContext) -> CategoryPathParser {
        var template: CategoryURLTemplate?
        if let pattern = options.url {
            var resolved = pattern.replacingOccurrences(of: "{{path}}", with: "{path}")
                .replacingOccurrences(of: "{{slug}}", with: "{slug}")
            for (name, value) in context.variables {
                resolved = resolved.replacingOccurrences(of: "{{\(name)}}", with: value)
            }
            // A variable the source does not set (base_url) leaves the URLs empty rather than broken.
            if !resolved.contains("{{") { template = CategoryURLTemplate(baseURL: "", template: resolved) }
        }
        return CategoryPathParser(
            levelSeparator: options.levelSeparator,
            pathSeparator: options.pathSeparator.isEmpty ? nil : options.pathSeparator,
            skipLeadingLevels: options.skipLeadingLevels,
            urlTemplate: template)
    }

    private static func absolute(_ text: String, base: String?) -> String {
        guard let base, !text.isEmpty, !text.lowercased().hasPrefix("http://"), !text.lowercased().hasPrefix("https://"),
              let baseURL = URL(string: base.hasSuffix("/") ? base : base + "/"),
              let url = URL(string: text, relativeTo: baseURL)
        else { return text }
        return url.absoluteString
    }

    /// `scheme://host[:port]` of the first http(s) URL in `text`.
    static func origin(of text: String) -> String? {
        guard let start = text.range(of: "http", options: .caseInsensitive) else { return nil }
        let candidate = text[start.lowerBound...].prefix { !$0.isWhitespace && $0 != "," && $0 != "|" }
        guard let components = URLComponents(string: String(candidate)), let scheme = components.scheme?.lowercased(),
              scheme == "http" || scheme == "https", let host = components.host, !host.isEmpty
        else { return nil }
        let port = components.port.map { ":\($0)" } ?? ""
        return "\(scheme)://\(host)\(port)"
    }
}

extension CharacterSet {
    /// RFC 3986's unreserved characters: what needs no percent-encoding anywhere in a URL.
    static let urlUnreservedCharacters = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
}
