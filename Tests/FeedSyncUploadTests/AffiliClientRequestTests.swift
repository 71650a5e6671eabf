import FeedSyncCore
import FeedSyncHTTP
import FeedSyncTesting
import FeedSyncUpload
import Foundation
import Testing

/// What the client sends, checked on a recording transport without sockets.
struct AffiliClientRequestTests {
    let base = Sample.endpoint

    @Test("posts to <endpoint>/import")
    func postsToImportPath() async throws {
        let transport = RecordingTransport()
        _ = try await makeClient(endpoint: base, transport: transport).importProducts([Sample.product()])
        let request = try #require(transport.requests.first)
        #expect(request.method == .post)
        #expect(request.url.absoluteString == "https://core.affili.ir/services/products/import")
    }

    @Test("a trailing slash on the endpoint does not double the slash", arguments: [
        "https://core.affili.ir/services/products/",
        "https://core.affili.ir/services/products//",
    ])
    func trailingSlash(endpoint: String) throws {
        let client = makeClient(endpoint: try #require(URL(string: endpoint)), transport: RecordingTransport())
        #expect(client.importURL.absoluteString == "https://core.affili.ir/services/products/import")
    }

    @Test("an endpoint that already ends in /import is used as it is")
    func endpointWithImport() throws {
        let endpoint = try #require(URL(string: "https://core.affili.ir/services/products/import"))
        let client = makeClient(endpoint: endpoint, transport: RecordingTransport())
        #expect(client.importURL.absoluteString == "https://core.affili.ir/services/products/import")
    }

    @Test("sends the bearer token, JSON content type, Accept and a feedsync User-Agent")
    func headers() async throws {
        let transport = RecordingTransport()
        _ = try await makeClient(endpoint: base, transport: transport).importProducts([Sample.product()])
        let headers = try #require(transport.requests.first).headers
        #expect(headers["authorization"] == "Bearer \(Sample.token)")
        #expect(headers["Content-Type"] == "application/json")
        #expect(headers["Accept"] == "application/json")
        #expect(headers["User-Agent"] == "feedsync/9.9.9")
    }

    @Test("the body is {\"products\":[...]} written by JSONWriter, in order")
    func bodyShape() async throws {
        let transport = RecordingTransport()
        let products = [Sample.product("A"), Sample.product("B")]
        _ = try await makeClient(endpoint: base, transport: transport).importProducts(products)
        let body = try #require(transport.requests.first).body
        let expected = #"{"products":["# + products.map(\.jsonText).joined(separator: ",") + "]}"
        #expect(String(decoding: body, as: UTF8.self) == expected)
        let object = try #require(try JSONSerialization.jsonObject(with: body) as? [String: Any])
        #expect((object["products"] as? [Any])?.count == 2)
    }

    @Test("a slice of a larger array can be sent as a batch")
    func sliceBatch() async throws {
        let transport = RecordingTransport()
        let all = Sample.products(5)
        _ = try await makeClient(endpoint: base, transport: transport).importProducts(all[2..<4])
        let body = try #require(transport.requests.first).body
        let object = try #require(try JSONSerialization.jsonObject(with: body) as? [String: Any])
        let pids = (object["products"] as? [[String: Any]])?.compactMap { $0["pid"] as? String }
        #expect(pids == ["P-2", "P-3"])
    }

    @Test("more than 1000 products are refused before anything is sent")
    func tooLarge() async throws {
        let transport = RecordingTransport()
        let client = makeClient(endpoint: base, transport: transport)
        await #expect(throws: AffiliClientError.batchTooLarge(count: 1001, maximum: 1000)) {
            try await client.importProducts(Sample.products(1001))
        }
        #expect(transport.requests.isEmpty)
        #expect(AffiliClient.maximumBatchSize == 1000)
    }

    @Test("exactly 1000 products are sent")
    func exactlyMaximum() async throws {
        let transport = RecordingTransport()
        let answer = try await makeClient(endpoint: base, transport: transport).importProducts(Sample.products(1000))
        #expect(answer.isAccepted)
        #expect(transport.requests.count == 1)
    }

    @Test("an empty batch is refused before anything is sent")
    func emptyBatch() async throws {
        let transport = RecordingTransport()
        await #expect(throws: AffiliClientError.emptyBatch) {
            try await makeClient(endpoint: base, transport: transport).importProducts([Product]())
        }
        #expect(transport.requests.isEmpty)
    }

    @Test("a token with a line break is refused as a configuration error without echoing it")
    func tokenWithLineBreak() async throws {
        let transport = RecordingTransport()
        let token = "abc\r\nX-Injected: 1"
        let error = await #expect(throws: AffiliClientError.self) {
            try await makeClient(endpoint: base, token: token, transport: transport).importProducts([Sample.product()])
        }
        #expect(error?.kind == .configuration)
        #expect(error.map { String(describing: $0).contains("abc") } == false)
        #expect(transport.requests.isEmpty)
    }

    @Test("the configured timeout is passed to the transport")
    func timeout() async throws {
        let transport = RecordingTransport()
        _ = try await makeClient(endpoint: base, transport: transport, timeout: .seconds(7)).importProducts([Sample.product()])
        #expect(transport.requests.first?.timeout == .seconds(7))
    }
}
