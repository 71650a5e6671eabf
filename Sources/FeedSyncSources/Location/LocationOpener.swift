import FeedSyncHTTP
import Foundation

/// Opens any ``SourceLocation`` as a stream of UTF-8 bytes: local files, `file://`,
/// `http(s)://` downloads, gzip content, and feeds in other text encodings.
///
/// - A remote location is downloaded to a temporary file first (``Downloader``), with
///   retries as for pages (``RetryPolicy``; 401/403 stop at once); the file is unlinked as
///   soon as it is open, so nothing is left behind whatever happens to the run.
/// - gzip is recognised by its magic bytes (1F 8B), whatever the name or
///   `Content-Encoding` say: libcurl may already have inflated an answer sent with
///   `Content-Encoding: gzip`, and a `.gz` file may have been inflated by the browser
///   that saved it; the bytes are the only reliable witness. Inflating is bounded by
///   ``LocationOptions/maxInflatedBytes``; a download by ``LocationOptions/maxDownloadBytes``,
///   ``LocationOptions/responseTimeout`` and ``LocationOptions/totalTimeout``.
/// - A named encoding other than UTF-8 is transcoded (``TranscodingByteStream``).
public struct LocationOpener: Sendable {
    /// How locations are fetched and decoded.
    public var options: LocationOptions
    /// How remote locations are downloaded.
    public var downloader: any Downloader
    private let sleep: RetryPolicy.Sleep

    /// Creates an opener.
    /// - Parameters:
    ///   - options: decoding and download settings.
    ///   - downloader: how remote files are fetched; `URLSession` by default.
    ///   - sleep: how retry waits are waited; real time by default.
    public init(
        options: LocationOptions = LocationOptions(), downloader: any Downloader = URLSessionDownloader(),
        sleep: @escaping RetryPolicy.Sleep = RetryPolicy.realSleep
    ) {
        self.options = options
        self.downloader = downloader
        self.sleep = sleep
    }

    /// Opens `location` for reading.
    /// - Parameter location: the file or URL.
    /// - Returns: its bytes as UTF-8, inflated if they were gzip data.
    /// - Throws: ``ByteStreamError`` when a file cannot be opened; ``HTTPFetchError`` when
    ///   a download is refused or keeps failing; `CancellationError`.
    public func open(_ location: SourceLocation) async throws -> OpenedLocation {
        switch location {
        case .file(let path):
            return try Self.openFile(path: path, options: options)
        case .remote(let url):
            let name = RedactedURL.string(for: url)
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("feedsync-\(UUID().uuidString).download")
            defer { try? FileManager.default.removeItem(at: file) }
            var headers = HTTPHeaders()
            for (field, value) in options.headers.sorted(by: { $0.key < $1.key }) { headers.add(name: field, value: value) }
            var request = HTTPRequest(method: .get, url: url, headers: headers, timeout: options.timeout)
            // One deadline for every attempt: retries must not stretch the read's time budget.
            request.limits = options.transferLimits
            let fetcher = RetryingFetcher(
                transport: DownloadTransport(downloader: downloader, file: file), policy: options.retry, sleep: sleep)
            _ = try await fetcher.fetch(request, subject: "download")
            // Open, then unlink: the open descriptor keeps the data until the stream goes.
            let stream = RenamedByteStream(base: try FileByteStream(path: file.path), name: name)
            return try Self.decode(stream, name: name, options: options)
        }
    }

    /// Opens a local file.
    /// - Parameters:
    ///   - path: the file's path.
    ///   - options: decoding settings.
    /// - Returns: its bytes as UTF-8, inflated if they were gzip data.
    /// - Throws: ``ByteStreamError`` when the file cannot be opened or its first bytes read.
    public static func openFile(path: String, options: LocationOptions = LocationOptions()) throws -> OpenedLocation {
        try decode(FileByteStream(path: path), name: path, options: options)
    }

    /// Inflates `stream` when it is gzip data and transcodes it when an encoding is named.
    /// - Parameters:
    ///   - stream: the raw bytes.
    ///   - name: the source as shown to users.
    ///   - options: decoding settings.
    /// - Returns: the decoded stream.
    /// - Throws: whatever reading the first bytes throws.
    public static func decode(_ stream: any ByteStream, name: String, options: LocationOptions) throws -> OpenedLocation {
        let (head, whole) = try PrefixedByteStream.peek(2, of: stream)
        var decoded: any ByteStream = whole
        let compressed = head == [0x1F, 0x8B]
        if compressed {
            decoded = try GzipByteStream(base: whole, name: name, maxInflatedBytes: options.maxInflatedBytes)
        }
        if let encoding = options.encoding, encoding != .utf8 {
            decoded = TranscodingByteStream(base: decoded, encoding: encoding, name: name)
        }
        return OpenedLocation(stream: decoded, name: name, wasCompressed: compressed)
    }
}

/// Lets ``RetryingFetcher`` drive a ``Downloader``: each attempt rewrites the file.
private struct DownloadTransport: HTTPTransport {
    let downloader: any Downloader
    let file: URL

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        var response = try await downloader.download(request, to: file)
        if !response.isSuccess {
            // The start of an error page helps the message; the rest is not needed.
            response.body = (try? FileHandle(forReadingFrom: file).read(upToCount: 300)) ?? Data()
        }
        return response
    }
}
