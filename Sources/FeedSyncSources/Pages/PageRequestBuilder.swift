import FeedSyncHTTP
import Foundation

/// Builds the request for one page: the paging parameters in the query, a form body or a
/// JSON body, and the configured header fields.
struct PageRequestBuilder: Sendable {
    let endpoint: URL
    let options: JSONPagesOptions

    /// The request for a page by number and/or offset (`nil` leaves that parameter out).
    func request(page: Int?, offset: Int?) -> HTTPRequest {
        var numbers: [(String, Int)] = []
        if let page { numbers.append((options.pageParameter, page)) }
        if let offset { numbers.append((options.offsetParameter, offset)) }
        if let name = options.sizeParameter, let size = options.effectivePageSize { numbers.append((name, size)) }
        let extras = options.extraParameters.sorted { $0.key < $1.key }
        var url = endpoint
        var body = Data()
        var headers = baseHeaders()
        switch options.parameters {
        case .query:
            var components = URLComponents(url: endpoint, resolvingAgainstBaseURL: true)
            let names = Set(numbers.map(\.0) + extras.map(\.key))
            var items = (components?.queryItems ?? []).filter { !names.contains($0.name) }
            items += numbers.map { URLQueryItem(name: $0.0, value: String($0.1)) }
            items += extras.map { URLQueryItem(name: $0.key, value: $0.value) }
            components?.queryItems = items.isEmpty ? nil : items
            url = components?.url ?? endpoint
        case .form:
            let pairs = numbers.map { ($0.0, String($0.1)) } + extras.map { ($0.key, $0.value) }
            body = Data(pairs.map { Self.formEncode($0.0) + "=" + Self.formEncode($0.1) }.joined(separator: "&").utf8)
            if headers["Content-Type"] == nil { headers["Content-Type"] = "application/x-www-form-urlencoded" }
        case .json:
            let members = numbers.map { "\(Self.jsonString($0.0)):\($0.1)" } + extras.map { "\(Self.jsonString($0.key)):\(Self.jsonString($0.value))" }
            body = Data(("{" + members.joined(separator: ",") + "}").utf8)
            if headers["Content-Type"] == nil { headers["Content-Type"] = "application/json" }
        }
        return HTTPRequest(method: options.method, url: url, headers: headers, body: body, timeout: options.timeout)
    }

    /// The request for a next page whose URL the server gave: `GET`, headers only.
    func request(following url: URL) -> HTTPRequest {
        HTTPRequest(method: .get, url: url, headers: baseHeaders(), timeout: options.timeout)
    }

    private func baseHeaders() -> HTTPHeaders {
        var headers = HTTPHeaders()
        for (name, value) in options.headers.sorted(by: { $0.key < $1.key }) { headers.add(name: name, value: value) }
        if headers["Accept"] == nil { headers["Accept"] = "application/json" }
        return headers
    }

    /// `application/x-www-form-urlencoded` encoding of one name or value.
    static func formEncode(_ text: String) -> String {
        // ASCII only: `CharacterSet.alphanumerics` would let Persian letters through raw.
        let allowed = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._*")
        let encoded = text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
        return encoded.replacingOccurrences(of: "%20", with: "+")
    }

    /// `text` as a JSON string literal.
    static func jsonString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
