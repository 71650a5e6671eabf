import FeedSyncCore
import FeedSyncStore
import Foundation
import Testing

/// One sample line of Prometheus text: `name{label="value",...} number`.
struct MetricSample: Sendable, Equatable {
    var name: String
    var labels: [String: String]
    var value: Double

    /// The samples of a Prometheus text exposition (comments skipped).
    static func parse(_ text: String) -> [MetricSample] {
        text.split(separator: "\n").compactMap { line -> MetricSample? in
            guard !line.hasPrefix("#"), let space = line.lastIndex(of: " "), let value = Double(line[line.index(after: space)...]) else {
                return nil
            }
            let series = line[..<space]
            guard let brace = series.firstIndex(of: "{") else { return MetricSample(name: String(series), labels: [:], value: value) }
            var labels: [String: String] = [:]
            let body = series[series.index(after: brace)..<(series.lastIndex(of: "}") ?? series.endIndex)]
            for pair in body.split(separator: ",") {
                let parts = pair.split(separator: "=", maxSplits: 1)
                guard parts.count == 2 else { continue }
                labels[String(parts[0])] = String(parts[1].trimmingCharacters(in: CharacterSet(charactersIn: "\"")))
            }
            return MetricSample(name: String(series[..<brace]), labels: labels, value: value)
        }
    }
}

struct OperationsEndpointTests {
    private func scrape(_ client: CatalogClient) async throws -> [MetricSample] {
        let answer = try await client.get("/metrics")
        try #require(answer.status == 200)
        return MetricSample.parse(answer.text)
    }

    private func value(_ samples: [MetricSample], _ name: String, _ labels: [String: String]) -> Double? {
        samples.first { $0.name == name && $0.labels == labels }?.value
    }

    @Test("/healthz answers 200 {\"status\":\"ok\"} when the store answers")
    func health() async throws {
        try await withServer { client in
            let answer = try await client.get("/healthz")
            #expect(answer.status == 200)
            #expect(answer.header("content-type")?.hasPrefix("application/json") == true)
            let json = try JSONValue(parsing: answer.body)
            #expect(json == .object(["status": .string("ok")]))
        }
    }

    @Test("/healthz answers for a file store too")
    func healthFileStore() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("feedsync-server-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try StateStore(url: folder.appendingPathComponent("state.sqlite"))
        try await withServer(store: store) { client in
            let answer = try await client.get("/healthz")
            #expect(answer.status == 200)
            #expect(answer.text == #"{"status":"ok"}"#)
        }
    }

    @Test("/healthz answers 503 with a JSON reason when the store cannot be read, and the webhook fails rather than answering 200")
    func healthBrokenStore() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("feedsync-server-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("state.sqlite")
        let store = try StateStore(url: url)
        _ = try store.ingest(
            WebhookCatalog.plain(count: 3).map { IncomingProduct(product: $0, location: RecordLocation(source: "shop", file: "o", line: 0, record: 1), hasOwnCreatedAt: true, hasOwnUpdatedAt: true) },
            destination: affiliDestination, run: 1, now: Date(timeIntervalSince1970: 1_700_000_000))
        try await withServer(store: store) { client in
            let before = try await client.get("/healthz")
            #expect(before.status == 200)
            // Overwrite the start of the database, its WAL and its shared-memory index (same sizes or less, no truncation).
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasPrefix("state.sqlite") {
                let handle = try FileHandle(forWritingTo: folder.appendingPathComponent(name))
                try handle.write(contentsOf: Data(repeating: 0x41, count: 8_192))
                try handle.close()
            }
            let after = try await client.get("/healthz")
            #expect(after.status == 503)
            let json = try JSONValue(parsing: after.body)
            #expect(json["status"] == .string("unavailable"))
            let webhook = try await client.products()
            #expect(webhook.status >= 500)
        }
    }

