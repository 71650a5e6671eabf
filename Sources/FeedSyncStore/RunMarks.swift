import Synchronization

/// The products each run in progress has seen, by row id, kept in memory.
///
/// Marking a product seen in its row cost one write per product on every run, most of a
/// sync's time when nothing changed; a bit per row id costs 125 KB for a million products
/// and no write at all. Marks are process-local: a run that dies loses them, which is
/// safe because withdrawal is decided at the end of the same run that marked.
final class RunMarks: Sendable {
    private let runs = Mutex<[Int64: RowSet]>([:])

    /// Forgets every run's marks (a new run begins; only one runs per store at a time).
    func reset() {
        runs.withLock { $0.removeAll() }
    }

    /// Marks `id` seen in `run`; returns whether it already was.
    func mark(_ id: Int64, run: Int64) -> Bool {
        runs.withLock { $0[run, default: RowSet()].insert(id) }
    }

    /// Whether `id` was seen in `run`.
    func contains(_ id: Int64, run: Int64) -> Bool {
        runs.withLock { $0[run]?.contains(id) ?? false }
    }

    /// How many products `run` has seen.
    func count(run: Int64) -> Int {
        runs.withLock { $0[run]?.count ?? 0 }
    }

    /// Forgets `run`'s marks.
    func forget(run: Int64) {
        runs.withLock { _ = $0.removeValue(forKey: run) }
    }
}

/// A set of non-negative row ids as a bitmap.
struct RowSet: Sendable {
    private var words: [UInt64] = []
    private(set) var count = 0

    /// Inserts `id`; returns whether it was already there.
    mutating func insert(_ id: Int64) -> Bool {
        guard id >= 0 else { return false }
        let (word, bit) = (Int(id >> 6), UInt64(1) << UInt64(id & 63))
        if word >= words.count { words.append(contentsOf: repeatElement(0, count: max(word + 1 - words.count, words.count))) }
        if words[word] & bit != 0 { return true }
        words[word] |= bit
        count += 1
        return false
    }

    func contains(_ id: Int64) -> Bool {
        guard id >= 0 else { return false }
        let word = Int(id >> 6)
        return word < words.count && words[word] & (UInt64(1) << UInt64(id & 63)) != 0
    }
}
