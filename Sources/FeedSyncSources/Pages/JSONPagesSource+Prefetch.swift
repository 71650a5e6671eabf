import FeedSyncHTTP

extension JSONPagesSource {
    /// Runs `body` with a source that fetches the next page while `body` works through the
    /// current one.
    ///
    /// The fetching runs in a child task of a task group owned by this call, so it can
    /// never outlive it: when `body` returns or throws, the fetch in progress is
    /// cancelled and awaited. At most two pages are held at once: the one `body` is
    /// reading and the next one (see ``PageChannel``). A failing page is reported by
    /// ``next()`` only after every record of the pages before it. Local locations are read
    /// without prefetching (the disk is not the bottleneck).
    /// - Parameters:
    ///   - location: the endpoint, or a local JSON file or folder.
    ///   - source: the source's name from the configuration.
    ///   - options: how pages are requested and read.
    ///   - transport: how HTTP requests are sent.
    ///   - sleep: how retry waits are waited.
    ///   - body: reads the source.
    /// - Returns: what `body` returns.
    /// - Throws: what the initializer or `body` throws.
    public static func withPrefetching<Output>(
        location: SourceLocation, source: String, options: JSONPagesOptions,
        transport: any HTTPTransport = URLSessionTransport(), sleep: @escaping RetryPolicy.Sleep = RetryPolicy.realSleep,
        _ body: (inout JSONPagesSource) async throws -> Output
    ) async throws -> Output {
        var reader = try JSONPagesSource(location: location, source: source, options: options, transport: transport, sleep: sleep)
        guard case .remote(let producer) = reader.feed else { return try await body(&reader) }
        let channel = PageChannel()
        reader.feed = .prefetched(channel)
        return try await withThrowingTaskGroup(of: Void.self, returning: Output.self) { group in
            group.addTask {
                var producer = producer
                do {
                    while let page = try await producer.nextPage() { try await channel.send(page) }
                    channel.finish(nil)
                } catch {
                    channel.finish(error)
                }
            }
            do {
                let result = try await body(&reader)
                channel.cancel()
                group.cancelAll()
                return result
            } catch {
                channel.cancel()
                group.cancelAll()
                throw error
            }
        }
    }
}
