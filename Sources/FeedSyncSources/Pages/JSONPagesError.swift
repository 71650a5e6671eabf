import FeedSyncCore

/// Paging went wrong: a page is not the JSON expected, the pages loop, there are more of
/// them than allowed, or a page contradicts the paging information.
///
/// The read stops; the description names the endpoint (without query), the page and the
/// reason, e.g. `https://shop.example/api/products page 3: its next link points back to
/// page 2 (...); following it would loop for ever`.
public struct JSONPagesError: UserFacingError, Hashable {
    /// What went wrong.
    public enum Problem: Sendable, Hashable {
        /// The page's body is not well-formed JSON, or has no items where they should be.
        case malformedPage
        /// A next link points to a page already read.
        case loop
        /// A page has the very same content as the one before (the server ignores the
        /// page parameter).
        case repeatedPage
        /// More pages than ``JSONPagesOptions/maxPages``.
        case tooManyPages
        /// A page is empty although the paging information says more follow.
        case contradiction
        /// A next link is not a usable URL.
        case badNextLink
    }

    /// The endpoint, file or folder as shown to users.
    public var location: String
    /// The page concerned, 1 for the first page read.
    public var page: Int
    /// What went wrong.
    public var problem: Problem
    /// The details, with what to do.
    public var reason: String

    /// Creates an error.
    /// - Parameters:
    ///   - location: the endpoint as shown to users.
    ///   - page: the page concerned.
    ///   - problem: what went wrong.
    ///   - reason: the details.
    public init(location: String, page: Int, problem: Problem, reason: String) {
        self.location = location
        self.page = page
        self.problem = problem
        self.reason = reason
    }

    /// The source could not be read to its end: ``FailureKind/run``.
    public var kind: FailureKind { .run }

    /// `location page N: reason; the read stopped and the catalog is incomplete`.
    public var description: String {
        "\(location) page \(page): \(reason); the read stopped and the catalog is incomplete"
    }
}
