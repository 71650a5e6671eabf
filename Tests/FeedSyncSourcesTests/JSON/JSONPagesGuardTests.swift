import FeedSyncHTTP
import FeedSyncSources
import Foundation
import Testing

/// Loops, repeats, runaway page counts and catalogs that change while being read.
struct JSONPagesGuardTests {
    private let endpoint = URL(string: "https://shop.example/api") ?? URL(fileURLWithPath: "/")

    @Test("a next link back to a page already read is refused after the pages before it")
    func loop() async throws {
        let transport = ClosureTransport { request, _ in
            let page = ClosureTransport.page(of: request)
            let next = page == 3 ? "https://shop.example/api?page=2" : "https://shop.example/api?page=\(page + 1)"
            return ClosureTransport.json(#"{"items":[{"n":\#(page)}],"next":"\#(next)"}"#)
        }
        let options = JSONPagesOptions(items: try JSONPointer("/items"), paging: .nextURL(try JSONPointer("/next")), sizeParameter: nil)
        let (events, error, _) = try await PagesTestSupport.readAll(.remote(endpoint), options: options, transport: transport)
        #expect(events.count == 3)
        let failure = try #require(error as? JSONPagesError)
        #expect(failure.problem == .loop)
        #expect(failure.page == 3)
        #expect(failure.description.contains("points back to a page already read (https://shop.example/api)"))
        #expect(transport.requests.current.count == 3)
    }

    @Test("a server that ignores the page parameter is caught on the second page")
    func repeatedPage() async throws {
        let transport = ClosureTransport { _, _ in ClosureTransport.json(#"[{"id":1},{"id":2}]"#) }
        let options = JSONPagesOptions(items: JSONPointer(tokens: []), sizeParameter: nil)
        let (events, error, _) = try await PagesTestSupport.readAll(.remote(endpoint), options: options, transport: transport)
        #expect(events.count == 4)
        #expect((error as? JSONPagesError)?.problem == .repeatedPage)
    }

    @Test("more pages than max_pages fail the read instead of running for ever")
    func maxPages() async throws {
        let transport = ClosureTransport { _, number in ClosureTransport.webhookPage(number, last: 1_000_000) }
        var options = JSONPagesOptions.affiliWebhook()
        options.maxPages = 3
        let (events, error, _) = try await PagesTestSupport.readAll(.remote(endpoint), options: options, transport: transport)
        #expect(events.count == 6)
        let failure = try #require(error as? JSONPagesError)
        #expect(failure.problem == .tooManyPages)
        #expect(failure.reason.contains("more than 3 pages"))
    }

    @Test("a total that grows mid-read is followed to the new last page, and noted")
    func totalGrows() async throws {
        let transport = ClosureTransport { _, number in
            ClosureTransport.webhookPage(number, last: number == 1 ? 2 : 3, total: number == 1 ? 4 : 6)
        }
        let (events, error, progress) = try await PagesTestSupport.readAll(.remote(endpoint), options: .affiliWebhook(), transport: transport)
        #expect(error == nil)
        #expect(events.count == 6)
        #expect(progress.reportedTotal == 6)
        #expect(progress.notes.count == 2)
        #expect(progress.notes.first?.contains("page 2 reports 6 items in total, the page before reported 4") == true)
    }

    @Test("a total that shrinks mid-read stops at the new last page, and is noted")
    func totalShrinks() async throws {
        let transport = ClosureTransport { _, number in
            ClosureTransport.webhookPage(number, last: number == 1 ? 3 : 2, total: number == 1 ? 6 : 4)
        }
        let (events, error, progress) = try await PagesTestSupport.readAll(.remote(endpoint), options: .affiliWebhook(), transport: transport)
        #expect(error == nil)
        #expect(events.count == 4)
        #expect(transport.requests.current.count == 2)
        #expect(progress.notes.contains { $0.contains("reports 2 as the last page") })
    }

    @Test("an empty page that claims more pages follow fails the read")
    func contradiction() async throws {
        let transport = ClosureTransport { _, number in
            number == 2
                ? ClosureTransport.json(#"{"data":{"products":[]},"meta":{"page":{"current":2,"last":3,"total":6}}}"#)
                : ClosureTransport.webhookPage(number, last: 3)
        }
        let (events, error, _) = try await PagesTestSupport.readAll(.remote(endpoint), options: .affiliWebhook(), transport: transport)
        #expect(events.count == 2)
        #expect((error as? JSONPagesError)?.problem == .contradiction)
    }
}
