import FeedSyncCore
@testable import FeedSyncStore
import Foundation
import GRDB
import Testing

struct RunLogTests {
    @Test("run ids increase")
    func idsIncrease() throws {
        let store = try makeStore()
        let first = try store.newRun()
        let second = try store.beginRun(command: "import", destination: destination, at: secondRunTime)
        let third = try store.beginRun(command: "sync", destination: "other", at: thirdRunTime)
        #expect(first < second && second < third)
    }

    @Test("a finished run's outcome and end time are the last run's")
    func finishRunStoresOutcome() throws {
        let store = try makeStore()
        let run = try store.newRun()
        try store.finishRun(run, outcome: "failed", report: #"{"new":1}"#, at: secondRunTime)
        let last = try #require(try store.lastRun(destination: destination))
        #expect(last.outcome == "failed")
        #expect(last.finished == secondRunTime)
    }

    @Test("the last run is the latest finished one of the destination")
    func lastRunIsLatestFinished() throws {
        let store = try makeStore()
        let first = try store.newRun()
        let second = try store.newRun(at: secondRunTime)
        try store.finishRun(first, outcome: "failed", report: "{}", at: firstRunTime)
        try store.finishRun(second, outcome: "ok", report: "{}", at: secondRunTime)
        _ = try store.newRun(at: thirdRunTime)
        let other = try store.beginRun(command: "sync", destination: "other", at: thirdRunTime)
        try store.finishRun(other, outcome: "interrupted", report: "{}", at: thirdRunTime)
        let last = try #require(try store.lastRun(destination: destination))
        #expect(last.outcome == "ok")
        #expect(last.finished == secondRunTime)
    }

    @Test("a store with no finished run has no last run")
    func noLastRun() throws {
        let store = try makeStore()
        _ = try store.newRun()
        #expect(try store.lastRun(destination: destination) == nil)
    }

    @Test("recording a source's outcome again replaces it")
    func recordSourceReplaces() throws {
        let store = try makeStore()
        let run = try store.newRun()
        try store.recordSource("shop", complete: true, run: run)
        try store.recordSource("shop", complete: false, run: run)
        let rows = try store.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT source, complete FROM run_source WHERE run_id = ?", arguments: [run])
        }
        #expect(rows.map { "\($0["source"] as String) \($0["complete"] as Bool)" } == ["shop false"])
    }
}
