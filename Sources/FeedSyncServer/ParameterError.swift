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

    /// `value` as a finite number (digits, sign, point, exponent; no `inf`/`nan`), for both endpoints' filters.
    static func number(_ value: String, _ name: String) throws(ParameterError) -> Double {
        guard value.unicodeScalars.allSatisfy({ "0123456789.-+eE".unicodeScalars.contains($0) }),
              let number = Double(value), number.isFinite
        else {
            throw ParameterError(parameter: name, message: "expected a number, got '\(value.prefix(40))'")
        }
        return number
    }
}
