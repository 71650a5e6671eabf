import FeedSyncCore
import FeedSyncStore
import Foundation
import Hummingbird
import Logging
import Prometheus

/// The HTTP server of `feedsync serve`: the Affili webhook, health and metrics, over the
/// state store.
public enum CatalogServer {
    /// Builds the server as a Hummingbird application (a `Service`, to run in a
    /// `ServiceGroup` that shuts it down gracefully).
    /// - Parameters:
    ///   - configuration: address, token and paths.
    ///   - store: the state store to serve from.
    ///   - registry: where request and catalog metrics are kept (served at `/metrics`).
    ///   - logger: the access log and server log.
    ///   - onRunning: called with the bound port once the server listens.
    /// - Returns: the application.
    public static func application(
        configuration: ServerConfiguration,
        store: StateStore,
        registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry(),
        logger: Logger,
        onRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        let router = Router()
        router.add(middleware: RequestMetricsMiddleware(registry: registry))
        router.add(middleware: RequestLimitsMiddleware(limits: configuration.limits))
        router.add(middleware: LogRequestsMiddleware(.info))
        let routes = CatalogRoutes(store: store, destination: configuration.destination, registry: registry)
        // The catalog routes sit in a group so that the token guards whatever path spelling reaches them.
        let catalog = router.group()
        if let token = configuration.token {
            catalog.add(middleware: BearerAuthMiddleware(token: Array(token.utf8)))
        }
        catalog.get(RouterPath(configuration.affiliPath)) { request, _ in routes.affiliProducts(request) }
        if let feed = configuration.accessTrade {
            catalog.get(RouterPath(feed.path)) { request, _ in routes.datafeeds(request, feed: feed) }
        }
        router.get("/healthz") { _, _ in routes.health() }
        router.get("/metrics") { _, _ in routes.metrics() }
        return Application(
            router: router, server: configuration.limits.serverBuilder,
            configuration: configuration.limits.applicationConfiguration(
                address: .hostname(configuration.host, port: configuration.port), logger: logger),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? configuration.port) },
            logger: logger)
    }
}

/// The route handlers, kept apart from the router set-up so each stays small.
struct CatalogRoutes: Sendable {
    let store: StateStore
    let destination: String
    let registry: PrometheusCollectorRegistry

    func affiliProducts(_ request: Request) -> Response {
        let parameters = request.uri.queryParameters.map { (String($0.key), String($0.value)) }
        let query: CatalogQuery
        do {
            query = try WebhookQuery.parse(parameters, destination: destination)
        } catch {
            return Self.json(.badRequest, error.json)
        }
        do {
            let page = try store.catalogPage(query)
            return Self.json(.ok, WebhookPageWriter.write(page, query: query))
        } catch {
            return Self.json(.serviceUnavailable, Array(#"{"error":{"message":"the catalog cannot be read now; try again later"}}"#.utf8))
        }
    }

    func datafeeds(_ request: Request, feed: ServerConfiguration.AccessTradeFeed) -> Response {
        let parameters = request.uri.queryParameters.map { (String($0.key), String($0.value)) }
        let query: CatalogQuery
        do {
            query = try DatafeedQuery.parse(
                parameters, destination: destination, campaign: feed.campaign, domain: feed.domain, timeZone: feed.timeZone)
        } catch {
            return Self.json(.badRequest, error.json)
        }
        do {
            let page = try store.catalogPage(query)
            let decoder = JSONDecoder()
            let products = try page.bodies.map { try decoder.decode(Product.self, from: Data($0.utf8)) }
            var writer = JSONWriter(capacity: 256 + products.count * 700)
            writer.raw(#"{"data":["#)
            for (index, item) in feed.project(products).enumerated() {
                if index > 0 { writer.raw(",") }
                item.write(to: &writer)
            }
            writer.raw(#"],"total":"#)
            writer.number(page.total)
            writer.raw("}")
            return Self.json(.ok, writer.bytes)
        } catch {
            return Self.json(.serviceUnavailable, Array(#"{"error":{"message":"the catalog cannot be read now; try again later"}}"#.utf8))
        }
    }

    func health() -> Response {
        store.isReachable()
            ? Self.json(.ok, Array(#"{"status":"ok"}"#.utf8))
            : Self.json(.serviceUnavailable, Array(#"{"status":"unavailable","reason":"the state store does not answer"}"#.utf8))
    }

    func metrics() -> Response {
        if let size = try? store.catalogSize(destination: destination) {
            registry.makeGauge(name: "feedsync_catalog_products", labels: [("destination", destination)]).set(to: Double(size))
        }
        if let last = try? store.lastRun(destination: destination) {
            registry.makeGauge(name: "feedsync_last_run_timestamp_seconds", labels: [("destination", destination)])
                .set(to: last.finished.timeIntervalSince1970)
            registry.makeGauge(name: "feedsync_last_run_success", labels: [("destination", destination)])
                .set(to: last.outcome == "ok" ? 1 : 0)
        }
        var buffer: [UInt8] = []
        registry.emit(into: &buffer)
        var headers = HTTPFields()
        headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: buffer)))
    }

    static func json(_ status: HTTPResponse.Status, _ bytes: [UInt8]) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
