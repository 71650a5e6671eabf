import FeedSyncCore
import FeedSyncHTTP
import FeedSyncSources
import FeedSyncTesting
import Foundation
import Testing

/// Each paging strategy against a loopback server serving `fixtures/json/` pages.
struct JSONPagesStrategyTests {
    @Test("Affili's webhook shape is read page by page with page and per_page, to the last page")
    func affiliWebhook() async throws {
        let requests = JSONTestBox<[ReceivedRequest]>([])
        let server = try PagesTestSupport.fixtureServer("affili-webhook", requests: requests)
        defer { server.stop() }
        let (events, error, progress) = try await PagesTestSupport.readAll(
            .remote(server.baseURL.appendingPathComponent("affili/products")), options: .affiliWebhook(perPage: 10))
        #expect(error == nil)
        #expect(events.compactMap(\.record).count == 25)
        #expect(requests.current.map(\.target) == [
            "/affili/products?page=1&per_page=10", "/affili/products?page=2&per_page=10", "/affili/products?page=3&per_page=10",
        ])
        #expect(progress.pages == 3)
        #expect(progress.reportedTotal == 25)
    }

    @Test("webhook records carry categories and images as repeated key paths")
    func webhookFields() async throws {
        let server = try PagesTestSupport.fixtureServer("affili-webhook")
        defer { server.stop() }
        let (events, _, _) = try await PagesTestSupport.readAll(.remote(server.baseURL), options: .affiliWebhook(perPage: 10))
        let record = try #require(events.first?.record)
        #expect(record.firstValue(named: "pid") == "P001")
        #expect(record.values(named: "images").count == 2)
        #expect(record.values(named: "categories/cid") == ["c1", "c3"])
        #expect(record.values(named: "categories/parent_cid") == ["", "c1"])
    }

    @Test("record locations name the page and number records across pages")
    func locations() async throws {
        let server = try PagesTestSupport.fixtureServer("affili-webhook")
        defer { server.stop() }
        let (events, _, _) = try await PagesTestSupport.readAll(
            .remote(server.baseURL.appendingPathComponent("api")), options: .affiliWebhook(perPage: 10))
        let location = try #require(events[10].record?.location)
        #expect(location.file == "http://127.0.0.1:\(server.port)/api page 2")
        #expect(location.record == 11)
        #expect(location.source == "shop")
    }

    @Test("per_page above Affili's 1000 is lowered to 1000")
    func webhookClamp() async throws {
        let transport = ClosureTransport { _, _ in ClosureTransport.webhookPage(1, last: 1) }
        _ = try await PagesTestSupport.readAll(
            .remote(try #require(URL(string: "https://shop.example/feed"))), options: .affiliWebhook(perPage: 5000), transport: transport)
        #expect(transport.requests.current.first?.url.query == "page=1&per_page=1000")
    }

    @Test("the shop plugin shape is requested with POST and a page/limit form, up to max_pages")
    func shopPluginPost() async throws {
        let requests = JSONTestBox<[ReceivedRequest]>([])
        let server = try PagesTestSupport.fixtureServer("shop-plugin", requests: requests)
        defer { server.stop() }
        let (events, error, progress) = try await PagesTestSupport.readAll(
            .remote(server.baseURL.appendingPathComponent("torob/products")), options: .shopPlugin(limit: 3))
        #expect(error == nil)
        #expect(events.compactMap(\.record).map { $0.firstValue(named: "page_unique") } == ["1001", "1002", "1003", "1004", "1005"])
        #expect(requests.current.map(\.method) == ["POST", "POST"])
        #expect(requests.current.map(\.bodyText) == ["page=1&limit=3", "page=2&limit=3"])
        #expect(requests.current.first?.header("Content-Type") == "application/x-www-form-urlencoded")
        #expect(progress.reportedLastPage == 2)
    }

    @Test("the plugin's meta shape finds its last page under /meta/page/last")
    func shopPluginMeta() async throws {
        let requests = JSONTestBox<[ReceivedRequest]>([])
        let server = try PagesTestSupport.fixtureServer("shop-plugin-meta", requests: requests)
        defer { server.stop() }
        let (events, error, _) = try await PagesTestSupport.readAll(.remote(server.baseURL), options: .shopPlugin(limit: 3))
        #expect(error == nil)
        #expect(events.count == 5)
        #expect(requests.current.count == 2)
    }

    @Test("extra form parameters are URL-encoded, Persian text included")
    func formEncoding() async throws {
        let transport = ClosureTransport { _, _ in ClosureTransport.json(#"{"count":0,"max_pages":1,"products":[]}"#) }
        var options = JSONPagesOptions.shopPlugin(limit: 2)
        options.extraParameters = ["category": "گوشی موبایل", "q": "a&b=c"]
        _ = try await PagesTestSupport.readAll(
            .remote(try #require(URL(string: "https://shop.example/torob"))), options: options, transport: transport)
        let body = try #require(transport.requests.current.first?.body)
        #expect(String(decoding: body, as: UTF8.self) == "page=1&limit=2&category=%DA%AF%D9%88%D8%B4%DB%8C+%D9%85%D9%88%D8%A8%D8%A7%DB%8C%D9%84&q=a%26b%3Dc")
    }

    @Test("Torob v3 is requested with a JSON body holding the page and the sort")
    func torobV3() async throws {
        let requests = JSONTestBox<[ReceivedRequest]>([])
        let server = try PagesTestSupport.fixtureServer("shop-plugin", requests: requests)
        defer { server.stop() }
        var options = JSONPagesOptions.torobV3()
        options.headers = ["X-Torob-Token": "jwt", "X-Torob-Token-Version": "1"]
        let (events, error, _) = try await PagesTestSupport.readAll(.remote(server.baseURL), options: options)
        #expect(error == nil)
        #expect(events.count == 5)
        #expect(requests.current.map(\.bodyText) == [#"{"page":1,"sort":"date_added_desc"}"#, #"{"page":2,"sort":"date_added_desc"}"#])
        #expect(requests.current.first?.header("Content-Type") == "application/json")
        #expect(requests.current.first?.header("X-Torob-Token") == "jwt")
    }

    @Test("AccessTrade gets Authorization: Token, a limit lowered to 200, and stops at the total")
    func accessTrade() async throws {
        let requests = JSONTestBox<[ReceivedRequest]>([])
        let server = try PagesTestSupport.fixtureServer("accesstrade", requests: requests)
        defer { server.stop() }
        var options = JSONPagesOptions.accessTrade(accessKey: "k3y", limit: 500)
        options.extraParameters = ["campaign": "lazada"]
        let (events, error, _) = try await PagesTestSupport.readAll(
            .remote(server.baseURL.appendingPathComponent("v1/datafeeds")), options: options)
        #expect(error == nil)
        #expect(events.compactMap(\.record).count == 7)
        #expect(requests.current.map(\.target) == [
            "/v1/datafeeds?page=1&limit=200&campaign=lazada", "/v1/datafeeds?page=2&limit=200&campaign=lazada",
            "/v1/datafeeds?page=3&limit=200&campaign=lazada",
        ])
        #expect(requests.current.allSatisfy { $0.header("Authorization") == "Token k3y" })
    }

    @Test("offset paging moves on by the items each page held, until an empty page")
    func offsetPaging() async throws {
        let items = (1...7).map { #"{"id":\#($0)}"# }
        let server = LoopbackHTTPServer { request in
            let query = PagesTestSupport.query(request.target)
            let offset = Int(query["offset"] ?? "0") ?? 0
            // The server caps pages at 3 whatever the limit asked for.
            let slice = items.dropFirst(offset).prefix(3)
            return .json(200, "{\"items\":[\(slice.joined(separator: ","))]}")
        }
        try server.start()
        defer { server.stop() }
        let options = JSONPagesOptions(items: try JSONPointer("/items"), paging: .offset, sizeParameter: "limit", pageSize: 5)
        let (events, error, progress) = try await PagesTestSupport.readAll(.remote(server.baseURL), options: options)
        #expect(error == nil)
        #expect(events.compactMap { $0.record?.firstValue(named: "id") } == ["1", "2", "3", "4", "5", "6", "7"])
        #expect(progress.pages == 4)
    }

    @Test("a next URL in the body, relative or absolute, is followed until it is null")
    func nextURL() async throws {
        let requests = JSONTestBox<[ReceivedRequest]>([])
        let server = LoopbackHTTPServer { request in
            requests.withLock { $0.append(request) }
            switch PagesTestSupport.query(request.target)["cursor"] {
            case nil: return .json(200, #"{"results":[{"a":1}],"links":{"next":"/api?cursor=b"}}"#)
            case "b": return .json(200, #"{"results":[{"a":2}],"links":{"next":"?cursor=c"}}"#)
            default: return .json(200, #"{"results":[{"a":3}],"links":{"next":null}}"#)
            }
        }
        try server.start()
        defer { server.stop() }
        let options = JSONPagesOptions(
            items: try JSONPointer("/results"), paging: .nextURL(try JSONPointer("/links/next")), sizeParameter: nil)
        let (events, error, _) = try await PagesTestSupport.readAll(.remote(server.baseURL.appendingPathComponent("api")), options: options)
        #expect(error == nil)
        #expect(events.count == 3)
        #expect(requests.current.map(\.target) == ["/api", "/api?cursor=b", "/api?cursor=c"])
    }

    @Test("the Link header's rel=next is followed, WooCommerce REST style, until there is none")
    func linkHeader() async throws {
        let requests = JSONTestBox<[ReceivedRequest]>([])
        let server = try PagesTestSupport.fixtureServer("woocommerce-rest", requests: requests) { page in
            let base = "/wp-json/wc/v3/products"
            var links = ["<\(base)?page=1>; rel=\"first\""]
            if page < 3 { links.append("<\(base)?page=\(page + 1)&per_page=2>; rel=\"next\"") }
            links.append("<\(base)?page=3>; rel=\"last\"")
            return [HeaderField(name: "Link", value: links.joined(separator: ", "))]
        }
        defer { server.stop() }
        let (events, error, _) = try await PagesTestSupport.readAll(
            .remote(server.baseURL.appendingPathComponent("wp-json/wc/v3/products")), options: .wooCommerceREST(perPage: 2))
        #expect(error == nil)
        #expect(events.compactMap { $0.record?.firstValue(named: "id") } == ["101", "102", "103", "104", "105", "106"])
        #expect(events.first?.record?.values(named: "images/src") == ["https://example.com/1.jpg"])
        #expect(requests.current.map(\.target) == [
            "/wp-json/wc/v3/products?per_page=2", "/wp-json/wc/v3/products?page=2&per_page=2",
            "/wp-json/wc/v3/products?page=3&per_page=2",
        ])
    }

    @Test("page-number paging without a last page stops at the first empty page")
    func emptyPageStops() async throws {
        let transport = ClosureTransport { _, number in
            ClosureTransport.json(number < 3 ? #"[{"product_id":"\#(number)"}]"# : "[]")
        }
        let options = JSONPagesOptions(items: JSONPointer(tokens: []), sizeParameter: nil)
        let (events, error, _) = try await PagesTestSupport.readAll(
            .remote(try #require(URL(string: "https://shop.example/products"))), options: options, transport: transport)
        #expect(error == nil)
        #expect(events.count == 2)
        #expect(transport.requests.current.count == 3)
    }

    @Test("a single document is read once")
    func single() async throws {
        let transport = ClosureTransport { _, _ in ClosureTransport.json(#"{"data":[{"a":1},{"a":2}]}"#) }
        let options = JSONPagesOptions(items: try JSONPointer("/data"), paging: .single, sizeParameter: nil)
        let (events, _, _) = try await PagesTestSupport.readAll(
            .remote(try #require(URL(string: "https://shop.example/all.json"))), options: options, transport: transport)
        #expect(events.count == 2)
        #expect(transport.requests.current.count == 1)
    }

    @Test("a Strapi page (the Packhouse products.json) is read with its pagination metadata")
    func strapi() async throws {
        let body = (try? Data(contentsOf: Fixtures.realFeed("vn_packhouse_gmc/products.json"))) ?? Data()
        let transport = ClosureTransport { _, _ in HTTPResponse(status: 200, body: body) }
        let (events, error, progress) = try await PagesTestSupport.readAll(
            .remote(try #require(URL(string: "https://cms.example/api/products"))), options: .strapi(), transport: transport)
        #expect(error == nil)
        #expect(events.count == 49)
        #expect(progress.reportedTotal == 49)
        #expect(transport.requests.current.count == 1)
    }

    @Test("a gzip page body reads the same as a plain one")
    func gzipPage() async throws {
        let gz = JSONTestSupport.fixtureData("catalog.json.gz")
        let server = LoopbackHTTPServer { _ in
            ServerResponse(status: 200, headers: [HeaderField(name: "Content-Encoding", value: "gzip")], body: gz)
        }
        try server.start()
        defer { server.stop() }
        let (events, error, _) = try await PagesTestSupport.readAll(.remote(server.baseURL), options: .affiliWebhook())
        #expect(error == nil)
        #expect(events.count == 25)
        let raw = ClosureTransport { _, _ in HTTPResponse(status: 200, body: gz) }
        let (rawEvents, _, _) = try await PagesTestSupport.readAll(
            .remote(server.baseURL), options: .affiliWebhook(), transport: raw)
        #expect(rawEvents.count == 25)
    }
}
