import FeedSyncCore
import FeedSyncHTTP
import Foundation

/// Reads a paged JSON endpoint, page by page until the last, as one stream of records.
///
/// Each page's items become records named by key path (see ``JSONRecordReader``); record
/// ordinals run on across pages, and a record's location is the page's URL (without
/// query) and number, e.g. `https://shop.example/api/products page 3:1 (record 201)`.
///
/// How pages are asked for and when to stop is set by ``JSONPagesOptions`` (presets for
/// Affili's webhook, the Affili/Torob shop plugins, Torob v3, AccessTrade, WooCommerce,
/// Shopify, Strapi). Every request is retried by a ``RetryPolicy``; 401 and 403 stop at
/// once; a page that keeps failing makes ``next()`` throw after the records of the pages
/// before it, never return `nil`: a partial catalog must not look complete.
///
/// A local location (a path or `file://`) reads the same way: one JSON file, or a folder
/// of page files in name order, each streamed from disk (`.gz` files are inflated).
///
/// Used directly, pages are fetched when the previous one is used up. Inside
/// ``withPrefetching(location:source:options:transport:sleep:_:)`` the next page is
/// fetched and parsed while the caller works through the current one.
public struct JSONPagesSource: RecordSource, Sendable {
    enum Feed: Sendable {
        case remote(PageProducer)
        case prefetched(PageChannel)
        case local(LocalPages)
    }

    var feed: Feed
    private var events: [SourceEvent] = []
    private var eventIndex = 0
    private var fileReader: JSONRecordReader?
    /// The error that ended the read; every later ``next()`` throws it again.
    private var failure: (any Error)?
    private let options: JSONPagesOptions
    /// The source's name from the configuration.
    public let source: String
    /// The endpoint, file or folder as shown to users.
    public let location: String
    /// How far the read has got, and what it noticed (totals changing, retries).
    public private(set) var progress = PagesProgress()

    /// Creates a source; nothing is fetched until the first ``next()``.
    /// - Parameters:
    ///   - location: the endpoint, or a local JSON file or folder of page files.
    ///   - source: the source's name from the configuration, for record locations.
    ///   - options: how pages are requested and read.
    ///   - transport: how HTTP requests are sent; `URLSession` by default.
    ///   - sleep: how retry waits are waited; injected by tests.
    /// - Throws: ``ByteStreamError`` or ``LocationError`` when a local location does not
    ///   exist or is an empty folder.
    public init(
        location: SourceLocation, source: String, options: JSONPagesOptions,
        transport: any HTTPTransport = URLSessionTransport(), sleep: @escaping RetryPolicy.Sleep = RetryPolicy.realSleep
    ) throws {
        self.options = options
        self.source = source
        self.location = location.description
        switch location {
        case .file(let path):
            feed = .local(try LocalPages(path: path))
        case .remote(let url):
            let fetcher = RetryingFetcher(transport: transport, policy: options.retry, sleep: sleep)
            feed = .remote(PageProducer(endpoint: url, source: source, options: options, fetcher: fetcher))
        }
    }

    /// JSON items have no shared header: always `nil`.
    public var sharedFieldNames: FieldNames? { nil }

    /// The next record or rejection.
    /// - Returns: the event, or `nil` after the last page.
    /// - Throws: ``HTTPFetchError`` when a page is refused or keeps failing;
    ///   ``JSONPagesError`` for a malformed page, a loop or too many pages;
    ///   ``JSONReadError`` or ``ByteStreamError`` for a local file; `CancellationError`.
    ///   Once it has thrown, every later call throws the same error.
    public mutating func next() async throws -> SourceEvent? {
        if let failure { throw failure }
        do {
            return try await nextEvent()
        } catch {
            failure = error
            throw error
        }
    }

    private mutating func nextEvent() async throws -> SourceEvent? {
        while true {
            if eventIndex < events.count {
                eventIndex += 1
                return events[eventIndex - 1]
            }
            if fileReader != nil {
                if let event = try fileReader?.next() {
                    progress.items += 1
                    return event
                }
                fileReader = nil
            }
            guard try await advance() else { return nil }
        }
    }

    /// Moves to the next page. - Returns: `false` after the last page.
    private mutating func advance() async throws -> Bool {
        events = []
        eventIndex = 0
        let page: FetchedPage?
        switch feed {
        case .local(var pages):
            guard let file = pages.nextFile() else { return false }
            feed = .local(pages)
            let opened = try LocationOpener.openFile(
                path: file, options: LocationOptions(encoding: options.encoding, maxInflatedBytes: options.maxInflatedBytes))
            fileReader = JSONRecordReader(
                stream: opened.stream, items: options.items, metadata: [], source: source, file: file,
                firstRecord: progress.items + 1, options: options.records, chunkSize: 1 << 20)
            progress.pages += 1
            return true
        case .remote(var producer):
            page = try await producer.nextPage()
            feed = .remote(producer)
        case .prefetched(let channel):
            page = try await channel.receive()
        }
        guard let page else { return false }
        events = page.events
        progress.pages += 1
        progress.items += page.events.count
        progress.retries += page.retries
        progress.reportedTotal = page.total ?? progress.reportedTotal
        progress.reportedLastPage = page.lastPage ?? progress.reportedLastPage
        progress.notes += page.notes
        return true
    }
}
