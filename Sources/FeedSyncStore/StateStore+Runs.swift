import Foundation
import GRDB

extension StateStore {
    /// Records the start of a run and returns its id (under which the products it reads are marked).
    /// - Throws: ``StoreError``.
    public func beginRun(command: String, destination: String, at time: Date) throws -> Int64 {
        // One run at a time per store (StateLock): an earlier run's marks are done with.
        marks.reset()
        window.close()
        return try write("record run start") { db in
            try db.execute(
                sql: "INSERT INTO run (command, destination, started_at) VALUES (?, ?, ?)",
                arguments: [command, destination, time.timeIntervalSince1970])
            return db.lastInsertedRowID
        }
    }

    /// Records whether a source was read to its end in run `run`.
    /// - Throws: ``StoreError``.
    public func recordSource(_ source: String, complete: Bool, run: Int64) throws {
        try write("record source outcome") { db in
            try db.execute(
                sql: "INSERT OR REPLACE INTO run_source (run_id, source, complete) VALUES (?, ?, ?)",
                arguments: [run, source, complete])
        }
    }

    /// Records the end of a run with its outcome and report (JSON).
    /// - Throws: ``StoreError``.
    public func finishRun(_ run: Int64, outcome: String, report: String, at time: Date) throws {
        marks.forget(run: run)
        try write("record run end") { db in
            try db.execute(
                sql: "UPDATE run SET finished_at = ?, outcome = ?, report = ? WHERE id = ?",
                arguments: [time.timeIntervalSince1970, outcome, report, run])
        }
    }

    /// The most recent finished run at `destination`: when it ended and its outcome.
    /// - Throws: ``StoreError``.
    public func lastRun(destination: String) throws -> (finished: Date, outcome: String)? {
        try read("read the run log") { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT finished_at, outcome FROM run WHERE destination = ? AND finished_at IS NOT NULL ORDER BY id DESC LIMIT 1
                """, arguments: [destination]) else { return nil }
            return (Date(timeIntervalSince1970: row["finished_at"]), row["outcome"])
        }
    }
}
