import FeedSyncTesting
import Foundation
import Testing

/// The configuration's `limits:` reach the JSON pages reader: a run over an endpoint with
/// endless pages stops at `max_pages`, and deep nesting at `max_json_depth`, each with the
/// key in the message. Run as the binary, against a loopback server.
@Suite("feedsync: limits: reach the JSON pages reader")
struct LimitsCommandTests {
    /// A webhook page of one product whose pid is the page's number; it always claims more pages.
    static func endlessPage(_ request: ReceivedRequest) -> ServerResponse {
        let items = URLComponents(string: request.target)?.queryItems ?? []
        let page = items.first { $0.name == "page" }?.value.flatMap(Int.init) ?? 1
        return .json(200, """
            {"data":{"products":[{"pid":"P\(page)","name":"Product \(page)","url":"https://shop.example/p/\(page)","price":1000,\
            "old_price":null,"in_stock":true,"images":[],"categories":[{"cid":"c1","name":"Shoes","url":"https://shop.example/c/1",\
            "parent_cid":null,"is_primary":true}],"created_at":"2024-11-22T01:15:12+03:30","updated_at":"2024-11-29T20:15:12+03:30"}]},\
            "meta":{"page":{"current":\(page),"per":1,"last":1000000,"total":1000000}}}
            """)
    }

    private func validate(
        _ server: LoopbackHTTPServer, limits: String, query: String = "", headers: String = "", environment: [String: String] = [:]
    ) async throws -> FeedsyncProcess.Result {
        let workspace = try Workspace()
        defer { workspace.remove() }
        try workspace.write("feedsync.yml", """
            sources:
              - name: shop
                format: json-pages
                location: \(server.baseURL.absoluteString)/affili/products\(query)
                mapping: affili-webhook-json
            \(headers)
            limits:
            \(limits)
            """)
        return try await FeedsyncProcess.run(["validate", "--config", workspace.path("feedsync.yml")], environment: environment)
    }

    @Test("a source stopped at a limit never prints its key, whether sent as a header or in the query", .timeLimit(.minutes(2)))
    func secretsStayHidden() async throws {
        let server = LoopbackHTTPServer { _ in .streaming(Data(#"{"pid":"1"},"#.utf8)) }
        try server.start()
        defer { server.stop() }
        let key = "k3y-\(UUID().uuidString)"

        let result = try await validate(
            server, limits: "  max_page_bytes: 1 MiB", query: "?api_key=\(key)",
            headers: "    headers:\n      Authorization: Token ${SHOP_KEY}", environment: ["SHOP_KEY": key])

        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("larger than 1048576 bytes, the configured limit (max_page_bytes)"), "\(result.stderr)")
        #expect(!result.output.contains(key))
    }

    @Test("an endpoint whose pages never end stops at limits.max_pages, exit 1", .timeLimit(.minutes(2)))
    func maxPages() async throws {
        let server = LoopbackHTTPServer(handler: Self.endlessPage)
        try server.start()
        defer { server.stop() }

        let result = try await validate(server, limits: "  max_pages: 3")

        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("more than 3 pages (max_pages)"), "\(result.stderr)")
    }

    @Test("a page nested deeper than limits.max_json_depth fails the read, exit 1", .timeLimit(.minutes(2)))
    func maxDepth() async throws {
        let server = LoopbackHTTPServer { _ in
            .json(200, #"{"data":{"products":[{"pid":"1","x":"# + String(repeating: "[", count: 20) + String(repeating: "]", count: 20) + "}]}}")
        }
        try server.start()
        defer { server.stop() }

        let result = try await validate(server, limits: "  max_json_depth: 8")

        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("nested more than 8 levels deep"), "\(result.stderr)")
    }
}
