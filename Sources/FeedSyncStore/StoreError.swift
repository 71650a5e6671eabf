import FeedSyncCore
import GRDB

/// The state store could not be opened, read or written.
public struct StoreError: UserFacingError {
    /// The store's file.
    public var location: String
    /// What was being done (`open`, `record acknowledged batch`...).
    public var operation: String
    /// SQLite's or the system's reason.
    public var reason: String

    init(location: String, operation: String, reason: String) {
        self.location = location
        self.operation = operation
        self.reason = reason
    }

    init(location: String, operation: String, underlying: any Error) {
        self.location = location
        self.operation = operation
        if let database = underlying as? DatabaseError {
            // The message only: DatabaseError's description includes the SQL and its arguments.
            reason = database.message ?? "SQLite error \(database.resultCode.rawValue)"
            if database.resultCode == .SQLITE_FULL { reason += " (the disk is full)" }
            // A write refused by the system (no space, a file size limit, a failing disk)
            // surfaces as an I/O error; SQLite rolled the transaction back.
            if database.resultCode == .SQLITE_IOERR {
                reason += " (is the disk full or failing? the transaction was rolled back; run again when it is fixed)"
            }
        } else {
            reason = "\(underlying)"
        }
    }

    public var kind: FailureKind { .run }
    public var description: String { "state store \(location): cannot \(operation): \(reason)" }
}
