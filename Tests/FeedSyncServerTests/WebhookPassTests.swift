import FeedSyncCore
import FeedSyncStore
import Foundation
import Testing

/// Paging through the webhook while another process (a sync) rewrites the store.
struct WebhookPassTests {
    private static let time = Date(timeIntervalSince1970: 1_700_000_000)

    private static func product(_ pid: String, price: Double = 1000, inStock: Bool = true) -> Product {
        Product(
            pid: pid, name: "Product \(pid)", url: "https://shop.example/p/\(pid)", price: price, oldPrice: nil, inStock: inStock,
            images: ["https://shop.example/i/\(pid).jpg"],
            categories: [Category(cid: "1", name: "All", url: "https://shop.example/c/all", isPrimary: true)],
            createdAt: time, updatedAt: time)
    }

    /// Records `products` as a sync in another process would: through its own opening of the file.
    private static func sync(_ products: [Product], into store: StateStore) throws {
        let run = try store.beginRun(command: "sync", destination: affiliDestination, at: time)
        let incoming = products.enumerated().map { index, product in
            IncomingProduct(
                product: product, location: RecordLocation(source: "shop", file: "catalog.csv", line: index + 2, record: index + 1),
                hasOwnCreatedAt: true, hasOwnUpdatedAt: true)
        }
        _ = try store.ingest(incoming, destination: affiliDestination, run: run, now: time)
    }

    @Test("a filtered pass sees each product once and misses none while a sync inserts before it and moves one out of the filter")
    func passDuringSync() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("feedsync-pass-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("state.sqlite")
        let writer = try StateStore(url: file)
        let pids = (10..<40).map { "p\($0)" }
        try Self.sync(pids.map { Self.product($0) }, into: writer)
        let server = try StateStore(url: file)

        let seen = try await withServer(store: server) { client in
            var seen: [String] = []
            var page = try await client.page("in_stock=true&per_page=5&page=1")
            seen += page.products.map(\.pid)
            // New products sort first, and an already listed one leaves the filter.
            try Self.sync([Self.product("p00"), Self.product("p01"), Self.product("p10", inStock: false)], into: writer)
            for number in 2...page.meta.last {
                page = try await client.page("in_stock=true&per_page=5&page=\(number)")
                seen += page.products.map(\.pid)
            }
            let next = try await client.page("in_stock=true&per_page=5&page=1")
            #expect(next.products.map(\.pid).prefix(2) == ["p00", "p01"])
            #expect(next.meta.total == 31)
            return seen
        }
        #expect(seen == pids)
    }
}
