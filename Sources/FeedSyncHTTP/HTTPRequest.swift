import Foundation

/// An HTTP request as a plain value, independent of the library that sends it.
public struct HTTPRequest: Sendable, Hashable {
    /// The request method.
    public var method: HTTPMethod
    /// The absolute URL to send the request to.
    public var url: URL
    /// The header fields to send; a transport adds the ones its protocol needs
    /// (`Host`, `Content-Length`).
    public var headers: HTTPHeaders
    /// The request body; empty for none.
    public var body: Data
    /// How long to wait for the answer before giving up; a transport may round it up
    /// (``URLSessionTransport`` uses whole seconds).
    public var timeout: Duration
    /// Bounds on the answer's size and on the time it may take as a whole; none by default.
    public var limits: TransferLimits = TransferLimits()

    /// Creates a request.
    /// - Parameters:
    ///   - method: the request method.
    ///   - url: the absolute URL.
    ///   - headers: the header fields.
    ///   - body: the body bytes; empty for none.
    ///   - timeout: how long to wait for the answer; 60 seconds unless told.
    public init(
        method: HTTPMethod,
        url: URL,
        headers: HTTPHeaders = [:],
        body: Data = Data(),
        timeout: Duration = .seconds(60)
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
    }
}
