import FeedSyncCore
@testable import FeedSyncStore
import Foundation
import GRDB

/// The destination every test keeps its state for.
let destination = "affili"

/// A fixed first-run time (2023-11-14T22:13:20Z) and later run times, whole seconds.
let firstRunTime = Date(timeIntervalSince1970: 1_700_000_000)
let secondRunTime = firstRunTime.addingTimeInterval(86_400)
let thirdRunTime = firstRunTime.addingTimeInterval(2 * 86_400)

/// A product with every field set; the times default to the first run's time, as the
/// mapper sets them when the source gives none.
func makeProduct(
    pid: String = "p1",
    name: String = "Desk lamp",
    url: String? = nil,
    price: Double = 1000,
    oldPrice: Double? = 1200,
    inStock: Bool = true,
    images: [String]? = nil,
    categories: [FeedSyncCore.Category]? = nil,
    createdAt: Date = firstRunTime,
    updatedAt: Date = firstRunTime
) -> Product {
    Product(
        pid: pid, name: name, url: url ?? "https://shop.example/p/\(pid)", price: price, oldPrice: oldPrice, inStock: inStock,
        images: images ?? ["https://shop.example/i/\(pid)-1.jpg", "https://shop.example/i/\(pid)-2.jpg"],
        categories: categories ?? makeCategories(), createdAt: createdAt, updatedAt: updatedAt)
}

/// A root category and a primary child.
func makeCategories() -> [FeedSyncCore.Category] {
    [
        Category(cid: "10", name: "Lighting", url: "https://shop.example/c/lighting"),
        Category(cid: "11", name: "Lamps", url: "https://shop.example/c/lighting/lamps", parentCid: "10", isPrimary: true),
    ]
}

/// A mapped product on its way into the store; `ownTimes` says whether the source gave its times.
func makeIncoming(
    _ product: Product, source: String = "shop", origin: String = "catalog.csv:2", ownTimes: Bool = false
) -> IncomingProduct {
    IncomingProduct(product: product, location: makeLocation(origin, source: source), hasOwnCreatedAt: ownTimes, hasOwnUpdatedAt: ownTimes)
}

/// The location `file:line` names in `source`; the record is the line less the header's.
func makeLocation(_ origin: String, source: String = "shop") -> RecordLocation {
    let parts = origin.split(separator: ":")
    let line = parts.count == 2 ? Int(parts[1]) ?? 0 : 0
    return RecordLocation(source: source, file: String(parts[0]), line: line, record: max(line - 1, 1))
}

/// An empty in-memory store.
func makeStore() throws -> StateStore {
    try StateStore()
}

/// A fresh folder under the temporary directory for one test's store files.
struct TemporaryStoreFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("feedsync-store-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// A file (or folder path) inside the folder; nothing is created.
    func file(_ relativePath: String) -> URL {
        url.appendingPathComponent(relativePath)
    }

    func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}

/// One row of the product table, as stored.
struct StoredProduct: Equatable {
    var source: String
    var origin: String
    var hash: Int64
    var body: String
    var createdAt: Int64
    var updatedAt: Int64
    var withdrawn: Bool
    var ackedHash: Int64?
    var refusedHash: Int64?
    var inStock: Bool

    /// The stored body decoded back into a product.
    func decodedBody() throws -> Product {
        try JSONDecoder().decode(Product.self, from: Data(body.utf8))
    }
}

extension StateStore {
    /// Starts a sync run and returns its id.
    func newRun(at time: Date = firstRunTime) throws -> Int64 {
        try beginRun(command: "sync", destination: destination, at: time)
    }

    /// Ingests `products` (in-stock shop products without own times) in a run and returns their changes.
    @discardableResult
    func ingest(products: [Product], run: Int64, now: Date, source: String = "shop", dryRun: Bool = false) throws -> [ProductChange] {
        let incoming = products.enumerated().map { index, product in
            makeIncoming(product, source: source, origin: "\(source).csv:\(index + 2)")
        }
        return try ingest(incoming, destination: destination, run: run, now: now, dryRun: dryRun)
    }

    /// Every pending product of `selection`, read in pages of `pageSize`.
    func allPending(_ selection: Selection = .unacknowledged, pageSize: Int = 100) throws -> [PendingProduct] {
        var all: [PendingProduct] = []
        var after: String?
        while true {
            let page = try pending(destination: destination, selection: selection, after: after, limit: pageSize)
            all += page
            guard page.count == pageSize, let last = page.last else { return all }
            after = last.pid
        }
    }

    /// Acknowledges every product pending for `destination`, as a 2xx answer would.
    func acknowledgeAllPending(at time: Date = firstRunTime) throws {
        try acknowledge(allPending(), destination: destination, at: time)
    }

    /// The stored row of `pid`, or `nil` when there is none.
    func stored(_ pid: String, destination: String = destination) throws -> StoredProduct? {
        try writer.read { db in
            try Row.fetchOne(db, sql: "SELECT p.*, b.body FROM product p JOIN product_body b ON b.id = p.id WHERE p.destination = ? AND p.pid = ?", arguments: [destination, pid])
                .map { row in
                    StoredProduct(
                        source: row["source"], origin: row["origin"], hash: row["hash"], body: row["body"],
                        createdAt: row["created_at"], updatedAt: row["updated_at"],
                        withdrawn: row["withdrawn"], ackedHash: row["acked_hash"], refusedHash: row["refused_hash"],
                        inStock: row["in_stock"])
            }
        }
    }

    /// Every row of the product and category tables, as text, in key order: a snapshot to compare.
    func productTablesSnapshot() throws -> [String] {
        try writer.read { db in
            let products = try Row.fetchAll(db, sql: "SELECT p.*, b.body FROM product p JOIN product_body b ON b.id = p.id ORDER BY p.destination, p.pid").map { "product \($0)" }
            let categories = try Row.fetchAll(db, sql: "SELECT * FROM product_category ORDER BY destination, pid, position")
                .map { "category \($0)" }
            return products + categories
        }
    }

    /// The categories stored for `pid`, in position order.
    func storedCategories(_ pid: String) throws -> [FeedSyncCore.Category] {
        try writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT cid, name, url, parent_cid, is_primary FROM product_category
                WHERE destination = ? AND pid = ? ORDER BY position
                """, arguments: [destination, pid])
                .map { Category(cid: $0["cid"], name: $0["name"], url: $0["url"], parentCid: $0["parent_cid"], isPrimary: $0["is_primary"]) }
        }
    }
}

extension Product {
    /// The content hash as the store keeps it.
    var storedHash: Int64 { Int64(bitPattern: contentHash) }
}
