import FeedSyncCore
import Foundation

/// Applies transform steps, template filters and the final conversion to a field's type.
///
/// Steps are compiled once per source (``compile(_:)``): templates in their options are
/// filled with the source's variables and parsers are built, so that mapping a record
/// only runs them.
struct ValueTransformer: Sendable {
    /// A transform step ready to run.
    ///
    /// Indirect, so that a step with a parser is one boxed reference: running a field's
    /// steps copies each out of its pipeline, and copying a parser inline retained every
    /// array and string it holds (1.9% of a CSV export).
    indirect enum Operation: Sendable {
        case trim, collapseWhitespace, lowercase, stripHTML, decodeEntities, nfc, persian, id, availability, first, last
        case truncate(limit: Int, ellipsis: String)
        case price(PriceParser)
        case split(ListSplitter)
        case categories(CategoryPathParser)
        case date(DateReader)
        case absoluteURL(URLResolver)
    }

    let context: MappingContext
    /// Reads times for fields without a `date` step, in the mapping's time zone.
    private let defaultDates: DateReader
    private let defaultTimeZone: TimeZone?

    init(context: MappingContext, timeZone: TimeZone?) {
        self.context = context
        self.defaultTimeZone = timeZone
        defaultDates = DateReader(timeZone: timeZone)
    }

    /// Builds what a step needs to run.
    func compile(_ step: TransformStep) -> Operation {
        switch step {
        case .trim: return .trim
        case .collapseWhitespace: return .collapseWhitespace
        case .lowercase: return .lowercase
        case .stripHTML: return .stripHTML
        case .decodeEntities: return .decodeEntities
        case .nfc: return .nfc
        case .persian: return .persian
        case .id: return .id
        case .availability: return .availability
        case .first: return .first
        case .last: return .last
        case .truncate(let limit, let ellipsis): return .truncate(limit: limit, ellipsis: ellipsis)
        case .price(let options): return .price(PriceParser(locale: options.locale, conversion: options.conversion))
        case .split(let separator, let limit): return .split(ListSplitter(separator: separator, limit: limit))
        case .categories(let options): return .categories(categoryParser(options))
        case .date(let options): return .date(DateReader(formats: options.formats, timeZone: options.timeZone ?? defaultTimeZone))
        case .absoluteURL(let options):
            if let folder = options.folder {
                return .absoluteURL(URLResolver(base: context.fill(folder).map(URLResolver.Base.folder)))
            }
            return .absoluteURL(URLResolver(base: context.fill(options.base ?? "{{base_url}}").map(URLResolver.Base.page)))
        }
    }

    func apply(_ operation: Operation, to value: MappedValue) throws(MappingFailure) -> MappedValue {
        switch (operation, value) {
        case (.trim, _): return try eachText(value, TextTransform.trim)
        case (.collapseWhitespace, _): return try eachText(value, TextTransform.collapseWhitespace)
        case (.lowercase, _): return try eachText(value) { $0.lowercased() }
        case (.stripHTML, _): return try eachText(value, TextTransform.stripHTML)
        case (.decodeEntities, _): return try eachText(value, TextTransform.decodeEntities)
        case (.nfc, _): return try eachText(value, TextTransform.nfc)
        case (.persian, _): return try eachText(value, TextTransform.persian)
        case (.truncate(let limit, let ellipsis), _): return try eachText(value) { TextTransform.truncate($0, to: limit, ellipsis: ellipsis) }
        case (.id, _): return try eachText(value, Identifier.check)
        case (.absoluteURL(let resolver), _): return try eachText(value, resolver.resolve)
        case (.price(let parser), .text(let text)):
            do {
                guard let price = try parser.parseIfPresent(text) else { return .text("") }
                return .number(price)
            } catch {
                throw MappingFailure(error)
            }
        case (.availability, .text(let text)):
            do {
                guard let inStock = try Availability.parse(text) else { return .text("") }
                return .bool(inStock)
            } catch {
                throw MappingFailure(error)
            }
        case (.split(let splitter), .text(let text)): return .list(splitter.split(text))
        case (.split(let splitter), .list(let items)):
            var seen: Set<String> = []
            return .list(items.flatMap(splitter.split).filter { seen.insert($0).inserted })
        case (.first, .list(let items)): return .text(items.first ?? "")
        case (.last, .list(let items)): return .text(items.last ?? "")
        case (.categories(let parser), .text(let text)): return .categories(parser.parse(text).categories)
        case (.date(let reader), .text(let text)): return try date(text, reader)
        default:
            // The loader checks every pipeline's kinds, so this is a mapping bug, not bad input.
            throw MappingFailure(message: "the transform cannot take a \(value.kind.rawValue) value")
        }
    }

