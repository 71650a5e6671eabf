import FeedSyncConfig
import FeedSyncHTTP
import FeedSyncSources

/// How a mapping's source is read, beyond CSV's delimiter: the text encoding, the XML
/// record element and namespaces, and how a paged JSON endpoint is walked.
///
/// These belong to the mapping because they describe the shape of an export (Google
/// Merchant's `item`, the Affili webhook's `/data/products`), which is what a preset is.
public struct SourceSettings: Sendable {
    /// The feed's text encoding when it is not UTF-8.
    public var encoding: TextEncoding?
    /// How XML records are found.
    public var xml: XMLDialect
    /// How a JSON document or endpoint is read, when the mapping is for JSON.
    public var json: JSONPagesOptions?

    /// Settings for a UTF-8 feed with RSS `item` records and no JSON section.
    public init(encoding: TextEncoding? = nil, xml: XMLDialect = XMLDialect(), json: JSONPagesOptions? = nil) {
        self.encoding = encoding
        self.xml = xml
        self.json = json
    }

    /// The JSON presets a mapping can name (`json: { preset: affili-webhook }`).
    public static let jsonPresets = ["affili-webhook", "shop-plugin", "torob-v3", "accesstrade", "woocommerce-rest", "shopify", "strapi"]

    /// Reads the `encoding`, `xml` and `json` keys of a mapping file; a key the file does
    /// not have stays `nil`, so that an extending mapping keeps its base's.
    /// - Throws: ``ConfigError`` at the offending key.
    static func parse(_ top: YAMLMapping) throws -> (encoding: TextEncoding?, xml: XMLDialect?, json: JSONPagesOptions?) {
        var encoding: TextEncoding?
        var xml: XMLDialect?
        var json: JSONPagesOptions?
        if let value = top["encoding"] {
            guard let found = TextEncoding(name: try value.rawString()) else {
                let known = TextEncoding.allCases.map(\.rawValue).joined(separator: ", ")
                throw value.error("unknown encoding (encodings: \(known))")
            }
            encoding = found
        }
        if let value = top["xml"] {
            let map = try value.mapping(allowed: ["record", "namespaces"])
            var namespaces: [String: String] = [:]
            for (prefix, uri) in try map["namespaces"]?.freeMapping().entries ?? [] {
                namespaces[prefix] = try uri.rawString()
            }
            xml = XMLDialect(recordElement: try map["record"]?.rawString() ?? "item", namespaces: namespaces)
        }
        if let value = top["json"] { json = try Self.json(value) }
        return (encoding, xml, json)
    }

    private static func json(_ value: YAMLValue) throws -> JSONPagesOptions {
        let map = try value.mapping(allowed: [
            "preset", "items", "paging", "next", "method", "parameters", "page_parameter", "size_parameter", "page_size",
            "first_page", "offset_parameter", "last_page", "total", "max_pages",
        ])
        var options: JSONPagesOptions
        if let preset = map["preset"] {
            options = try Self.preset(preset)
        } else {
            options = JSONPagesOptions(items: try pointer(try map.require("items")))
        }
        if let items = map["items"] { options.items = try pointer(items) }
        if let paging = map["paging"] {
            switch try paging.rawString() {
            case "page": options.paging = .pageNumber
            case "offset": options.paging = .offset
            case "link": options.paging = .linkHeader
            case "single": options.paging = .single
            case "next": options.paging = .nextURL(try pointer(try map.require("next")))
            default: throw paging.error("expected page, offset, next, link or single")
            }
        }
        if let method = map["method"] {
            switch try method.rawString().uppercased() {
            case "GET": options.method = .get
            case "POST": options.method = .post
            default: throw method.error("expected GET or POST")
            }
        }
        if let parameters = map["parameters"] {
            switch try parameters.rawString() {
            case "query": options.parameters = .query
            case "form": options.parameters = .form
            case "json": options.parameters = .json
            default: throw parameters.error("expected query, form or json")
            }
        }
        if let text = try map["page_parameter"]?.rawString() { options.pageParameter = text }
        if let text = try map["size_parameter"]?.rawString() { options.sizeParameter = text }
        if let text = try map["offset_parameter"]?.rawString() { options.offsetParameter = text }
        if let size = try map["page_size"]?.int(in: 1...100_000, environment: [:]) { options.pageSize = size }
        if let first = try map["first_page"]?.int(in: 0...1, environment: [:]) { options.firstPage = first }
        if let pages = try map["max_pages"]?.int(in: 1...10_000_000, environment: [:]) { options.maxPages = pages }
        if let last = map["last_page"] { options.lastPagePointers = try last.sequenceOrSingle().map(pointer) }
        if let total = map["total"] { options.totalPointers = try total.sequenceOrSingle().map(pointer) }
        return options
    }

    private static func preset(_ value: YAMLValue) throws -> JSONPagesOptions {
        switch try value.rawString() {
        case "affili-webhook": return .affiliWebhook()
        case "shop-plugin": return .shopPlugin()
        case "torob-v3": return .torobV3()
        // The key comes from the source's headers in the configuration (Authorization: Token ${KEY}).
        case "accesstrade": return .accessTrade(accessKey: "")
        case "woocommerce-rest": return .wooCommerceREST()
        case "shopify": return .shopify()
        case "strapi": return .strapi()
        default: throw value.error("unknown JSON preset (presets: \(jsonPresets.joined(separator: ", ")))")
        }
    }

    private static func pointer(_ value: YAMLValue) throws -> JSONPointer {
        let text = try value.rawString()
        do {
            return try JSONPointer(text)
        } catch {
            throw value.error("'\(text)' is not a JSON pointer (like /data/products, or \"\" for the whole document)")
        }
    }
}
