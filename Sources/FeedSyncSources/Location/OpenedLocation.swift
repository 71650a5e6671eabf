/// A location opened for reading: UTF-8 bytes, inflated and transcoded as needed.
public struct OpenedLocation: Sendable {
    /// The bytes to read.
    public var stream: any ByteStream
    /// The location as shown to users (a path, or a URL without query).
    public var name: String
    /// Whether the content was gzip data that is inflated while reading.
    public var wasCompressed: Bool

    /// Creates an opened location.
    /// - Parameters:
    ///   - stream: the bytes.
    ///   - name: the location as shown to users.
    ///   - wasCompressed: whether the content is being inflated.
    public init(stream: any ByteStream, name: String, wasCompressed: Bool) {
        self.stream = stream
        self.name = name
        self.wasCompressed = wasCompressed
    }
}
