import FeedSyncCore
import FeedSyncHTTP
import Foundation

/// What the planner needs to know about a page that was just read.
struct PageSummary: Sendable {
    /// The page's ordinal in this read, 1-based.
    var number: Int
    /// The URL it was fetched from.
    var url: URL
    /// How many items it held.
    var itemCount: Int
    /// The values at the metadata pointers.
    var metadata: [JSONPointer: String]
    /// The answer's header fields.
    var headers: HTTPHeaders
    /// A hash of the body, to notice a server that ignores the page parameter.
    var bodyHash: UInt64
}

/// A hash of a page's body: enough to tell whether two page bodies are the same.
enum BodyHash {
    static func of(_ data: Data) -> UInt64 {
        data.withUnsafeBytes { XXH64.hash($0) }
    }
}
