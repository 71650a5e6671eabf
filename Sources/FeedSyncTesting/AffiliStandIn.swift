import FeedSyncCore
import Foundation

/// A local stand-in for Affili's product import service, for integration tests.
///
/// It serves `POST <basePath>/import` on a ``LoopbackHTTPServer`` and behaves as the
/// real service is documented to: bearer-token check (401), a JSON body
/// `{"products":[...]}` with 1 to 1000 products whose fields have exactly the documented
/// JSON types (400 with a JSON message otherwise), an upsert by `pid`, and Affili's usual
/// success shape `{"status":"ok","tag":"import","api_version":"1.0.0","data":{"count":N}}`.
/// Other paths get 404, other methods 405.
///
/// Tests read what arrived (``requests``, ``acceptedBatches``, ``acceptedProducts``) and
/// script failures with ``failNext(status:count:retryAfter:body:)`` or ``onRequest(_:)``.
public final class AffiliStandIn: Sendable {
    /// A batch the stand-in accepted.
    public struct Batch: Sendable, Hashable {
        /// The products, decoded, in body order.
        public var products: [Product]
        /// The request's header fields.
        public var headers: [HeaderField]
        /// The body size in bytes.
        public var bodySize: Int
        /// The request's number among all requests the stand-in received (1-based).
        public var requestNumber: Int
    }

    /// Decides the answer to a request before the normal checks; `nil` lets them run.
    ///
    /// Receives the request's number among all requests (1-based). Runs on a server
    /// thread, so it may block (e.g. `Thread.sleep`) to simulate a slow service.
    public typealias Hook = @Sendable (_ number: Int, _ request: ReceivedRequest) -> ServerResponse?

    private struct Fault {
        var status: Int
        var retryAfter: String?
        var body: String?
    }

    private struct State {
        var requests: [ReceivedRequest] = []
        var batches: [Batch] = []
        var products: [String: Product] = [:]
        var faults: [Fault] = []
        var hook: Hook?
    }

    /// The most products accepted in one call, as Affili documents.
    public static let maximumBatchSize = 1000

    /// The token the stand-in expects after `Bearer `.
    public let token: String
    /// The service's base path, `/services/products` unless told.
    public let basePath: String
    private let server: LoopbackHTTPServer
    private let state: Locked<State>

    /// Creates a stand-in; it does not listen until ``start()``.
    /// - Parameters:
    ///   - token: the token to expect.
    ///   - basePath: the base path; imports go to `<basePath>/import`.
    ///   - continuePolicy: whether the server answers `Expect: 100-continue`.
    public init(
        token: String = "stand-in-token",
        basePath: String = "/services/products",
        continuePolicy: LoopbackHTTPServer.ContinuePolicy = .answer
    ) {
        let state = Locked(State())
        let trimmedBase = basePath.hasSuffix("/") ? String(basePath.dropLast()) : basePath
        self.token = token
        self.basePath = trimmedBase
        self.state = state
        self.server = LoopbackHTTPServer(continuePolicy: continuePolicy) { request in
            Self.respond(to: request, state: state, token: token, importPath: trimmedBase + "/import")
        }
    }

    /// Starts listening on a free loopback port.
    /// - Throws: ``LoopbackHTTPServer/StartError`` when the socket cannot be opened.
    public func start() throws {
        try server.start()
    }

    /// Stops the server and waits for its threads.
    public func stop() {
        server.stop()
    }

    /// The service's base URL, `http://127.0.0.1:<port><basePath>`, to give the client.
    public var endpoint: URL {
        server.baseURL.appendingPathComponent(String(basePath.drop { $0 == "/" }))
    }

    /// `<endpoint>/import`.
    public var importURL: URL {
        endpoint.appendingPathComponent("import")
    }

    /// Every request received, in order, whatever was answered.
    public var requests: [ReceivedRequest] {
        state.withLock { $0.requests }
    }

    /// The batches accepted, in order.
    public var acceptedBatches: [Batch] {
        state.withLock { $0.batches }
    }

    /// The catalog as the service would hold it: accepted products by `pid`, where a
    /// later import of the same `pid` replaces the earlier one.
    public var acceptedProducts: [String: Product] {
        state.withLock { $0.products }
    }

    /// Answers the next `count` import requests with `status` instead of processing them.
    ///
    /// Scripted faults apply after the path and method checks and before the token check.
    /// - Parameters:
    ///   - status: the status to answer, e.g. 503.
    ///   - count: how many requests in a row get it.
    ///   - retryAfter: a `Retry-After` value to send, e.g. `"2"`.
    ///   - body: the body to send; a JSON error message by default.
    public func failNext(status: Int, count: Int = 1, retryAfter: String? = nil, body: String? = nil) {
        state.withLock { state in
            state.faults += Array(repeating: Fault(status: status, retryAfter: retryAfter, body: body), count: count)
        }
    }

