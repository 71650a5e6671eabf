import FeedSyncCore
import FeedSyncStore
import Foundation
import Testing

struct IngestTransactionTests {
    @Test("a chunk that cannot be recorded is recorded not at all, and the error names the operation")
    func failingChunkRollsBack() throws {
        let store = try makeStore()
        // SQLite stores NaN as NULL, which the price column refuses.
        let chunk = [makeProduct(pid: "a"), makeProduct(pid: "b", price: .nan)]
        let error = try #require(throws: StoreError.self) {
            try store.ingest(products: chunk, run: store.newRun(), now: firstRunTime)
        }
        #expect(error.operation == "record read products")
        #expect(error.location == ":memory:")
        #expect(try store.stored("a") == nil)
        #expect(try store.productTablesSnapshot().isEmpty)
    }
}
