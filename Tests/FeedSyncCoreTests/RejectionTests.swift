import FeedSyncCore
import Testing

struct RejectionTests {
    @Test("a location with a line reads file:line (record N)")
    func locationWithLine() {
        let location = RecordLocation(source: "shop", file: "catalog.csv", line: 12, record: 11)
        #expect(location.description == "catalog.csv:12 (record 11)")
    }

    @Test("a location without lines reads file (record N)")
    func locationWithoutLine() {
        let location = RecordLocation(source: "api", file: "https://shop.example/feed?page=2", line: 0, record: 140)
        #expect(location.description == "https://shop.example/feed?page=2 (record 140)")
    }

    @Test("a rejection names source, place, pid, field and reason")
    func fullDescription() {
        let rejection = Rejection(
            location: RecordLocation(source: "shop", file: "catalog.csv", line: 12, record: 11),
            pid: "10234", field: "price", reason: "'abc' is not a price"
        )
        #expect(rejection.description == "shop: catalog.csv:12 (record 11): pid 10234: price: 'abc' is not a price")
    }

    @Test("a rejection without pid or field leaves them out")
    func shortDescription() {
        let rejection = Rejection(
            location: RecordLocation(source: "shop", file: "catalog.csv", line: 3, record: 2), reason: "the row has no pid"
        )
        #expect(rejection.description == "shop: catalog.csv:3 (record 2): the row has no pid")
    }
}
