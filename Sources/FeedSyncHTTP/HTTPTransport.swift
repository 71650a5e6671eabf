/// Sends one HTTP request and returns its answer.
///
/// Modelled on swift-openapi-runtime's `ClientTransport`: one method, so that the Affili
/// client can be tested against a recording fake without sockets, and so that another
/// HTTP stack can replace `URLSession` without touching the client.
public protocol HTTPTransport: Sendable {
    /// Sends `request` and waits for the complete answer.
    ///
    /// Every status code, 4xx and 5xx included, is returned as a response.
    /// - Parameter request: the request to send.
    /// - Returns: the answer, with its body read completely.
    /// - Throws: ``TransportError`` when no answer could be had (connection refused,
    ///   unknown host, timeout, connection lost); `CancellationError` when the task was
    ///   cancelled.
    func send(_ request: HTTPRequest) async throws -> HTTPResponse
}
