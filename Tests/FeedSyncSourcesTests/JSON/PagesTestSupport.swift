import FeedSyncHTTP
import FeedSyncSources
import FeedSyncTesting
import Foundation

/// Servers, transports and sleeps for the paged-source tests.
enum PagesTestSupport {
    /// The query parameters of a request target (`/api?page=2&x=y`).
    static func query(_ target: String) -> [String: String] {
        let items = URLComponents(string: "http://x" + target)?.queryItems ?? []
        return Dictionary(items.map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { first, _ in first })
    }

    /// The fields of a form body (`page=2&limit=3`).
    static func form(_ body: Data) -> [String: String] {
        query("/?" + String(decoding: body, as: UTF8.self))
    }

    /// A started loopback server that answers `page=N` (query or form) with
    /// `fixtures/json/<folder>/page-N.json`, and an empty answer past the last file. It
    /// records every request.
    static func fixtureServer(
        _ folder: String, requests: JSONTestBox<[ReceivedRequest]> = JSONTestBox([]),
        extraHeaders: @escaping @Sendable (Int) -> [HeaderField] = { _ in [] }
    ) throws -> LoopbackHTTPServer {
        let server = LoopbackHTTPServer { request in
            requests.withLock { $0.append(request) }
            var parameters = query(request.target)
            if parameters["page"] == nil { parameters = form(request.body) }
            if parameters["page"] == nil,
                let json = try? JSONSerialization.jsonObject(with: request.body) as? [String: Any], let page = json["page"] as? Int
            {
                parameters["page"] = String(page)
            }
            let page = Int(parameters["page"] ?? "1") ?? 1
            let data = JSONTestSupport.fixtureData("\(folder)/page-\(page).json")
            guard !data.isEmpty else { return .text(404, "no page \(page)") }
            return ServerResponse(
                status: 200, headers: [HeaderField(name: "Content-Type", value: "application/json")] + extraHeaders(page), body: data)
        }
        try server.start()
        return server
    }

    /// A sleep that records its waits instead of waiting.
    static func recordingSleep(_ waits: JSONTestBox<[Duration]>) -> RetryPolicy.Sleep {
        { duration in waits.withLock { $0.append(duration) } }
    }

    /// Every event of a source over `location`, read without prefetching.
    static func readAll(
        _ location: SourceLocation, options: JSONPagesOptions, transport: any HTTPTransport = URLSessionTransport(),
        sleep: @escaping RetryPolicy.Sleep = { _ in }
    ) async throws -> (events: [SourceEvent], error: (any Error)?, progress: PagesProgress) {
        var source = try JSONPagesSource(location: location, source: "shop", options: options, transport: transport, sleep: sleep)
        let (events, error) = await JSONTestSupport.drain(&source)
        return (events, error, source.progress)
    }
}

/// An ``HTTPTransport`` whose answers come from an async closure, numbered from 1.
struct ClosureTransport: HTTPTransport {
    let requests = JSONTestBox<[HTTPRequest]>([])
    let handler: @Sendable (HTTPRequest, Int) async throws -> HTTPResponse

    init(_ handler: @escaping @Sendable (HTTPRequest, Int) async throws -> HTTPResponse) {
        self.handler = handler
    }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let number = requests.withLock { list -> Int in
            list.append(request)
            return list.count
        }
        return try await handler(request, number)
    }

    /// The `page` query parameter of `request`, 1 when there is none.
    static func page(of request: HTTPRequest) -> Int {
        let items = URLComponents(url: request.url, resolvingAgainstBaseURL: false)?.queryItems ?? []
        return items.first { $0.name == "page" }?.value.flatMap { Int($0) } ?? 1
    }

    /// A JSON answer.
    static func json(_ text: String, status: Int = 200, headers: HTTPHeaders = [:]) -> HTTPResponse {
        HTTPResponse(status: status, headers: headers, body: Data(text.utf8))
    }

    /// An Affili-webhook page of `count` products named after the page, with `last` pages.
    static func webhookPage(_ page: Int, count: Int = 2, last: Int, total: Int? = nil) -> HTTPResponse {
        let products = (0..<count).map { #"{"pid":"\#(page)-\#($0)"}"# }.joined(separator: ",")
        return json(#"{"data":{"products":[\#(products)]},"meta":{"page":{"current":\#(page),"per":\#(count),"last":\#(last),"total":\#(total ?? last * count)}}}"#)
    }
}
