import Hummingbird
import Prometheus

/// Counts requests by route and status and records their latency, in a Prometheus
/// registry the server owns (not swift-metrics' global system, which can be bootstrapped
/// only once per process and so not per server in tests).
struct RequestMetricsMiddleware<Context: RequestContext>: RouterMiddleware {
    let registry: PrometheusCollectorRegistry
    static var buckets: [Duration] {
        [.milliseconds(1), .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50),
         .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(5)]
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let started = ContinuousClock.now
        let route = context.endpointPath ?? "unmatched"
        let response: Response
        do {
            response = try await next(request, context)
        } catch {
            let status = (error as? any HTTPResponseError)?.status.code ?? 500
            record(route: route, status: status, since: started)
            throw error
        }
        record(route: context.endpointPath ?? route, status: response.status.code, since: started)
        return response
    }

    private func record(route: String, status: Int, since started: ContinuousClock.Instant) {
        registry.makeCounter(name: "feedsync_http_requests_total", labels: [("route", route), ("status", String(status))]).increment()
        registry.makeDurationHistogram(name: "feedsync_http_request_duration_seconds", labels: [("route", route)], buckets: Self.buckets)
            .record(ContinuousClock.now - started)
    }
}
