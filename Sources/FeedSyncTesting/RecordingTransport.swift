import FeedSyncHTTP
import Foundation

/// An ``FeedSyncUpload/HTTPTransport`` that records every request and answers from a
/// script, for tests that need no socket.
public final class RecordingTransport: HTTPTransport {
    /// Produces the answer to the `number`th request (1-based).
    public typealias Responder = @Sendable (_ request: HTTPRequest, _ number: Int) throws -> HTTPResponse

    private let responder: Responder
    private let recorded = Locked<[HTTPRequest]>([])

    /// Creates a transport that asks `responder` for every answer.
    /// - Parameter responder: returns the answer or throws, e.g. a ``FeedSyncUpload/TransportError``.
    public init(responder: @escaping Responder) {
        self.responder = responder
    }

    /// Creates a transport that gives the same answer to every request.
    /// - Parameters:
    ///   - status: the status code; 200 by default.
    ///   - headers: the answer's header fields.
    ///   - body: the answer body; Affili's success shape by default.
    public convenience init(
        status: Int = 200,
        headers: HTTPHeaders = ["Content-Type": "application/json"],
        body: String = #"{"status":"ok","tag":"import","api_version":"1.0.0","data":{"count":1}}"#
    ) {
        let response = HTTPResponse(status: status, headers: headers, body: Data(body.utf8))
        self.init { _, _ in response }
    }

    /// Creates a transport that plays `script` in order and repeats its last entry.
    /// - Parameter script: answers and transport failures, one per request; must not be empty.
    public convenience init(script: [Result<HTTPResponse, TransportError>]) {
        self.init { _, number in
            guard let entry = script.isEmpty ? nil : script[min(number, script.count) - 1] else {
                return HTTPResponse(status: 500, body: Data("RecordingTransport: empty script".utf8))
            }
            return try entry.get()
        }
    }

    /// Every request sent so far, in order.
    public var requests: [HTTPRequest] {
        recorded.withLock { $0 }
    }

    /// Records `request` and returns the scripted answer.
    /// - Parameter request: the request.
    /// - Returns: the responder's answer.
    /// - Throws: whatever the responder throws.
    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let number = recorded.withLock { requests -> Int in
            requests.append(request)
            return requests.count
        }
        return try responder(request, number)
    }
}
