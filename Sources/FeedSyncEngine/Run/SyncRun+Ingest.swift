import FeedSyncCore
import FeedSyncStore
import Foundation

extension SyncRun {
    /// Reads one source into the store in chunks; returns whether it was read to its end.
    ///
    /// The source is recorded in one transaction: a source that breaks off leaves the store
    /// as it was (nothing of it recorded, sent or withdrawn), because a partial catalog
    /// must neither look complete nor push part of itself.
    func ingest(_ source: PreparedSource, run: Int64, now: Date, report: inout RunReport, rejection: (Rejection) -> Void) async throws -> Bool {
        let name = source.configuration.name
        var pending = ChunkState(
            source: name, hasOwnCreatedAt: source.mapping.fields[.createdAt] != nil,
            hasOwnUpdatedAt: source.mapping.fields[.updatedAt] != nil)
        var complete = true
        let readSoFar = report.read
        try store.beginSource(run: run)
        do {
            do {
                try await reader.read(source, into: &report, rejection: rejection) { product, location in
                    pending.append(product, at: location)
                    if pending.products.count == Self.chunkSize {
                        try record(&pending, run: run, now: now)
                        progress(SyncProgress(phase: .reading, read: readSoFar + pending.recorded, sent: 0, batches: 0, toSend: nil))
                    }
                }
                try record(&pending, run: run, now: now)
            } catch let error as StoreError {
                throw error
            } catch let error as any UserFacingError where error.kind == .run {
                complete = false
                report.errors.append("\(name): the read stopped early, so nothing of this source is recorded, sent or withdrawn: \(error.description)")
            }
            try store.endSource(run: run, keep: complete)
        } catch {
            try? store.endSource(run: run, keep: false)
            throw error
        }
        if !complete {
            // What the store rolled back is not counted either; its rejections stay listed.
            pending = ChunkState(source: name, hasOwnCreatedAt: pending.hasOwnCreatedAt, hasOwnUpdatedAt: pending.hasOwnUpdatedAt)
        }
        report.new += pending.tally.new
        report.changed += pending.tally.changed
        report.unchanged += pending.tally.unchanged
        for duplicate in pending.duplicates {
            report.record(duplicate)
            rejection(duplicate)
        }
        if var plan = report.plan {
            let listed = RunReport.Plan.listed
            plan.new += pending.plan.new.prefix(max(0, listed - plan.new.count))
            plan.changed += pending.plan.changed.prefix(max(0, listed - plan.changed.count))
            plan.unchanged += pending.plan.unchanged.prefix(max(0, listed - plan.unchanged.count))
            report.plan = plan
        }
        if !options.dryRun { try store.recordSource(name, complete: complete, run: run) }
        return complete
    }

    private func record(_ pending: inout ChunkState, run: Int64, now: Date) throws {
        guard !pending.products.isEmpty else { return }
        let changes = try store.ingest(pending.products, destination: Self.destination, run: run, now: now, dryRun: options.dryRun)
        for (index, change) in changes.enumerated() {
            pending.count(change, index: index)
        }
        pending.recorded += pending.products.count
        pending.products.removeAll(keepingCapacity: true)
        pending.locations.removeAll(keepingCapacity: true)
    }
}

/// Products waiting to be recorded, and what the recorded ones were.
struct ChunkState {
    let source: String
    let hasOwnCreatedAt: Bool
    let hasOwnUpdatedAt: Bool
    var products: [IncomingProduct] = []
    var locations: [RecordLocation] = []
    var tally = RunReport()
    var plan = RunReport.Plan()
    var duplicates: [Rejection] = []
    /// Products recorded in the store so far.
    var recorded = 0

    init(source: String, hasOwnCreatedAt: Bool, hasOwnUpdatedAt: Bool) {
        self.source = source
        self.hasOwnCreatedAt = hasOwnCreatedAt
        self.hasOwnUpdatedAt = hasOwnUpdatedAt
    }

    mutating func append(_ product: Product, at location: RecordLocation) {
        products.append(IncomingProduct(
            product: product, location: location, hasOwnCreatedAt: hasOwnCreatedAt, hasOwnUpdatedAt: hasOwnUpdatedAt))
        locations.append(location)
    }

    mutating func count(_ change: ProductChange, index: Int) {
        let pid = products[index].product.pid
        let listed = RunReport.Plan.listed
        switch change {
        case .new:
            tally.new += 1
            if plan.new.count < listed { plan.new.append(pid) }
        case .changed:
            tally.changed += 1
            if plan.changed.count < listed { plan.changed.append(pid) }
        case .unchanged:
            tally.unchanged += 1
            if plan.unchanged.count < listed { plan.unchanged.append(pid) }
        case .duplicate(let earlier):
            duplicates.append(Rejection(
                location: locations[index], pid: pid,
                reason: "duplicate pid: this record replaces the one at \(earlier), which is not sent"))
        }
    }
}
