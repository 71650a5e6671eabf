/// Something found about one record: why it was rejected, or what looked wrong in a
/// record that was still used.
public protocol RecordFinding: Sendable, CustomStringConvertible {
    /// Where the record is.
    var location: RecordLocation { get }
    /// The product's id when it could be read, so a user can search for it.
    var pid: String? { get }
    /// The product field or source column concerned, when one is.
    var field: String? { get }
    /// What is wrong, in words a shop owner understands.
    var reason: String { get }
}

extension RecordFinding {
    /// `source: file:line (record N): pid P: field: reason`.
    public var description: String {
        var text = "\(location.source): \(location)"
        if let pid { text += ": pid \(pid)" }
        if let field { text += ": \(field)" }
        return text + ": " + reason
    }
}
