/// Makes a product, image or category link absolute, http(s) and safe to send.
///
/// - `https://shop.example/a.jpg` is kept; the scheme is lower-cased (`HTTPS://` → `https://`).
/// - `//cdn.example/a.jpg` takes the base's scheme, or `https` without a base.
/// - `www.shop.example/a` (a host written without scheme) gets `https://`.
/// - A relative link is resolved against the base: either as a browser would against a
///   page (RFC 3986: `/a.jpg` from the site's root, `a.jpg` next to the base, `../`
///   removed), or appended to a folder (Magento's `/m/h/mh01.jpg` under
///   `media/catalog/product`).
/// - Characters a URL cannot carry are percent-encoded as UTF-8 after the host: non-ASCII
///   letters (`/محصول/کفش` → `/%D9%85…`), spaces, ``"<>\^`{|}``, and a `%` that starts no
///   escape. Existing escapes are kept, so encoding twice changes nothing. The host is
///   left as written (no punycode).
///
/// Refused, with a ``TransformError`` that rejects the record: other schemes
/// (`javascript:`, `data:`, `ftp:`, `mailto:`), a link without a host (`http:///a`), a host
/// with spaces or markup characters, and a relative link when there is no base.
public struct URLResolver: Sendable, Hashable {
    /// What relative links are made absolute against.
    public enum Base: Sendable, Hashable {
        /// A page address: relative links resolve as a browser resolves them on that page.
        case page(String)
        /// A folder: relative paths are appended to it, a leading `/` included.
        case folder(String)
    }

    /// The transform's name in errors and mapping files.
    public static let transformName = "absolute_url"

    /// The base, or `nil` when relative links cannot be resolved.
    public let base: Base?
    private let baseParts: Parts?

    /// Creates a resolver.
    /// - Parameter base: what relative links resolve against; `nil` refuses them.
    public init(base: Base?) {
        self.base = base
        switch base {
        case .page(let text)?: baseParts = Parts(Array(text.utf8))
        case .folder(let text)?: baseParts = Parts(Array(text.utf8))
        case nil: baseParts = nil
        }
    }

    /// Resolves one link.
    /// - Parameter text: the link as the feed has it; surrounding blanks are ignored.
    /// - Returns: the absolute, encoded URL; empty for an empty cell.
    /// - Throws: ``TransformError`` naming the link and why it cannot be used.
    public func resolve(_ text: String) throws(TransformError) -> String {
        if Self.isFinished(text) { return text }
        let trimmed = TextTransform.trim(text)
        if trimmed.isEmpty { return "" }
        let bytes = Array(trimmed.utf8)
        let absolute: [UInt8]
        if let colon = Self.schemeEnd(bytes) {
            let scheme = bytes[..<colon].map { $0 | 0x20 }
            guard scheme.elementsEqual("http".utf8) || scheme.elementsEqual("https".utf8) else {
                throw error(trimmed, "only http and https links are accepted, not \(String(decoding: scheme, as: UTF8.self)):")
            }
            absolute = scheme + bytes[colon...]
        } else if bytes.starts(with: "//".utf8) {
            absolute = Array((baseParts?.scheme ?? "https").utf8) + [UInt8(ascii: ":")] + bytes
        } else if bytes.count > 4, bytes[..<4].map({ $0 | 0x20 }).elementsEqual("www.".utf8) {
            absolute = Array("https://".utf8) + bytes
        } else {
            guard let base, let baseParts, baseParts.scheme != nil else {
                throw error(trimmed, "is a relative link and there is no base to resolve it against; set base_url on the source")
            }
            switch base {
            case .folder:
                var folder = baseParts.whole
                while folder.last == UInt8(ascii: "/") { folder.removeLast() }
                absolute = folder + [UInt8(ascii: "/")] + bytes.drop { $0 == UInt8(ascii: "/") }
            case .page:
                absolute = baseParts.resolve(bytes)
            }
        }
        return try encoded(absolute, original: trimmed)
    }

