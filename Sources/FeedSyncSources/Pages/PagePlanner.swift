import FeedSyncHTTP
import Foundation

/// Decides, after each page, whether there is another and how to ask for it.
///
/// Stop conditions, by ``JSONPagesOptions/Paging``:
/// - page numbers: an empty page; the page parameter reaching the last page the page
///   itself reports; without a last page, the items read reaching the total the page
///   reports. An empty page whose own paging information says more pages follow is an
///   error, not an end: the catalog changed under the read, and a short copy must not pass
///   for a whole one.
/// - offsets: an empty page, or the offset reaching the reported total.
/// - next URL and `Link`: no next link. A next link to a page already read is an error.
///
/// Totals changing mid-read: each decision uses the latest page's numbers, and every
/// change is recorded in ``notes``: items inserted or removed while paging can shift
/// others across page boundaries (one may be read twice or not at all), which only a
/// fresh read can rule out.
///
/// In every mode, more than ``JSONPagesOptions/maxPages`` pages, or a page identical to
/// the one before (a server that ignores the page parameter), fails the read.
struct PagePlanner: Sendable {
    let options: JSONPagesOptions
    let builder: PageRequestBuilder
    let location: String
    private var page: Int
    private var offset = 0
    private var itemsRead = 0
    private var seenURLs: Set<String> = []
    private var previousHash: UInt64?
    private(set) var total: Int?
    private(set) var lastPage: Int?
    /// Notes gathered since the last ``takeNotes()``.
    private var notes: [String] = []

    init(endpoint: URL, options: JSONPagesOptions, location: String) {
        self.options = options
        self.builder = PageRequestBuilder(endpoint: endpoint, options: options)
        self.location = location
        self.page = options.firstPage
    }

    /// The first page's request.
    mutating func firstRequest() -> HTTPRequest {
        let request: HTTPRequest
        switch options.paging {
        case .pageNumber: request = builder.request(page: page, offset: nil)
        case .offset: request = builder.request(page: nil, offset: 0)
        case .nextURL, .linkHeader, .single: request = builder.request(page: nil, offset: nil)
        }
        seenURLs.insert(Self.key(request))
        return request
    }

    /// The notes gathered since the last call.
    mutating func takeNotes() -> [String] {
        defer { notes = [] }
        return notes
    }

    /// The request for the page after `summary`, or `nil` when it was the last.
    /// - Throws: ``JSONPagesError`` for loops, repeated pages, too many pages, a
    ///   contradicting empty page or an unusable next link.
    mutating func next(after summary: PageSummary) throws -> HTTPRequest? {
        itemsRead += summary.itemCount
        observeTotals(summary)
        let request: HTTPRequest?
        switch options.paging {
        case .single:
            request = nil
        case .pageNumber:
            request = try nextNumberedPage(after: summary)
        case .offset:
            offset += summary.itemCount
            if summary.itemCount == 0 || total.map({ offset >= $0 }) == true {
                request = nil
            } else {
                try checkNotRepeated(summary)
                request = builder.request(page: nil, offset: offset)
            }
        case .nextURL(let pointer):
            let text = summary.metadata[pointer] ?? ""
            request = try followed(text.isEmpty ? nil : text, from: summary)
        case .linkHeader:
            let target = summary.headers.fields.filter { $0.name.lowercased() == "link" }
                .lazy.compactMap { LinkHeader.target(in: $0.value, relation: "next", base: summary.url) }.first
            request = try followed(target?.absoluteString, from: summary)
        }
        previousHash = summary.bodyHash
        guard let request else { return nil }
        guard summary.number < options.maxPages else {
            throw failure(summary.number + 1, .tooManyPages,
                "the endpoint has more than \(options.maxPages) pages (max_pages); raise max_pages if the catalog really is that large")
        }
        return request
    }

    private mutating func nextNumberedPage(after summary: PageSummary) throws -> HTTPRequest? {
        if summary.itemCount == 0 {
            if let lastPage, page < lastPage {
                throw failure(summary.number, .contradiction,
                    "the page is empty although it says the last page is \(lastPage); the catalog changed during the read (run it again)")
            }
            return nil
        }
        if let lastPage {
            if page >= lastPage { return nil }
        } else if let total, itemsRead >= total {
            return nil
        }
        try checkNotRepeated(summary)
        page += 1
        return builder.request(page: page, offset: nil)
    }

    private mutating func followed(_ text: String?, from summary: PageSummary) throws -> HTTPRequest? {
        guard let text else { return nil }
        guard let url = URL(string: text, relativeTo: summary.url)?.absoluteURL, let scheme = url.scheme?.lowercased(),
            scheme == "http" || scheme == "https"
        else {
            throw failure(summary.number, .badNextLink, "the next page's link '\(text.prefix(100))' is not an http(s) URL")
        }
        let request = builder.request(following: url)
        guard seenURLs.insert(Self.key(request)).inserted else {
            throw failure(summary.number, .loop,
                "its next link points back to a page already read (\(RedactedURL.string(for: url))); following it would loop for ever")
        }
        return request
    }

    private func checkNotRepeated(_ summary: PageSummary) throws {
        if summary.bodyHash == previousHash {
            throw failure(summary.number, .repeatedPage,
                "the page is identical to the page before it; the server seems to ignore the '\(options.paging == .offset ? options.offsetParameter : options.pageParameter)' parameter (set the paging to match the endpoint)")
        }
    }

    private mutating func observeTotals(_ summary: PageSummary) {
        if let newTotal = Self.integer(summary.metadata, options.totalPointers) {
            if let total, total != newTotal {
                notes.append("page \(summary.number) reports \(newTotal) items in total, the page before reported \(total): the catalog changed during the read, so items may have moved across pages (read again for an exact copy)")
            }
            total = newTotal
        }
        if let newLast = Self.integer(summary.metadata, options.lastPagePointers) {
            if let lastPage, lastPage != newLast {
                notes.append("page \(summary.number) reports \(newLast) as the last page, the page before reported \(lastPage): the catalog changed during the read")
            }
            lastPage = newLast
        }
    }

    /// The first of `pointers` whose value reads as a whole number (`37`, `37.0`, `"37"`).
    static func integer(_ metadata: [JSONPointer: String], _ pointers: [JSONPointer]) -> Int? {
        for pointer in pointers {
            guard let text = metadata[pointer] else { continue }
            if let value = Int(text) { return value }
            if let value = Double(text), value.rounded() == value, abs(value) < 1e15 { return Int(value) }
        }
        return nil
    }

    private static func key(_ request: HTTPRequest) -> String {
        request.url.absoluteString + "\u{0}" + String(decoding: request.body, as: UTF8.self)
    }

    private func failure(_ page: Int, _ problem: JSONPagesError.Problem, _ reason: String) -> JSONPagesError {
        JSONPagesError(location: location, page: page, problem: problem, reason: reason)
    }
}
