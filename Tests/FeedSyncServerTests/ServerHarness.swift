import FeedSyncCore
import FeedSyncServer
import FeedSyncStore
import Foundation
import Hummingbird
import Logging
import Prometheus

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The destination the webhook serves in these tests.
let affiliDestination = "affili"

/// A store holding `products` for the Affili destination, ingested in the order given,
/// with their own `created_at` and `updated_at`.
func makeStore(_ products: [Product]) throws -> StateStore {
    let store = try StateStore()
    let incoming = products.enumerated().map { index, product in
        IncomingProduct(
            product: product, location: RecordLocation(source: "shop", file: "catalog.csv", line: index + 2, record: index + 1),
            hasOwnCreatedAt: true, hasOwnUpdatedAt: true)
    }
    _ = try store.ingest(incoming, destination: affiliDestination, run: 1, now: Date(timeIntervalSince1970: 1_700_000_000))
    return store
}

/// One store holding ``WebhookCatalog``, made once and shared by the tests that only read
/// it (every server over it must still list the whole catalog, so a filter that damaged it
/// would show in every test).
let sharedCatalogStore: StateStore = {
    do {
        return try makeStore(WebhookCatalog.ingestOrder)
    } catch {
        fatalError("cannot make the shared catalog store: \(error)")
    }
}()

/// Runs the real server on a free loopback port over a store holding `products` (the
/// shared store of ``WebhookCatalog`` when not given), hands `body` a client for it, and
/// stops the server afterwards.
func withServer<T>(
    products: [Product]? = nil,
    token: String? = nil,
    _ body: (CatalogClient) async throws -> T
) async throws -> T {
    let store = try products.map(makeStore) ?? sharedCatalogStore
    return try await withServer(store: store, token: token, body)
}

/// Runs the real server on a free loopback port over `store`, hands `body` a client for
/// it, and stops the server afterwards.
func withServer<T>(
    store: StateStore,
    token: String? = nil,
    registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry(),
    accessTrade: ServerConfiguration.AccessTradeFeed? = nil,
    limits: ServerLimits = ServerLimits(),
    _ body: (CatalogClient) async throws -> T
) async throws -> T {
    let logger = Logger(label: "feedsync.server.tests") { _ in SwiftLogNoOpLogHandler() }
    var configuration = ServerConfiguration(host: "127.0.0.1", port: 0, token: token, accessTrade: accessTrade)
    configuration.limits = limits
    return try await withRunningApplication({ onRunning in
        CatalogServer.application(
            configuration: configuration, store: store, registry: registry, logger: logger, onRunning: onRunning)
    }, body)
}

/// Runs the application `make` builds (handing it the callback that reports its port),
/// hands `body` a client for it, and stops it afterwards.
func withRunningApplication<App: ApplicationProtocol, T>(
    _ make: (@escaping @Sendable (Int) async -> Void) -> App,
    _ body: (CatalogClient) async throws -> T
) async throws -> T {
    let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
    let app = make { port in
        portContinuation.yield(port)
        portContinuation.finish()
    }
    return try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask {
            // Ends the port stream when the server stops (or never starts), so the wait below cannot hang.
            defer { portContinuation.finish() }
            try await app.run()
        }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else {
            group.cancelAll()
            throw HarnessFailure(description: "the server stopped before it listened")
        }
        do {
            let result = try await body(CatalogClient(port: port))
            group.cancelAll()
            return result
        } catch {
            group.cancelAll()
            throw error
        }
    }
}

struct HarnessFailure: Error, CustomStringConvertible {
    var description: String
}

/// One HTTP answer as received.
struct HTTPAnswer: Sendable {
    var status: Int
    /// Header fields in order, names lower-cased.
    var headers: [(name: String, value: String)]
    var body: [UInt8]

    var text: String { String(decoding: body, as: UTF8.self) }

    /// The first value of the header `name` (case-insensitive).
    func header(_ name: String) -> String? {
        let wanted = name.lowercased()
        return headers.first { $0.name == wanted }?.value
    }
}

/// An HTTP/1.1 client for the server under test: one connection per request
/// (`Connection: close`), the request target sent exactly as given (so tests control the
/// percent-encoding), blocking socket work on a thread of its own rather than on the
/// concurrency pool the server also runs on.
struct CatalogClient: Sendable {
    let port: Int

