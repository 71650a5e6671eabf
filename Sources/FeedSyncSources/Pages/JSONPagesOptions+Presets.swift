import FeedSyncHTTP

extension JSONPagesOptions {
    /// Affili's webhook shape (what a shop serves for Affili to pull, api-reference 1.2):
    /// `GET ?page=N&per_page=M`, items at `/data/products`, last page at `/meta/page/last`,
    /// total at `/meta/page/total`; `per_page` is at most 1000.
    /// - Parameter perPage: products per page (lowered to 1000).
    /// - Returns: the options.
    public static func affiliWebhook(perPage: Int = 1000) -> JSONPagesOptions {
        JSONPagesOptions(
            items: JSONPointer(tokens: ["data", "products"]), paging: .pageNumber, sizeParameter: "per_page",
            pageSize: perPage, maxPageSize: 1000,
            lastPagePointers: [JSONPointer(tokens: ["meta", "page", "last"])],
            totalPointers: [JSONPointer(tokens: ["meta", "page", "total"])])
    }

    /// The shape served by Affili's and Torob's WooCommerce plugins (Torob product API v2):
    /// `POST` with a form body `page=N&limit=M`, items at `/products`, the page count at
    /// `/max_pages` (or `/meta/page/last`, `/meta/last_page`, `/meta/max_pages`,
    /// `/meta/total_pages`), the total at `/count` (or `/total`, `/meta/page/total`,
    /// `/meta/total`).
    /// - Parameter limit: products per page.
    /// - Returns: the options.
    public static func shopPlugin(limit: Int = 100) -> JSONPagesOptions {
        JSONPagesOptions(
            items: JSONPointer(tokens: ["products"]), paging: .pageNumber, method: .post, parameters: .form,
            sizeParameter: "limit", pageSize: limit,
            lastPagePointers: [
                JSONPointer(tokens: ["max_pages"]), JSONPointer(tokens: ["meta", "page", "last"]),
                JSONPointer(tokens: ["meta", "last_page"]), JSONPointer(tokens: ["meta", "max_pages"]),
                JSONPointer(tokens: ["meta", "total_pages"]),
            ],
            totalPointers: [
                JSONPointer(tokens: ["count"]), JSONPointer(tokens: ["total"]), JSONPointer(tokens: ["meta", "page", "total"]),
                JSONPointer(tokens: ["meta", "total"]),
            ])
    }

    /// Torob's product API v3: `POST` with a JSON body `{"page":N,"sort":"date_added_desc"}`
    /// (no size: the API fixes 100 and refuses unknown parameters), items at `/products`,
    /// pages at `/max_pages`, total at `/total`. Authentication headers (`X-Torob-Token`)
    /// go in ``headers``.
    /// - Parameter sort: `date_added_desc` or `date_updated_desc`.
    /// - Returns: the options.
    public static func torobV3(sort: String = "date_added_desc") -> JSONPagesOptions {
        JSONPagesOptions(
            items: JSONPointer(tokens: ["products"]), paging: .pageNumber, method: .post, parameters: .json,
            sizeParameter: nil, extraParameters: ["sort": sort],
            lastPagePointers: [JSONPointer(tokens: ["max_pages"])], totalPointers: [JSONPointer(tokens: ["total"])])
    }

    /// AccessTrade's datafeeds (api-reference 2): `GET ?page=N&limit=M` with
    /// `Authorization: Token <access key>`, items at `/data`, total at `/total`; `limit`
    /// is at most 200.
    /// - Parameters:
    ///   - accessKey: the publisher's access key (resolved from the environment by the
    ///     configuration, never written in a file).
    ///   - limit: items per page (lowered to 200).
    /// - Returns: the options.
    public static func accessTrade(accessKey: String, limit: Int = 200) -> JSONPagesOptions {
        JSONPagesOptions(
            items: JSONPointer(tokens: ["data"]), paging: .pageNumber, sizeParameter: "limit", pageSize: limit,
            maxPageSize: 200, headers: ["Authorization": "Token \(accessKey)", "Content-Type": "application/json"],
            totalPointers: [JSONPointer(tokens: ["total"])])
    }

    /// WooCommerce's REST API (`/wp-json/wc/v3/products`): a top-level array per page,
    /// `per_page` at most 100, the next page in the `Link` header.
    /// - Parameter perPage: products per page (lowered to 100).
    /// - Returns: the options.
    public static func wooCommerceREST(perPage: Int = 100) -> JSONPagesOptions {
        JSONPagesOptions(
            items: JSONPointer(tokens: []), paging: .linkHeader, sizeParameter: "per_page", pageSize: perPage,
            maxPageSize: 100)
    }

    /// Shopify's REST Admin API (`/admin/api/<version>/products.json`): items at
    /// `/products`, `limit` at most 250, cursor paging through the `Link` header.
    /// - Parameter limit: products per page (lowered to 250).
    /// - Returns: the options.
    public static func shopify(limit: Int = 250) -> JSONPagesOptions {
        JSONPagesOptions(
            items: JSONPointer(tokens: ["products"]), paging: .linkHeader, sizeParameter: "limit", pageSize: limit,
            maxPageSize: 250)
    }

    /// Strapi's REST API: items at `/data`,
    /// `pagination[page]` / `pagination[pageSize]`, page count at
    /// `/meta/pagination/pageCount`, total at `/meta/pagination/total`.
    /// - Parameter pageSize: items per page.
    /// - Returns: the options.
    public static func strapi(pageSize: Int = 100) -> JSONPagesOptions {
        JSONPagesOptions(
            items: JSONPointer(tokens: ["data"]), paging: .pageNumber, pageParameter: "pagination[page]",
            sizeParameter: "pagination[pageSize]", pageSize: pageSize,
            lastPagePointers: [JSONPointer(tokens: ["meta", "pagination", "pageCount"])],
            totalPointers: [JSONPointer(tokens: ["meta", "pagination", "total"])])
    }
}
