import FeedSyncCore
import FeedSyncHTTP
import FeedSyncTesting
import FeedSyncUpload
import Foundation
import Logging

/// Products and helpers shared by this target's tests.
enum Sample {
    static let token = "s3cr3t-t0ken-9f8e7d"

    /// Affili's documented base URL; the literal is valid, the fallback never used.
    static let endpoint = URL(string: "https://core.affili.ir/services/products") ?? URL(fileURLWithPath: "/")

    static let created = Date(timeIntervalSince1970: 1_714_550_400)  // 2024-05-01T08:00:00Z

    /// A valid product; `pid` varies so batches can be told apart.
    static func product(_ pid: String = "P-1", price: Double = 1_250_000, name: String = "Samovar") -> Product {
        Product(
            pid: pid,
            name: name,
            url: "https://shop.example/p/\(pid)",
            price: price,
            oldPrice: nil,
            inStock: true,
            images: ["https://shop.example/i/\(pid).jpg"],
            categories: [
                Category(cid: "10", name: "Kitchen", url: "https://shop.example/c/10", parentCid: nil, isPrimary: true),
                Category(cid: "11", name: "Tea", url: "https://shop.example/c/11", parentCid: "10"),
            ],
            createdAt: created,
            updatedAt: created.addingTimeInterval(3600))
    }

    /// `count` products with a name long enough that 1000 of them weigh about 1 MB.
    static func products(_ count: Int, prefix: String = "P") -> [Product] {
        (0..<count).map { index in
            product(
                "\(prefix)-\(index)", price: Double(10_000 + index),
                name: "Product \(index) " + String(repeating: "سماور برقی ", count: 30))
        }
    }

    /// A JSON product body with one field replaced, for the stand-in's type checks.
    static func productJSON(replacing field: String? = nil, with value: String? = nil, removing: String? = nil) -> String {
        var fields: [(String, String)] = [
            ("pid", #""P-1""#), ("name", #""Samovar""#), ("url", #""https://shop.example/p/1""#),
            ("price", "1250000"), ("old_price", "null"), ("in_stock", "true"),
            ("images", #"["https://shop.example/i/1.jpg"]"#),
            ("categories", #"[{"cid":"10","name":"Kitchen","url":"https://shop.example/c/10","parent_cid":null,"is_primary":true}]"#),
            ("created_at", #""2024-05-01T08:00:00+03:30""#), ("updated_at", #""2024-05-01T09:00:00Z""#),
        ]
        if let field, let value, let index = fields.firstIndex(where: { $0.0 == field }) {
            fields[index].1 = value
        }
        if let removing { fields.removeAll { $0.0 == removing } }
        return "{" + fields.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}"
    }
}

/// Runs `body` with a started stand-in and stops it afterwards, also on failure.
func withStandIn<T>(
    token: String = Sample.token,
    continuePolicy: LoopbackHTTPServer.ContinuePolicy = .answer,
    _ body: (AffiliStandIn) async throws -> T
) async throws -> T {
    let standIn = AffiliStandIn(token: token, continuePolicy: continuePolicy)
    try standIn.start()
    defer { standIn.stop() }
    return try await body(standIn)
}

/// Posts raw JSON to the stand-in's import URL with the right token.
func postRaw(_ json: String, to standIn: AffiliStandIn, token: String? = Sample.token) async throws -> HTTPResponse {
    var headers: HTTPHeaders = ["Content-Type": "application/json"]
    if let token { headers["Authorization"] = "Bearer \(token)" }
    return try await URLSessionTransport().send(
        HTTPRequest(method: .post, url: standIn.importURL, headers: headers, body: Data(json.utf8)))
}

/// A client with a logger that records into `logs`.
func makeClient(
    endpoint: URL, token: String = Sample.token, transport: any HTTPTransport, logs: LogRecorder = LogRecorder(),
    timeout: Duration = .seconds(10)
) -> AffiliClient {
    AffiliClient(
        endpoint: endpoint, token: token, transport: transport,
        logger: Logger(label: "test") { _ in CapturingLogHandler(recorder: logs) },
        userAgent: AffiliClient.userAgent(version: "9.9.9"), timeout: timeout)
}

/// The expected failure of a response, or `nil` when it was accepted.
extension ImportResponse {
    var failure: BatchFailure? {
        if case .failed(let failure) = self { return failure }
        return nil
    }

    var receipt: ImportReceipt? {
        if case .accepted(let receipt) = self { return receipt }
        return nil
    }
}

/// Log lines captured by ``CapturingLogHandler``.
final class LogRecorder: @unchecked Sendable {
    // @unchecked: every access holds `lock`.
    struct Entry {
        var level: Logger.Level
        var message: String
        var metadata: Logger.Metadata
    }

    private let lock = NSLock()
    private var stored: [Entry] = []

    var entries: [Entry] {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }

    func append(_ entry: Entry) {
        lock.lock()
        stored.append(entry)
        lock.unlock()
    }

    /// Every message and metadata value, as one text to search.
    var allText: String {
        entries.map { entry in
            entry.message + " " + entry.metadata.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        }.joined(separator: "\n")
    }
}

/// A log handler that keeps every line in a ``LogRecorder``.
struct CapturingLogHandler: LogHandler {
    let recorder: LogRecorder
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        recorder.append(
            .init(level: event.level, message: event.message.description,
                  metadata: metadata.merging(event.metadata ?? [:]) { $1 }))
    }
}

/// A loopback port with nothing listening: bound by a server that is then stopped.
func closedPort() throws -> Int {
    let server = LoopbackHTTPServer { _ in .text(200, "") }
    try server.start()
    let port = server.port
    server.stop()
    return port
}