    /// `GET target` with `headers`.
    func get(_ target: String, headers: [(String, String)] = []) async throws -> HTTPAnswer {
        var head = "GET \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        head += "\r\n"
        let request = Array(head.utf8)
        let port = port
        return try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                continuation.resume(with: Result { try RawExchange.exchange(port: port, request: request) })
            }
            thread.start()
        }
    }

    /// `GET` of the Affili webhook with the (already percent-encoded) query `query`.
    func products(_ query: String = "", headers: [(String, String)] = []) async throws -> HTTPAnswer {
        try await get(query.isEmpty ? "/affili/products" : "/affili/products?\(query)", headers: headers)
    }

    /// The webhook page for `query`, which must be answered 200 with a valid page.
    func page(_ query: String = "", headers: [(String, String)] = []) async throws -> WebhookAnswer {
        let answer = try await products(query, headers: headers)
        guard answer.status == 200 else {
            throw HarnessFailure(description: "GET ?\(query) answered \(answer.status): \(answer.text.prefix(300))")
        }
        return try WebhookAnswer(answer.body)
    }

    /// Every page of the webhook for `filter` at `perPage` products a page, in page order,
    /// stopping at `meta.page.last`.
    func allPages(_ filter: String = "", perPage: Int = 1000) async throws -> [WebhookAnswer] {
        var pages: [WebhookAnswer] = []
        var number = 1
        repeat {
            let query = (filter.isEmpty ? "" : filter + "&") + "per_page=\(perPage)&page=\(number)"
            pages.append(try await page(query))
            number += 1
        } while number <= pages[pages.count - 1].meta.last && number <= 10_000
        return pages
    }

    /// The pids of every product the webhook lists for `filter`, all pages together.
    func allPids(_ filter: String = "", perPage: Int = 1000) async throws -> [String] {
        try await allPages(filter, perPage: perPage).flatMap { $0.products.map(\.pid) }
    }
}

/// The socket work of one request: connect, send, read until the server closes, parse.
enum RawExchange {
    static func exchange(port: Int, request: [UInt8]) throws -> HTTPAnswer {
        let fd = try open(port: port)
        defer { close(fd) }
        try write(request, to: fd)
        return try parse(try receiveAll(fd))
    }

    /// A connected socket to the server, which the caller closes.
    static func open(port: Int, receiveTimeout seconds: Int = 120) throws -> Int32 {
        #if canImport(Glibc) || canImport(Musl)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw HarnessFailure(description: "socket failed: errno \(errno)") }
        // Only a safety net against a hung server: a loaded 2-core machine can be slow to answer.
        var timeout = timeval(tv_sec: seconds, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(fd)
            throw HarnessFailure(description: "connect to 127.0.0.1:\(port) failed: errno \(errno)")
        }
        return fd
    }

    /// Sends all of `request` on `fd`.
    static func write(_ request: [UInt8], to fd: Int32) throws {
        var sent = 0
        while sent < request.count {
            let count = request.withUnsafeBytes { send(fd, $0.baseAddress!.advanced(by: sent), request.count - sent, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else { throw HarnessFailure(description: "send failed: errno \(errno)") }
            sent += count
        }
    }

    /// Everything the server sends on `fd` until it closes the connection.
    static func receiveAll(_ fd: Int32) throws -> [UInt8] {
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count > 0 {
                received += buffer[0..<count]
            } else if count < 0, errno == EINTR {
                continue
            } else if count < 0 {
                throw HarnessFailure(description: "recv failed (errno \(errno)) after \(received.count) bytes")
            } else {
                break
            }
        }
        return received
    }

    static func parse(_ bytes: [UInt8]) throws -> HTTPAnswer {
        let separator: [UInt8] = [13, 10, 13, 10]
        guard let headEnd = bytes.indices.first(where: { bytes[$0...].starts(with: separator) }) else {
            throw HarnessFailure(description: "no complete answer head in \(bytes.count) bytes")
        }
        let head = String(decoding: bytes[..<headEnd], as: UTF8.self)
        var lines = head.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst().split(separator: " ")
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else {
            throw HarnessFailure(description: "bad status line in \(head.prefix(100))")
        }
        let headers = lines.compactMap { line -> (name: String, value: String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (line[..<colon].lowercased(), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        var body = Array(bytes[(headEnd + 4)...])
        if headers.contains(where: { $0.name == "transfer-encoding" && $0.value.lowercased().contains("chunked") }) {
            body = try dechunk(body)
        } else if let length = headers.first(where: { $0.name == "content-length" }).flatMap({ Int($0.value) }) {
            guard body.count >= length else { throw HarnessFailure(description: "body has \(body.count) of \(length) bytes") }
            body = Array(body.prefix(length))
        }
        return HTTPAnswer(status: status, headers: headers, body: body)
    }

    private static func dechunk(_ bytes: [UInt8]) throws -> [UInt8] {
        var result: [UInt8] = []
        var index = 0
        while index < bytes.count {
            guard let lineEnd = bytes[index...].indices.first(where: { bytes[$0...].starts(with: [13, 10]) }) else { break }
            let sizeText = String(decoding: bytes[index..<lineEnd], as: UTF8.self).split(separator: ";").first ?? ""
            guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16) else {
                throw HarnessFailure(description: "bad chunk size '\(sizeText)'")
            }
            if size == 0 { break }
            let start = lineEnd + 2
            guard start + size <= bytes.count else { throw HarnessFailure(description: "truncated chunk") }
            result += bytes[start..<(start + size)]
            index = start + size + 2
        }
        return result
    }
}
