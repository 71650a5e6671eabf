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
