import FeedSyncHTTP

/// How a ``JSONPagesSource`` asks for pages and where it finds the items and the paging
/// information in each answer.
///
/// Start from a preset (``affiliWebhook(perPage:)``, ``shopPlugin(limit:)``,
/// ``torobV3(sort:)``, ``accessTrade(accessKey:limit:)``, ``wooCommerceREST(perPage:)``,
/// ``shopify(limit:)``, ``strapi(pageSize:)``) and change what differs, or fill in every
/// field for a generic endpoint.
public struct JSONPagesOptions: Sendable, Hashable {
    /// How the next page is found.
    public enum Paging: Sendable, Hashable {
        /// `page=1`, `page=2`, ... (``pageParameter``, from ``firstPage``) until the last
        /// page (``lastPagePointers``), the total item count (``totalPointers``) or an
        /// empty page.
        case pageNumber
        /// `offset=0`, `offset=100`, ... (``offsetParameter``), moving on by the number of
        /// items each page really held, until an empty page or the total.
        case offset
        /// The URL of the next page is a member of each page (`/next`, `/links/next`);
        /// absent, `null` or empty means this was the last page.
        case nextURL(JSONPointer)
        /// The URL of the next page is in the `Link` header, `rel="next"` (WooCommerce
        /// REST, Shopify, GitHub); no such link means this was the last page.
        case linkHeader
        /// The location is one document; there is no next page.
        case single
    }

    /// Where the paging parameters (page, offset, size and ``extraParameters``) go.
    public enum ParameterPlacement: Sendable, Hashable {
        /// In the URL's query string (`?page=2&per_page=100`).
        case query
        /// In a form body (`application/x-www-form-urlencoded`), as PHP plugins read `$_POST`.
        case form
        /// In a JSON object body (`{"page":2,"sort":"date_added_desc"}`); page, offset and
        /// size are JSON numbers, extra parameters strings.
        case json
    }

    /// Where each page's items are; `""` for a page that is an array.
    public var items: JSONPointer
    /// How the next page is found.
    public var paging: Paging
    /// The request method; `GET` unless a preset says otherwise. Pages reached through a
    /// next URL or a `Link` header are always fetched with `GET`.
    public var method: HTTPMethod
    /// Where the paging parameters go.
    public var parameters: ParameterPlacement
    /// The page number parameter's name; `page` by default.
    public var pageParameter: String
    /// The first page's number; 1 by default.
    public var firstPage: Int
    /// The offset parameter's name; `offset` by default.
    public var offsetParameter: String
    /// The page size parameter's name (`per_page`, `limit`), or `nil` to send none.
    public var sizeParameter: String?
    /// The page size to ask for, or `nil` for the server's default.
    public var pageSize: Int?
    /// The largest page size the endpoint accepts; a larger ``pageSize`` is lowered to it.
    public var maxPageSize: Int?
    /// Parameters sent with every page (`sort`, `campaign`), in name order.
    public var extraParameters: [String: String]
    /// Header fields sent with every page, secrets already resolved
    /// (`Authorization: Bearer ...`). `Accept: application/json` is added unless given.
    public var headers: [String: String]
    /// Where a page says the last page's number; the first one present is used.
    public var lastPagePointers: [JSONPointer]
    /// Where a page says the total number of items; the first one present is used.
    public var totalPointers: [JSONPointer]
    /// The most pages read before the read fails as a probable loop; 100,000 by default.
    public var maxPages: Int
    /// How a failing page is retried.
    public var retry: RetryPolicy
    /// How long to wait for one page's answer; 60 s by default.
    public var timeout: Duration
    /// Limits for reading each page's items.
    public var records: JSONRecordOptions
    /// The text encoding of the pages or files when it is not UTF-8.
    public var encoding: TextEncoding?
    /// The most bytes a gzip page or file may inflate to; 4 GiB by default.
    public var maxInflatedBytes: Int64
    /// The most bytes one page's answer may have, and a gzip page may inflate to (a page
    /// is held in memory); 256 MiB by default.
    public var maxPageBytes: Int64 = JSONPagesOptions.defaultMaxPageBytes
    /// How long the server may take to start answering a page; 60 s by default.
    public var responseTimeout: Duration = LocationOptions.defaultResponseTimeout
    /// How long reading every page may take, retries included; 4 hours by default.
    public var totalTimeout: Duration = LocationOptions.defaultTotalTimeout

    /// The largest page accepted by default: 256 MiB, a hundred times a 1000-product page.
    public static let defaultMaxPageBytes: Int64 = 256 << 20

    /// Creates options for a generic endpoint.
    /// - Parameters:
    ///   - items: where each page's items are.
    ///   - paging: how the next page is found.
    ///   - method: the request method.
    ///   - parameters: where paging parameters go.
    ///   - pageParameter: the page number parameter's name.
    ///   - firstPage: the first page's number.
    ///   - offsetParameter: the offset parameter's name.
    ///   - sizeParameter: the page size parameter's name, or `nil`.
    ///   - pageSize: the page size to ask for, or `nil`.
    ///   - maxPageSize: the largest page size the endpoint accepts, or `nil`.
    ///   - extraParameters: parameters sent with every page.
    ///   - headers: header fields sent with every page.
    ///   - lastPagePointers: where the last page's number is.
    ///   - totalPointers: where the total item count is.
    ///   - maxPages: the most pages read.
    ///   - retry: how a failing page is retried.
    ///   - timeout: how long to wait for one page.
    ///   - records: limits for reading items.
    ///   - encoding: the text encoding, or `nil` for UTF-8.
    ///   - maxInflatedBytes: the most bytes a gzip page may inflate to.
    public init(
        items: JSONPointer, paging: Paging = .pageNumber, method: HTTPMethod = .get,
        parameters: ParameterPlacement = .query, pageParameter: String = "page", firstPage: Int = 1,
        offsetParameter: String = "offset", sizeParameter: String? = "per_page", pageSize: Int? = nil,
        maxPageSize: Int? = nil, extraParameters: [String: String] = [:], headers: [String: String] = [:],
        lastPagePointers: [JSONPointer] = [], totalPointers: [JSONPointer] = [], maxPages: Int = 100_000,
        retry: RetryPolicy = RetryPolicy(), timeout: Duration = .seconds(60), records: JSONRecordOptions = JSONRecordOptions(),
        encoding: TextEncoding? = nil, maxInflatedBytes: Int64 = 4 << 30
    ) {
        self.items = items
        self.paging = paging
        self.method = method
        self.parameters = parameters
        self.pageParameter = pageParameter
        self.firstPage = firstPage
        self.offsetParameter = offsetParameter
        self.sizeParameter = sizeParameter
        self.pageSize = pageSize
        self.maxPageSize = maxPageSize
        self.extraParameters = extraParameters
        self.headers = headers
        self.lastPagePointers = lastPagePointers
        self.totalPointers = totalPointers
        self.maxPages = max(1, maxPages)
        self.retry = retry
        self.timeout = timeout
        self.records = records
        self.encoding = encoding
        self.maxInflatedBytes = maxInflatedBytes
    }

    /// The page size actually asked for: ``pageSize`` lowered to ``maxPageSize``.
    public var effectivePageSize: Int? {
        guard let pageSize else { return nil }
        return max(1, maxPageSize.map { min($0, pageSize) } ?? pageSize)
    }

    /// Every pointer whose value a page's reader must collect.
    var metadataPointers: [JSONPointer] {
        var pointers = lastPagePointers + totalPointers
        if case .nextURL(let pointer) = paging { pointers.append(pointer) }
        return pointers
    }
}