    /// Whether `text` is already what ``resolve(_:)`` makes of it: a lower-case `http://` or
    /// `https://` URL of printable ASCII with a plain host (no `@`, not empty, no leading
    /// `:`) and nothing to escape. Most links of a feed are; checking costs one pass over
    /// the bytes, where resolving copies them three times.
    static func isFinished(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            let prefix: Int
            if bytes.starts(with: "https://".utf8) {
                prefix = 8
            } else if bytes.starts(with: "http://".utf8) {
                prefix = 7
            } else {
                return false
            }
            var index = prefix
            var inHost = true
            while index < bytes.count {
                let byte = bytes[index]
                guard byte > 0x20, byte < 0x7F, !isUnsafe(byte) else { return false }
                if inHost {
                    if byte == UInt8(ascii: "/") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "#") {
                        guard index > prefix else { return false }
                        inHost = false
                    } else if byte == UInt8(ascii: "@") || (index == prefix && byte == UInt8(ascii: ":")) {
                        return false
                    }
                }
                if byte == UInt8(ascii: "%") {
                    guard index + 2 < bytes.count, isHex(bytes[index + 1]), isHex(bytes[index + 2]) else { return false }
                }
                index += 1
            }
            return index > prefix
        } ?? false
    }

    /// Checks the host and percent-encodes what follows it.
    private func encoded(_ url: [UInt8], original: String) throws(TransformError) -> String {
        // The scheme is http or https by now; "://" must follow it.
        guard let colon = url.firstIndex(of: UInt8(ascii: ":")), url[colon...].starts(with: "://".utf8) else {
            throw error(original, "has no host (expected http://host/…)")
        }
        let hostStart = colon + 3
        let hostEnd = url[hostStart...].firstIndex { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") } ?? url.endIndex
        let authority = url[hostStart..<hostEnd]
        let host = authority.split(separator: UInt8(ascii: "@")).last ?? authority[...]
        guard !host.isEmpty, host.first != UInt8(ascii: ":") else { throw error(original, "has no host (expected http://host/…)") }
        if host.contains(where: { $0 <= 0x20 || Self.isUnsafe($0) }) {
            throw error(original, "has an invalid host")
        }
        let rest = url[hostEnd...]
        if !rest.indices.contains(where: { Self.needsEscape(rest, at: $0) }) { return String(decoding: url, as: UTF8.self) }
        var output = Array(url[..<hostEnd])
        output.reserveCapacity(url.count + 16)
        for index in rest.indices {
            let byte = rest[index]
            if Self.needsEscape(rest, at: index) {
                PercentEncoding.appendEscape(byte, to: &output)
            } else {
                output.append(byte)
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    private func error(_ text: String, _ reason: String) -> TransformError {
        TransformError(transform: Self.transformName, value: text, reason: reason)
    }

    /// Characters RFC 3986 does not allow anywhere in a URL (a switch, not a set: this runs
    /// for every byte of every link).
    private static func isUnsafe(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: " "), UInt8(ascii: "\""), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\\"), UInt8(ascii: "^"),
            UInt8(ascii: "`"), UInt8(ascii: "{"), UInt8(ascii: "|"), UInt8(ascii: "}"):
            true
        default: false
        }
    }

    private static func needsEscape(_ bytes: ArraySlice<UInt8>, at index: Int) -> Bool {
        let byte = bytes[index]
        if byte >= 0x80 || byte < 0x20 || byte == 0x7F || isUnsafe(byte) { return true }
        guard byte == UInt8(ascii: "%") else { return false }
        // A `%` starting an escape stays; a lone one is encoded as %25.
        guard index + 2 < bytes.endIndex else { return true }
        return !(isHex(bytes[index + 1]) && isHex(bytes[index + 2]))
    }

    private static func isHex(_ byte: UInt8) -> Bool {
        switch byte | 0x20 {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "f"): true
        default: false
        }
    }

    /// The index of the `:` ending a scheme (`[A-Za-z][A-Za-z0-9+.-]*:`), if the link has one.
    static func schemeEnd(_ bytes: [UInt8]) -> Int? {
        guard let first = bytes.first, (first | 0x20) >= UInt8(ascii: "a"), (first | 0x20) <= UInt8(ascii: "z") else { return nil }
        for (index, byte) in bytes.enumerated().dropFirst() {
            switch byte {
            case UInt8(ascii: ":"): return index
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
                continue
            default: return nil
            }
        }
        return nil
    }

    /// A base URL split into the pieces reference resolution needs.
    private struct Parts: Sendable, Hashable {
        var whole: [UInt8]
        var scheme: String?
        /// `scheme://authority`, without a trailing slash.
        var origin: [UInt8]
        var path: [UInt8]
        var query: [UInt8]

        init(_ bytes: [UInt8]) {
            whole = bytes
            guard let colon = URLResolver.schemeEnd(bytes), bytes[colon...].starts(with: "://".utf8) else {
                scheme = nil
                origin = []
                path = []
                query = []
                return
            }
            scheme = String(decoding: bytes[..<colon].map { $0 | 0x20 }, as: UTF8.self)
            let hostStart = colon + 3
            let pathStart = bytes[hostStart...].firstIndex { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") } ?? bytes.endIndex
            origin = Array(bytes[..<pathStart])
            let tail = bytes[pathStart...].prefix { $0 != UInt8(ascii: "#") }
            let queryStart = tail.firstIndex(of: UInt8(ascii: "?")) ?? tail.endIndex
            path = Array(tail[..<queryStart])
            query = Array(tail[queryStart...])
        }

        /// RFC 3986 section 5.2 for the reference forms feeds contain.
        func resolve(_ reference: [UInt8]) -> [UInt8] {
            switch reference.first {
            case UInt8(ascii: "?"): return origin + pathOrRoot + reference
            case UInt8(ascii: "#"): return origin + pathOrRoot + query + reference
            case UInt8(ascii: "/"): return origin + Self.removingDotSegments(reference)
            default:
                let directory = pathOrRoot[...(pathOrRoot.lastIndex(of: UInt8(ascii: "/")) ?? 0)]
                return origin + Self.removingDotSegments(Array(directory) + reference)
            }
        }

        private var pathOrRoot: [UInt8] { path.isEmpty ? [UInt8(ascii: "/")] : path }

        /// Removes `.` and `..` segments from the path part of `reference` (not from its query).
        static func removingDotSegments(_ reference: [UInt8]) -> [UInt8] {
            let end = reference.firstIndex { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") } ?? reference.endIndex
            let path = reference[..<end]
            guard path.contains(UInt8(ascii: ".")) else { return reference }
            let segments = path.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
            var output: [ArraySlice<UInt8>] = []
            for (index, segment) in segments.enumerated() {
                let isLast = index == segments.count - 1
                if segment.elementsEqual(".".utf8) {
                    if isLast { output.append([]) }
                } else if segment.elementsEqual("..".utf8) {
                    if output.count > 1 { output.removeLast() }
                    if isLast { output.append([]) }
                } else {
                    output.append(segment)
                }
            }
            return Array(output.joined(separator: [UInt8(ascii: "/")])) + reference[end...]
        }
    }
}
