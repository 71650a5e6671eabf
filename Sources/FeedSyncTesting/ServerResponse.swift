import Foundation

/// The answer a ``LoopbackHTTPServer`` handler gives to a request.
///
/// The server adds `Content-Length` and `Connection: close`; handlers set the rest.
public struct ServerResponse: Sendable, Hashable {
    /// The status code.
    public var status: Int
    /// Header fields to send besides `Content-Length` and `Connection`.
    public var headers: [HeaderField]
    /// The body bytes.
    public var body: Data
    /// A body sent after ``body`` with no `Content-Length`, for tests of clients facing
    /// endless or huge answers; `nil` for an ordinary answer.
    public var stream: StreamedBody?

    /// Creates a response.
    /// - Parameters:
    ///   - status: the status code.
    ///   - headers: extra header fields.
    ///   - body: the body bytes.
    public init(status: Int, headers: [HeaderField] = [], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A response with a JSON body and `Content-Type: application/json`.
    /// - Parameters:
    ///   - status: the status code.
    ///   - json: the JSON text, sent as UTF-8.
    ///   - headers: extra header fields.
    /// - Returns: the response.
    public static func json(_ status: Int, _ json: String, headers: [HeaderField] = []) -> ServerResponse {
        ServerResponse(
            status: status,
            headers: [HeaderField(name: "Content-Type", value: "application/json")] + headers,
            body: Data(json.utf8))
    }

    /// Not an answer: the server closes the connection without writing anything, as a
    /// crashed or overloaded server would.
    public static let dropConnection = ServerResponse(status: 0)

    /// A `200` answer whose body is `chunk` repeated `count` times, or for ever when
    /// `count` is `nil`, each write after `pause`.
    /// - Parameters:
    ///   - chunk: the bytes repeated.
    ///   - count: how many times, or `nil` for an answer that never ends.
    ///   - pause: how long to wait before each chunk.
    ///   - headers: extra header fields.
    /// - Returns: the response.
    public static func streaming(
        _ chunk: Data, count: Int? = nil, pause: Duration = .zero, headers: [HeaderField] = []
    ) -> ServerResponse {
        var response = ServerResponse(status: 200, headers: headers)
        response.stream = StreamedBody(chunk: chunk, count: count, pause: pause)
        return response
    }

    /// A response with a plain-text body.
    /// - Parameters:
    ///   - status: the status code.
    ///   - text: the body text, sent as UTF-8.
    /// - Returns: the response.
    public static func text(_ status: Int, _ text: String) -> ServerResponse {
        ServerResponse(
            status: status,
            headers: [HeaderField(name: "Content-Type", value: "text/plain; charset=utf-8")],
            body: Data(text.utf8))
    }

    /// The standard reason phrase for `status`, e.g. `Not Found` for 404.
    /// - Parameter status: the status code.
    /// - Returns: the phrase, or `Status` for codes without a common one.
    public static func reasonPhrase(for status: Int) -> String {
        switch status {
        case 100: "Continue"
        case 200: "OK"
        case 201: "Created"
        case 202: "Accepted"
        case 204: "No Content"
        case 301: "Moved Permanently"
        case 302: "Found"
        case 307: "Temporary Redirect"
        case 308: "Permanent Redirect"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 408: "Request Timeout"
        case 411: "Length Required"
        case 413: "Content Too Large"
        case 415: "Unsupported Media Type"
        case 422: "Unprocessable Content"
        case 429: "Too Many Requests"
        case 431: "Request Header Fields Too Large"
        case 500: "Internal Server Error"
        case 501: "Not Implemented"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        default: "Status"
        }
    }
}

/// A body a ``LoopbackHTTPServer`` writes chunk by chunk until its count is reached, the
/// client goes away or the server stops.
public struct StreamedBody: Sendable, Hashable {
    /// The bytes repeated.
    public var chunk: Data
    /// How many times, or `nil` for ever.
    public var count: Int?
    /// The wait before each chunk.
    public var pause: Duration
}

