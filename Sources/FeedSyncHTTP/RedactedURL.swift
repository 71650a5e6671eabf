import Foundation

/// How a URL is shown in logs, errors and reports: scheme, host, port and path only.
///
/// Query strings, fragments and user info are dropped because shops and proxies put
/// tokens there; a URL that reached a log is hard to take back.
public enum RedactedURL {
    /// `scheme://host[:port]/path` for `url`.
    /// - Parameter url: the URL to show.
    /// - Returns: the URL without user info, query or fragment.
    public static func string(for url: URL) -> String {
        guard let components = URLComponents(url: url, resolvingAgainstBaseURL: true),
              let scheme = components.scheme
        else {
            return "(unreadable URL)"
        }
        return "\(scheme)://\(hostAndPort(for: url))\(components.percentEncodedPath)"
    }

    /// `host` or `host:port` for `url`, with IPv6 literals in brackets.
    /// - Parameter url: the URL to show.
    /// - Returns: the host and, when the URL names one, the port.
    public static func hostAndPort(for url: URL) -> String {
        let components = URLComponents(url: url, resolvingAgainstBaseURL: true)
        var host = components?.host ?? "(no host)"
        if host.contains(":"), !host.hasPrefix("[") { host = "[\(host)]" }
        if let port = components?.port { return "\(host):\(port)" }
        return host
    }
}
