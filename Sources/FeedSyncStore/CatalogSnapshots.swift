import Foundation
import Synchronization

/// Recent webhook queries' result lists (row ids in pid order), so a page costs its own
/// thousand body reads instead of a count and an `OFFSET` walk over every match.
///
/// A list is valid for the catalog version it was built at (a trigger bumps the version on
/// every visible change, whichever process writes). A request for page 2 or later of a
/// query keeps using that query's list while its pass is going on (a page of it was
/// asked within ``passTimeout``), even when a sync changed the store meanwhile: one pass
/// from page 1 to the last page sees the catalog as it was when page 1 was read, so no
/// product appears twice and none is skipped because others moved. Page 1 always starts
/// from the current catalog. Bodies are read at request time, so a product's content is
/// the current one.
public final class CatalogSnapshots: Sendable {
    /// How long after its last page a pass is over.
    public let passTimeout: TimeInterval
    /// The most row ids kept over all lists (8 bytes each); the least recently used go first.
    public let capacity: Int
    private let state = Mutex<State>(State())

    private struct State {
        var lists: [String: List] = [:]
        var held = 0
        var clock: UInt64 = 0
    }

    private struct List {
        var version: Int64
        var ids: [Int64]
        var lastUsed: Date
        var order: UInt64
    }

    /// Creates an empty cache.
    /// - Parameters:
    ///   - passTimeout: seconds after a query's last page at which its pass is over (default 10 minutes).
    ///   - capacity: the most row ids held (default 4 million, 32 MB).
    public init(passTimeout: TimeInterval = 600, capacity: Int = 4_000_000) {
        self.passTimeout = passTimeout
        self.capacity = capacity
    }

    /// The result list of `key` for a request of `page` at catalog `version`, built with
    /// `build` when there is no usable one.
    func ids(for key: String, version: Int64, page: Int, now: Date = Date(), build: () throws -> [Int64]) rethrows -> [Int64] {
        let cached: [Int64]? = state.withLock { state in
            guard var list = state.lists[key] else { return nil }
            let passGoingOn = page > 1 && now.timeIntervalSince(list.lastUsed) < passTimeout
            guard list.version == version || passGoingOn else { return nil }
            state.clock += 1
            list.lastUsed = now
            list.order = state.clock
            state.lists[key] = list
            return list.ids
        }
        if let cached { return cached }
        let ids = try build()
        state.withLock { state in
            if let old = state.lists.removeValue(forKey: key) { state.held -= old.ids.count }
            guard ids.count <= capacity else { return }
            while state.held + ids.count > capacity, let oldest = state.lists.min(by: { $0.value.order < $1.value.order }) {
                state.lists.removeValue(forKey: oldest.key)
                state.held -= oldest.value.ids.count
            }
            state.clock += 1
            state.lists[key] = List(version: version, ids: ids, lastUsed: now, order: state.clock)
            state.held += ids.count
        }
        return ids
    }
}
