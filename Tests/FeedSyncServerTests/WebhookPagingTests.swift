import FeedSyncCore
import Foundation
import Testing

struct WebhookPagingTests {
    private let total = WebhookCatalog.products.count
    private let allPids = WebhookCatalog.expectedPids { _ in true }

    @Test("without page and per_page the answer is page 1 of 100 products")
    func defaults() async throws {
        try await withServer { client in
            let page = try await client.page()
            #expect(page.meta == Page(current: 1, per: 100, last: 3, total: total))
            #expect(page.products.map(\.pid) == Array(allPids.prefix(100)))
        }
    }

    @Test("last is the total divided by per, rounded up", arguments: [1, 7, 100, 249, 250, 251, 1000])
    func lastPage(per: Int) async throws {
        try await withServer { client in
            let page = try await client.page("per_page=\(per)")
            #expect(page.meta == Page(current: 1, per: per, last: (total + per - 1) / per, total: total))
            #expect(page.products.count == min(per, total))
        }
    }

    @Test("the last page holds the remainder")
    func lastPageRemainder() async throws {
        try await withServer { client in
            let page = try await client.page("page=3&per_page=100")
            #expect(page.meta == Page(current: 3, per: 100, last: 3, total: total))
            #expect(page.products.map(\.pid) == Array(allPids[200...]))
        }
    }

    @Test("an empty catalog has one empty page")
    func emptyCatalog() async throws {
        try await withServer(products: []) { client in
            let page = try await client.page()
            #expect(page.meta == Page(current: 1, per: 100, last: 1, total: 0))
            #expect(page.products.isEmpty)
        }
    }

    @Test("a filter matching nothing has one empty page")
    func emptyFilter() async throws {
        try await withServer { client in
            let page = try await client.page("pid=nothing-like-this&per_page=10")
            #expect(page.meta == Page(current: 1, per: 10, last: 1, total: 0))
            #expect(page.products.isEmpty)
        }
    }

    @Test("a page past the end is an empty list with correct meta", arguments: [4, 5, 1_000_000, 100_000_000])
    func pastTheEnd(page number: Int) async throws {
        try await withServer { client in
            let page = try await client.page("page=\(number)")
            #expect(page.meta == Page(current: number, per: 100, last: 3, total: total))
            #expect(page.products.isEmpty)
        }
    }

    @Test("per_page=1000 is allowed and lists the whole catalog")
    func perPageMaximum() async throws {
        try await withServer { client in
            let page = try await client.page("per_page=1000")
            #expect(page.meta == Page(current: 1, per: 1000, last: 1, total: total))
            #expect(page.products.map(\.pid) == allPids)
        }
    }

    @Test("per_page above 1000 is clamped to 1000", arguments: [1001, 5000])
    func perPageClamped(per: Int) async throws {
        let catalog = WebhookCatalog.plain(count: 1_001)
        try await withServer(products: catalog) { client in
            let first = try await client.page("per_page=\(per)")
            #expect(first.meta == Page(current: 1, per: 1000, last: 2, total: 1_001))
            #expect(first.products.count == 1000)
            let second = try await client.page("per_page=\(per)&page=2")
            #expect(second.meta == Page(current: 2, per: 1000, last: 2, total: 1_001))
            #expect(second.products.map(\.pid) == ["P101000"])
        }
    }

    @Test("a per_page far above 1000 is clamped like any other value above 1000, as WebhookQuery documents", arguments: [100_000_001, 9_999_999_999])
    func perPageHugeClamped(per: Int) async throws {
        try await withServer { client in
            let answer = try await client.products("per_page=\(per)")
            #expect(answer.status == 200)
            let page = try WebhookAnswer(answer.body)
            #expect(page.meta == Page(current: 1, per: 1000, last: 1, total: total))
        }
    }

    @Test("paging through with per_page=7 lists every product exactly once, in pid order")
    func pagingThrough() async throws {
        try await withServer { client in
            let pages = try await client.allPages(perPage: 7)
            #expect(pages.count == 36)
            for (index, page) in pages.enumerated() {
                #expect(page.meta == Page(current: index + 1, per: 7, last: 36, total: total))
            }
            let listed = pages.flatMap { $0.products.map(\.pid) }
            #expect(listed == allPids)
            #expect(Set(listed).count == total)
        }
    }

    @Test("concurrent pulls of different pages each get their own correct page")
    func concurrentPulls() async throws {
        try await withServer { client in
            let answers = try await withThrowingTaskGroup(of: (Int, WebhookAnswer).self) { group in
                for number in 1...25 {
                    group.addTask { (number, try await client.page("per_page=10&page=\(number)")) }
                }
                return try await group.reduce(into: [Int: WebhookAnswer]()) { $0[$1.0] = $1.1 }
            }
            for number in 1...25 {
                let page = try #require(answers[number])
                #expect(page.meta == Page(current: number, per: 10, last: 25, total: total))
                #expect(page.products.map(\.pid) == Array(allPids[((number - 1) * 10)..<(number * 10)]))
            }
        }
    }

    @Test("the same page asked twice is the same, byte for byte")
    func stable() async throws {
        try await withServer { client in
            let first = try await client.products("page=2&per_page=50")
            let second = try await client.products("page=2&per_page=50")
            #expect(first.status == 200)
            #expect(first.body == second.body)
        }
    }
}