    /// Installs `hook`, which sees every import request first and may answer it; `nil`
    /// removes it.
    /// - Parameter hook: the hook.
    public func onRequest(_ hook: Hook?) {
        state.withLock { $0.hook = hook }
    }

    // MARK: - Answering

    private static func respond(
        to request: ReceivedRequest, state: Locked<State>, token: String, importPath: String
    ) -> ServerResponse {
        let (number, hook) = state.withLock { state -> (Int, Hook?) in
            state.requests.append(request)
            return (state.requests.count, state.hook)
        }
        guard request.path == importPath else {
            return error(404, "no such path: \(request.path.prefix(200))")
        }
        guard request.method == "POST" else {
            return error(405, "method \(request.method) not allowed; use POST", headers: [.init(name: "Allow", value: "POST")])
        }
        if let hook, let answer = hook(number, request) {
            return answer
        }
        let fault = state.withLock { state in state.faults.isEmpty ? nil : state.faults.removeFirst() }
        if let fault {
            let headers = fault.retryAfter.map { [HeaderField(name: "Retry-After", value: $0)] } ?? []
            if let body = fault.body {
                return ServerResponse(status: fault.status, headers: headers, body: Data(body.utf8))
            }
            return error(fault.status, "scripted failure (HTTP \(fault.status))", headers: headers)
        }
        guard let authorization = request.header("Authorization") else {
            return error(401, "missing Authorization: Bearer token", headers: [.init(name: "WWW-Authenticate", value: "Bearer")])
        }
        let parts = authorization.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer", parts[1] == token else {
            return error(401, "invalid token", headers: [.init(name: "WWW-Authenticate", value: "Bearer error=\"invalid_token\"")])
        }
        guard let contentType = request.header("Content-Type"),
              contentType.lowercased().hasPrefix("application/json")
        else {
            return error(415, "Content-Type must be application/json")
        }
        switch validate(request.body) {
        case .failure(let problems):
            let messages = problems.messages
            let more = messages.count > 1 ? " (and \(messages.count - 1) more problems)" : ""
            return error(400, (messages.first ?? "invalid body") + more, details: messages)
        case .success(let products):
            let batch = Batch(products: products, headers: request.headers, bodySize: request.body.count, requestNumber: number)
            state.withLock { state in
                state.batches.append(batch)
                for product in products { state.products[product.pid] = product }
            }
            return .json(200, #"{"status":"ok","tag":"import","api_version":"1.0.0","data":{"count":\#(products.count)}}"#)
        }
    }

    private struct Problems: Error {
        var messages: [String]
    }

    private static func validate(_ body: Data) -> Result<[Product], Problems> {
        guard let root = try? JSONSerialization.jsonObject(with: body) else {
            return .failure(Problems(messages: ["body is not valid JSON"]))
        }
        guard let object = root as? [String: Any], let products = object["products"] as? [Any] else {
            return .failure(Problems(messages: [#"body must be a JSON object {"products": [...]}"#]))
        }
        guard !products.isEmpty else {
            return .failure(Problems(messages: ["products is empty; send at least one product"]))
        }
        guard products.count <= maximumBatchSize else {
            return .failure(
                Problems(messages: ["at most \(maximumBatchSize) products per call, got \(products.count)"]))
        }
        var messages: [String] = []
        for (index, product) in products.enumerated() {
            messages += AffiliProductValidator.problems(in: product, at: "products[\(index)]")
        }
        guard messages.isEmpty else { return .failure(Problems(messages: messages)) }
        struct Body: Decodable { var products: [Product] }
        do {
            return .success(try JSONDecoder().decode(Body.self, from: body).products)
        } catch {
            return .failure(Problems(messages: ["products could not be decoded: \(error)"]))
        }
    }

    private static func error(
        _ status: Int, _ message: String, details: [String] = [], headers: [HeaderField] = []
    ) -> ServerResponse {
        var object: [String: Any] = ["status": "error", "tag": "import", "api_version": "1.0.0", "message": message]
        if !details.isEmpty { object["errors"] = Array(details.prefix(50)) }
        let body = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]))
            ?? Data(#"{"status":"error"}"#.utf8)
        return ServerResponse(
            status: status, headers: [HeaderField(name: "Content-Type", value: "application/json")] + headers, body: body)
    }
}
