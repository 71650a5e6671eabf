/// An HTTP request method.
///
/// A struct over the method token rather than an enum so that a transport never has to
/// reject a method it does not know.
public struct HTTPMethod: Sendable, Hashable, RawRepresentable, CustomStringConvertible {
    /// The method token as sent on the request line, e.g. `POST`.
    public var rawValue: String

    /// Creates a method from its token.
    /// - Parameter rawValue: the token, e.g. `PATCH`.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// `GET`.
    public static let get = HTTPMethod(rawValue: "GET")
    /// `POST`.
    public static let post = HTTPMethod(rawValue: "POST")
    /// `PUT`.
    public static let put = HTTPMethod(rawValue: "PUT")
    /// `DELETE`.
    public static let delete = HTTPMethod(rawValue: "DELETE")
    /// `HEAD`.
    public static let head = HTTPMethod(rawValue: "HEAD")

    /// The method token.
    public var description: String { rawValue }
}
