import FeedSyncCore

/// A query parameter the server cannot use; answered 400 with a JSON error naming it.
struct ParameterError: Error, Sendable {
    var parameter: String
    var message: String

    /// `{"error":{"parameter":...,"message":...}}`.
    var json: [UInt8] {
        var writer = JSONWriter(capacity: 128)
        writer.raw(#"{"error":{"parameter":"#)
        writer.string(parameter)
        writer.raw(#","message":"#)
        writer.string(message)
        writer.raw("}}")
        return writer.bytes
    }
}
