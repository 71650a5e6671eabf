import Foundation

/// A request as ``LoopbackHTTPServer`` read it off the socket.
public struct ReceivedRequest: Sendable, Hashable {
    /// The method token, e.g. `POST`.
    public var method: String
    /// The request target as sent, path and query, e.g. `/services/products/import?x=1`.
    public var target: String
    /// The HTTP version token, e.g. `HTTP/1.1`.
    public var version: String
    /// The header fields in the order they were sent.
    public var headers: [HeaderField]
    /// The body, de-chunked when it was sent with `Transfer-Encoding: chunked`.
    public var body: Data
    /// Whether the body arrived chunked.
    public var wasChunked: Bool
    /// Whether the server sent `100 Continue` before reading the body.
    public var continueSent: Bool

    /// Creates a request value; the server does this, tests may too.
    /// - Parameters:
    ///   - method: the method token.
    ///   - target: the request target.
    ///   - version: the HTTP version token.
    ///   - headers: the header fields.
    ///   - body: the body bytes.
    ///   - wasChunked: whether the body was chunked.
    ///   - continueSent: whether `100 Continue` was sent.
    public init(
        method: String,
        target: String,
        version: String = "HTTP/1.1",
        headers: [HeaderField] = [],
        body: Data = Data(),
        wasChunked: Bool = false,
        continueSent: Bool = false
    ) {
        self.method = method
        self.target = target
        self.version = version
        self.headers = headers
        self.body = body
        self.wasChunked = wasChunked
        self.continueSent = continueSent
    }

    /// The target's path, without the query.
    public var path: String {
        String(target.prefix { $0 != "?" })
    }

    /// The target's query after `?`, or `nil` when there is none.
    public var query: String? {
        guard let mark = target.firstIndex(of: "?") else { return nil }
        return String(target[target.index(after: mark)...])
    }

    /// The value of the first header field called `name` (any case).
    /// - Parameter name: the field name.
    /// - Returns: the value, or `nil` when the field was not sent.
    public func header(_ name: String) -> String? {
        headers.value(for: name)
    }

    /// The body decoded as UTF-8 (invalid sequences replaced).
    public var bodyText: String {
        String(decoding: body, as: UTF8.self)
    }
}
