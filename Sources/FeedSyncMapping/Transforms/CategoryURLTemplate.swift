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
}
