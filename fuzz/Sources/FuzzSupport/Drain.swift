import FeedSyncSources

/// Pulls events from `next` until the end or the first error, decoding every value of
/// every record, so the fuzzer reaches the lazy UTF-8 decoding too. An error is a valid
/// outcome for hostile input; only a crash, a hang or a sanitizer report is a finding.
/// - Parameter next: the reader's `next()`.
public func drainEvents(_ next: () throws -> SourceEvent?) {
    while true {
        guard let event = try? next() else { return }
        if case .record(let record) = event {
            for index in 0..<record.count { _ = record.value(at: index) }
        }
    }
}
