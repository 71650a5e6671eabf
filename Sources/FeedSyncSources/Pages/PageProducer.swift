import FeedSyncHTTP
import Foundation

/// Fetches pages one after the other and reads each one's items.
///
/// A page is read whole into records before it is handed on: its body is in memory
/// anyway (``HTTPTransport`` returns whole bodies), and reading it here lets the next
/// page's metadata (a next link after the items) decide the next request at once, and lets
/// a prefetching source parse on another core while the caller maps.
struct PageProducer: Sendable {
    private var planner: PagePlanner
    private let fetcher: RetryingFetcher
    private let options: JSONPagesOptions
    private let source: String
    private let location: String
    private var nextRequest: HTTPRequest?
    /// A paging error found after reading a page: raised on the call after the one that
    /// hands out that page, so its records come first.
    private var pendingError: (any Error)?
    private var pageNumber = 0
    private var itemsBefore = 0
    /// Size and time bounds for every page; the deadline is the whole read's.
    private let limits: TransferLimits

    init(endpoint: URL, source: String, options: JSONPagesOptions, fetcher: RetryingFetcher) {
        let location = RedactedURL.string(for: endpoint)
        var planner = PagePlanner(endpoint: endpoint, options: options, location: location)
        self.nextRequest = planner.firstRequest()
        self.planner = planner
        self.fetcher = fetcher
        self.options = options
        self.source = source
        self.location = location
        self.limits = TransferLimits(
            maxBytes: options.maxPageBytes, responseTimeout: options.responseTimeout, budget: options.totalTimeout,
            settings: TransferLimits.Settings(bytes: "max_page_bytes"))
    }

    /// Fetches and reads the next page.
    /// - Returns: the page, or `nil` after the last one.
    /// - Throws: ``HTTPFetchError``, ``JSONPagesError``; `CancellationError`.
    mutating func nextPage() async throws -> FetchedPage? {
        if let pendingError { throw pendingError }
        guard var request = nextRequest else { return nil }
        request.limits = limits
        pageNumber += 1
        let (response, attempts) = try await fetcher.fetch(request, subject: "page \(pageNumber)")
        let file = "\(RedactedURL.string(for: request.url)) page \(pageNumber)"
        var reader = try makeReader(response.body, file: file)
        var events: [SourceEvent] = []
        do {
            while let event = try reader.next() { events.append(event) }
        } catch let error as JSONReadError {
            throw malformed(error, body: response)
        }
        do {
            nextRequest = try planner.next(after: PageSummary(
                number: pageNumber, url: request.url, itemCount: reader.itemCount, metadata: reader.metadata,
                headers: response.headers, bodyHash: BodyHash.of(response.body)))
        } catch {
            nextRequest = nil
            pendingError = error
        }
        itemsBefore += reader.itemCount
        return FetchedPage(
            number: pageNumber, events: events, retries: attempts - 1, total: planner.total, lastPage: planner.lastPage,
            notes: planner.takeNotes())
    }

    private func makeReader(_ body: Data, file: String) throws -> JSONRecordReader {
        let decoded = try LocationOpener.decode(
            MemoryByteStream(Array(body)), name: file,
            // A page's records are all held at once, so a gzip page may inflate to a page's size, no more.
            options: LocationOptions(
                encoding: options.encoding, maxInflatedBytes: min(options.maxInflatedBytes, options.maxPageBytes)))
        return JSONRecordReader(
            stream: decoded.stream, items: options.items, metadata: options.metadataPointers, source: source, file: file,
            firstRecord: itemsBefore + 1, options: options.records)
    }

    private func malformed(_ error: JSONReadError, body response: HTTPResponse) -> JSONPagesError {
        var reason = "the answer is not the JSON expected: \(error.reason) (line \(error.line), byte \(error.offset))"
        let start = response.body.first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }
        if start == UInt8(ascii: "<") {
            let type = response.headers["Content-Type"].map { " (Content-Type: \($0))" } ?? ""
            reason += "; it looks like an HTML page\(type), perhaps an error or login page"
        }
        return JSONPagesError(location: location, page: pageNumber, problem: .malformedPage, reason: reason)
    }
}
