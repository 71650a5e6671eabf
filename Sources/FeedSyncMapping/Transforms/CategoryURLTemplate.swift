/// Builds a category's page URL from its path, the way the shop's permalinks are formed.
///
/// The template is appended to the base URL and may contain:
/// - `{path}`: the slugs of every level joined by `/` (`clothing/t-shirts`), as
///   WooCommerce's `/product-category/{path}/` permalinks;
/// - `{slug}`: the slug of the category's own level (`t-shirts`), as Shopify's
///   `/collections/{slug}`.
///
/// Slugs are percent-encoded (UTF-8, upper-case hex), so a Persian or Vietnamese category
/// gives a valid URL such as `/product-category/%D9%85%D9%88...`.
public struct CategoryURLTemplate: Sendable, Hashable {
    /// The shop's address, e.g. `https://shop.example`; may be empty when the template is
    /// itself an absolute URL.
    public var baseURL: String
    /// The path after the base, with `{path}` or `{slug}`.
    public var template: String

    /// Creates a template.
    /// - Parameters:
    ///   - baseURL: the shop's address; a trailing `/` is fine.
    ///   - template: the permalink pattern, `/{path}/` by default.
    public init(baseURL: String, template: String = "/{path}/") {
        self.baseURL = baseURL
        self.template = template
    }

    /// The URL of the category whose levels have these slugs.
    /// - Parameter levelSlugs: the slugs from the root to the category, at least one.
    /// - Returns: the absolute URL.
    public func url(levelSlugs: [String]) -> String {
        if let url = asciiURL(levelSlugs: levelSlugs) { return url }
        let path = levelSlugs.map(PercentEncoding.unreserved).joined(separator: "/")
        let leaf = levelSlugs.last.map(PercentEncoding.unreserved) ?? ""
        var tail = template
        if tail.contains("{path}") { tail = tail.replacing("{path}", with: path) }
        if tail.contains("{slug}") { tail = tail.replacing("{slug}", with: leaf) }
        if baseURL.isEmpty { return tail }
        // Join with exactly one '/', whichever side has it.
        let baseEndsWithSlash = baseURL.hasSuffix("/")
        let tailStartsWithSlash = tail.hasPrefix("/")
        if baseEndsWithSlash && tailStartsWithSlash { return baseURL + tail.dropFirst() }
        if baseEndsWithSlash || tailStartsWithSlash || tail.isEmpty { return baseURL + tail }
        return baseURL + "/" + tail
    }

    /// ``url(levelSlugs:)`` built on bytes, or `nil` when the base or the template is not
    /// ASCII.
    ///
    /// `String.contains` and `replacing` compare by `Character` (Foundation's search also
    /// by canonical equivalence), which cost a fifth of a CSV export; on ASCII text, which
    /// every real template is, that is byte matching, and the slugs are ASCII once
    /// percent-encoded, so the bytes give the same URL.
    private func asciiURL(levelSlugs: [String]) -> String? {
        guard baseURL.utf8.allSatisfy({ $0 < 0x80 }), template.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        var path: [UInt8] = []
        var leaf: [UInt8] = []
        for (index, slug) in levelSlugs.enumerated() {
            if index > 0 { path.append(UInt8(ascii: "/")) }
            leaf.removeAll(keepingCapacity: true)
            PercentEncoding.appendUnreserved(slug, to: &leaf)
            path.append(contentsOf: leaf)
        }
        // In turn, as `replacing` did: `{slug}` is looked for after `{path}` is replaced.
        var tail = Self.replacing(Self.pathToken, with: path, in: Array(template.utf8))
        tail = Self.replacing(Self.slugToken, with: leaf, in: tail)
        var url: [UInt8] = []
        url.reserveCapacity(baseURL.utf8.count + 1 + tail.count)
        url.append(contentsOf: baseURL.utf8)
        if !baseURL.isEmpty {
            // Join with exactly one '/', whichever side has it.
            let baseEndsWithSlash = baseURL.utf8.last == UInt8(ascii: "/")
            let tailStartsWithSlash = tail.first == UInt8(ascii: "/")
            if baseEndsWithSlash && tailStartsWithSlash {
                tail.removeFirst()
            } else if !baseEndsWithSlash && !tailStartsWithSlash && !tail.isEmpty {
                url.append(UInt8(ascii: "/"))
            }
        }
        url.append(contentsOf: tail)
        return String(decoding: url, as: UTF8.self)
    }

    private static let pathToken = Array("{path}".utf8)
    private static let slugToken = Array("{slug}".utf8)

    /// `text` with every occurrence of `token`, left to right and not overlapping, replaced.
    private static func replacing(_ token: [UInt8], with replacement: [UInt8], in text: [UInt8]) -> [UInt8] {
        guard text.count >= token.count else { return text }
        var result: [UInt8] = []
        var index = 0
        var copied = 0
        while index + token.count <= text.count {
            if text[index] == token[0], text[index..<index + token.count].elementsEqual(token) {
                if result.isEmpty { result.reserveCapacity(text.count + replacement.count) }
                result.append(contentsOf: text[copied..<index])
                result.append(contentsOf: replacement)
                index += token.count
                copied = index
            } else {
                index += 1
            }
        }
        guard copied > 0 else { return text }
        result.append(contentsOf: text[copied...])
        return result
    }
}