    /// Converts the pipeline's result to the kind its field needs, with each type's default reading.
    func coerce(_ value: MappedValue, to kind: MappedValue.Kind) throws(MappingFailure) -> MappedValue {
        if value.kind == kind { return value }
        switch (value, kind) {
        case (.list(let items), .text): return .text(items.first ?? "")
        case (.text, .number): return try apply(.price(PriceParser()), to: value)
        case (.text, .bool): return try apply(.availability, to: value)
        case (.text, .list): return try apply(.split(ListSplitter()), to: value)
        case (.text, .categories): return try apply(.categories(CategoryPathParser()), to: value)
        case (.text(let text), .date): return try date(text, defaultDates)
        default:
            throw MappingFailure(message: "a \(value.kind.rawValue) value cannot become a \(kind.rawValue)")
        }
    }

    private func date(_ text: String, _ reader: DateReader) throws(MappingFailure) -> MappedValue {
        guard !text.unicodeScalars.allSatisfy(\.isFeedBlank) else { return .text("") }
        do {
            return .date(try reader.read(text))
        } catch {
            throw MappingFailure(error)
        }
    }

    /// Applies a text function to a text, or to every item of a list (dropping items it empties).
    private func eachText(_ value: MappedValue, _ transform: (String) throws(TransformError) -> String) throws(MappingFailure) -> MappedValue {
        switch value {
        case .text(let text):
            do {
                return .text(try transform(text))
            } catch {
                throw MappingFailure(error)
            }
        case .list(let items):
            var result: [String] = []
            result.reserveCapacity(items.count)
            do {
                for item in items {
                    let changed = try transform(item)
                    if !changed.isEmpty { result.append(changed) }
                }
            } catch {
                throw MappingFailure(error)
            }
            return .list(result)
        default:
            throw MappingFailure(message: "the transform cannot take a \(value.kind.rawValue) value")
        }
    }

    /// Applies a template filter.
    static func filter(_ filter: TemplateFilter, _ text: String) -> String {
        switch filter {
        case .slug: return TextTransform.slug(text)
        case .lower: return text.lowercased()
        case .trim: return TextTransform.trim(text)
        case .urlencode: return PercentEncoding.unreserved(text)
        case .origin: return origin(of: text) ?? ""
        }
    }

    private func categoryParser(_ options: CategoryOptions) -> CategoryPathParser {
        var template: CategoryURLTemplate?
        if let pattern = options.url {
            let placeholders = pattern.replacingOccurrences(of: "{{path}}", with: "{path}")
                .replacingOccurrences(of: "{{slug}}", with: "{slug}")
            // A variable the source does not set (base_url) leaves the URLs empty rather than broken.
            if let resolved = context.fill(placeholders) { template = CategoryURLTemplate(baseURL: "", template: resolved) }
        }
        return CategoryPathParser(
            levelSeparator: options.levelSeparator,
            pathSeparator: options.pathSeparator.isEmpty ? nil : options.pathSeparator,
            skipLeadingLevels: options.skipLeadingLevels,
            pathDepth: options.pathDepth,
            urlTemplate: template)
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
