import FeedSyncCore

/// What a source's pull iterator yields for each record it reads.
public enum SourceEvent: Sendable {
    /// A record ready for mapping.
    case record(SourceRecord)
    /// A record the source could not read, with where and why.
    case rejected(Rejection)

    /// The record, when this event is one.
    public var record: SourceRecord? {
        if case .record(let record) = self { record } else { nil }
    }

    /// The rejection, when this event is one.
    public var rejection: Rejection? {
        if case .rejected(let rejection) = self { rejection } else { nil }
    }
}
