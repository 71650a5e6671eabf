import FeedSyncCore
import Testing

struct PageTests {
    @Test("last is the number of pages needed for total at per a page", arguments: [
        (total: 3650, per: 100, last: 37),
        (total: 3600, per: 100, last: 36),
        (total: 1, per: 1000, last: 1),
        (total: 1000, per: 1000, last: 1),
        (total: 1001, per: 1000, last: 2),
        (total: 7, per: 3, last: 3),
    ])
    func lastPage(total: Int, per: Int, last: Int) {
        let page = Page(current: 1, per: per, total: total)
        #expect(page.last == last)
        #expect(page.total == total)
        #expect(page.per == per)
        #expect(page.current == 1)
    }

    @Test("an empty catalog has one empty page, so last is 1")
    func emptyCatalog() {
        let page = Page(current: 1, per: 100, total: 0)
        #expect(page.last == 1)
        #expect(page.total == 0)
    }

    @Test("a page size of 0 still gives last 1 rather than dividing by zero")
    func zeroPerPage() {
        #expect(Page(current: 1, per: 0, total: 50).last == 1)
    }

    @Test("the largest page Affili allows is 1000 products")
    func maximumPerPage() {
        #expect(Page.maximumPerPage == 1000)
    }
}
