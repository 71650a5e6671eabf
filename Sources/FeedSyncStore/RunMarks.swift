import FeedSyncCore
import Synchronization

/// Where each product the run in progress has seen was read, by row id, kept in memory.
///
/// Marking a product seen in its row cost one write per product on every run, most of a
/// sync's time when nothing changed, and a stored place changes for every product below
/// an inserted row. Ten bytes per row id (1M products: 10 MB) and no write at all.
/// Marks are process-local: a run that dies loses them, which is safe because withdrawal
/// is decided at the end of the same run that marked.
final class RunMarks: Sendable {
    private let runs = Mutex<[Int64: SeenRecords]>([:])
    /// Each run's marks as they were when its current source began (copy on write: free until marked).
    private let saved = Mutex<[Int64: SeenRecords]>([:])

    /// Remembers `run`'s marks, to go back to if the source that begins fails.
    func save(run: Int64) {
        let current = runs.withLock { $0[run] ?? SeenRecords() }
        saved.withLock { $0[run] = current }
    }

    /// Goes back to the marks saved for `run`: a rolled-back source's row ids may be used again.
    func restore(run: Int64) {
        guard let earlier = saved.withLock({ $0.removeValue(forKey: run) }) else { return }
        runs.withLock { $0[run] = earlier }
    }

    /// Drops the marks saved for `run`.
    func discardSaved(run: Int64) {
        saved.withLock { _ = $0.removeValue(forKey: run) }
    }

    /// Forgets every run's marks (a new run begins; only one runs per store at a time).
    func reset() {
        runs.withLock { $0.removeAll() }
        saved.withLock { $0.removeAll() }
    }

    /// Marks `id` seen in `run` at `location`; returns where it was seen before in that run.
    func mark(_ id: Int64, at location: RecordLocation, run: Int64) -> RecordLocation? {
        runs.withLock { $0[run, default: SeenRecords()].mark(id, at: location) }
    }

    /// Whether `id` was seen in `run`.
    func contains(_ id: Int64, run: Int64) -> Bool {
        runs.withLock { $0[run]?.contains(id) ?? false }
    }

    /// `run`'s marks as they are now (a copy on write: free unless marked meanwhile), for
    /// checking many ids without taking the lock for each.
    func seen(run: Int64) -> SeenRecords {
        runs.withLock { $0[run] ?? SeenRecords() }
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

/// The places of the records one run has seen, by row id (dense: ids are never reused).
struct SeenRecords: Sendable {
    /// 1-based index into `files` per row id; 0 for a row not seen.
    private var fileIndex: [UInt16] = []
    private var lines: [UInt32] = []
    private var records: [UInt32] = []
    /// The distinct (source, file) pairs read, so each row keeps two bytes for them.
    private var files: [(source: String, file: String)] = []
    private var fileNumbers: [String: UInt16] = [:]
    private var lastFile: (source: String, file: String, number: UInt16)?
    private(set) var count = 0

    /// Records `location` for `id`; returns the place recorded before, if any.
    mutating func mark(_ id: Int64, at location: RecordLocation) -> RecordLocation? {
        guard id >= 0, id < Int64(Int32.max) else { return nil }
        let row = Int(id)
        if row >= fileIndex.count {
            let grown = max(row + 1, fileIndex.count * 2, 1024)
            fileIndex += repeatElement(0, count: grown - fileIndex.count)
            lines += repeatElement(0, count: grown - lines.count)
            records += repeatElement(0, count: grown - records.count)
        }
        let earlier = place(row)
        if earlier == nil { count += 1 }
        fileIndex[row] = number(of: location)
        lines[row] = UInt32(clamping: location.line)
        records[row] = UInt32(clamping: location.record)
        return earlier
    }

    func contains(_ id: Int64) -> Bool {
        id >= 0 && id < Int64(fileIndex.count) && fileIndex[Int(id)] != 0
    }

    private func place(_ row: Int) -> RecordLocation? {
        let index = Int(fileIndex[row])
        guard index > 0 else { return nil }
        let (source, file) = files[index - 1]
        return RecordLocation(source: source, file: file, line: Int(lines[row]), record: Int(records[row]))
    }

    private mutating func number(of location: RecordLocation) -> UInt16 {
        // Records come file by file: the last file's number answers almost every call.
        if let last = lastFile, last.file == location.file, last.source == location.source { return last.number }
        let number = intern(location)
        lastFile = (location.source, location.file, number)
        return number
    }

    private mutating func intern(_ location: RecordLocation) -> UInt16 {
        let key = location.source + "\u{1F}" + location.file
        if let number = fileNumbers[key] { return number }
        // More distinct files than two bytes count (never in practice): the last one stands in.
        guard files.count < Int(UInt16.max) else { return UInt16.max }
        files.append((location.source, location.file))
        let number = UInt16(files.count)
        fileNumbers[key] = number
        return number
    }
}
