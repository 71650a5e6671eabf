import FeedSyncHTTP
import FeedSyncSources
import Foundation
import Testing

/// Prefetching: same records, at most two pages held, failures in order, cancellation.
struct JSONPagesPrefetchTests {
    private let endpoint = URL(string: "https://shop.example/api") ?? URL(fileURLWithPath: "/")

    /// Waits up to two seconds for `condition`.
    private func eventually(_ condition: () -> Bool) async -> Bool {
        for _ in 0..<200 {
            if condition() { return true }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return condition()
    }

    @Test("prefetching yields the same records, in the same order, as reading page by page")
    func sameRecords() async throws {
        let transport = ClosureTransport { request, _ in
            ClosureTransport.webhookPage(ClosureTransport.page(of: request), count: 3, last: 4)
        }
        let sequential = try await PagesTestSupport.readAll(.remote(endpoint), options: .affiliWebhook(), transport: transport)
        let prefetched = try await JSONPagesSource.withPrefetching(
            location: .remote(endpoint), source: "shop", options: .affiliWebhook(), transport: transport
        ) { source in
            await JSONTestSupport.drain(&source)
        }
        #expect(prefetched.error == nil)
        let ids = prefetched.events.compactMap { $0.record?.firstValue(named: "pid") }
        #expect(ids == sequential.events.compactMap { $0.record?.firstValue(named: "pid") })
        #expect(ids.count == 12)
    }

    @Test("while page 1 is being read, page 2 is fetched and page 3 is not")
    func bounded() async throws {
        let transport = ClosureTransport { _, number in ClosureTransport.webhookPage(number, count: 2, last: 5) }
        try await JSONPagesSource.withPrefetching(
            location: .remote(endpoint), source: "shop", options: .affiliWebhook(), transport: transport
        ) { source in
            _ = try await source.next()
            #expect(await eventually { transport.requests.current.count == 2 })
            try await Task.sleep(for: .milliseconds(100))
            #expect(transport.requests.current.count == 2)
            _ = try await source.next()
            _ = try await source.next()  // first record of page 2: page 3 may now be fetched
            #expect(await eventually { transport.requests.current.count == 3 })
            try await Task.sleep(for: .milliseconds(100))
            #expect(transport.requests.current.count == 3)
        }
    }

    @Test("a page that fails while prefetched is reported after every record before it")
    func failureOrder() async throws {
        let transport = ClosureTransport { _, number in
            number == 1 ? ClosureTransport.webhookPage(1, count: 4, last: 3) : HTTPResponse(status: 401)
        }
        let (events, error) = try await JSONPagesSource.withPrefetching(
            location: .remote(endpoint), source: "shop", options: .affiliWebhook(), transport: transport
        ) { source in
            await JSONTestSupport.drain(&source)
        }
        #expect(events.count == 4)
        #expect((error as? HTTPFetchError)?.status == 401)
    }

    @Test("leaving the body early cancels the page being fetched", .timeLimit(.minutes(3)))
    func cancelsOnExit() async throws {
        let cancelled = JSONTestBox(false)
        let transport = ClosureTransport { _, number in
            if number > 1 {
                // Ends only by cancellation well within the time limit; a clock bound would
                // fail on a machine whose few threads other tests hold for a while.
                do {
                    try await Task.sleep(for: .seconds(600))
                } catch {
                    cancelled.withLock { $0 = true }
                    throw error
                }
            }
            return ClosureTransport.webhookPage(number, last: 10)
        }
        let first = try await JSONPagesSource.withPrefetching(
            location: .remote(endpoint), source: "shop", options: .affiliWebhook(), transport: transport
        ) { source in
            try await source.next()?.record?.firstValue(named: "pid")
        }
        #expect(first == "1-0")
        // The second page was cancelled in flight, or not asked for yet when the body left.
        #expect(cancelled.withLock { $0 } || transport.requests.withLock { $0.count } == 1)
    }

    @Test("a local folder is read without prefetching, the same way")
    func localFolder() async throws {
        let count = try await JSONPagesSource.withPrefetching(
            location: .file(JSONTestSupport.fixture("affili-webhook").path), source: "shop", options: .affiliWebhook()
        ) { source in
            await JSONTestSupport.drain(&source).events.count
        }
        #expect(count == 25)
    }
}