    @Test("/metrics is Prometheus text")
    func metricsContentType() async throws {
        try await withServer { client in
            let answer = try await client.get("/metrics")
            #expect(answer.status == 200)
            #expect(answer.header("content-type")?.hasPrefix("text/plain") == true)
            #expect(answer.text.contains("# TYPE feedsync_catalog_products gauge"))
        }
    }

    @Test("/metrics counts requests by route and status")
    func requestCounts() async throws {
        try await withServer(token: "t0k3n") { client in
            let authorized = [("Authorization", "Bearer t0k3n")]
            _ = try await client.products(headers: authorized)
            _ = try await client.products("page=2", headers: authorized)
            _ = try await client.products("page=abc", headers: authorized)
            _ = try await client.products()
            _ = try await client.get("/healthz")
            _ = try await client.get("/no-such-route")
            let samples = try await scrape(client)
            let name = "feedsync_http_requests_total"
            #expect(value(samples, name, ["route": "/affili/products", "status": "200"]) == 2)
            #expect(value(samples, name, ["route": "/affili/products", "status": "400"]) == 1)
            #expect(value(samples, name, ["route": "/affili/products", "status": "401"]) == 1)
            #expect(value(samples, name, ["route": "/healthz", "status": "200"]) == 1)
            #expect(samples.contains { $0.name == name && $0.labels["status"] == "404" && $0.value == 1 })
            let text = try await client.get("/metrics").text
            #expect(text.contains("# TYPE feedsync_http_requests_total counter"))
        }
    }

    @Test("/metrics reports the catalog size")
    func catalogSize() async throws {
        try await withServer { client in
            let samples = try await scrape(client)
            #expect(value(samples, "feedsync_catalog_products", ["destination": "affili"]) == Double(WebhookCatalog.products.count))
        }
    }

    @Test("/metrics reports the catalog size of an empty store as 0")
    func emptyCatalogSize() async throws {
        try await withServer(products: []) { client in
            let samples = try await scrape(client)
            #expect(value(samples, "feedsync_catalog_products", ["destination": "affili"]) == 0)
        }
    }

    @Test("/metrics has a latency histogram per route, counting every request")
    func latencyHistogram() async throws {
        try await withServer { client in
            for number in 1...3 { _ = try await client.products("page=\(number)") }
            let answer = try await client.get("/metrics")
            #expect(answer.text.contains("# TYPE feedsync_http_request_duration_seconds histogram"))
            let samples = MetricSample.parse(answer.text)
            let route = ["route": "/affili/products"]
            #expect(value(samples, "feedsync_http_request_duration_seconds_count", route) == 3)
            let sum = try #require(value(samples, "feedsync_http_request_duration_seconds_sum", route))
            #expect(sum > 0)
            let buckets = samples.filter { $0.name == "feedsync_http_request_duration_seconds_bucket" && $0.labels["route"] == "/affili/products" }
            #expect(buckets.count >= 2)
            #expect(buckets.first { $0.labels["le"] == "+Inf" }?.value == 3)
            let counts = buckets.map(\.value)
            #expect(counts == counts.sorted(), "bucket counts are cumulative")
        }
    }

    @Test("/metrics reports the last run's time and outcome", arguments: [("ok", 1.0), ("failed", 0.0)])
    func lastRun(outcome: String, success: Double) async throws {
        let store = try makeStore(WebhookCatalog.plain(count: 5))
        let finished = Date(timeIntervalSince1970: 1_717_243_200)
        let run = try store.beginRun(command: "sync", destination: affiliDestination, at: finished.addingTimeInterval(-60))
        try store.finishRun(run, outcome: outcome, report: "{}", at: finished)
        try await withServer(store: store) { client in
            let samples = try await scrape(client)
            #expect(value(samples, "feedsync_last_run_timestamp_seconds", ["destination": "affili"]) == finished.timeIntervalSince1970)
            #expect(value(samples, "feedsync_last_run_success", ["destination": "affili"]) == success)
        }
    }
}
