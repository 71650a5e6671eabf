import GRDB

extension StateStore {
    /// Starts recording one source of run `run`: everything ingested until ``endSource(run:keep:)``
    /// is one transaction, so a source whose read fails leaves the store as it was.
    ///
    /// Webhook readers never see a source half recorded either (WAL: they read the last
    /// commit). The transaction's pages go to the WAL until the commit: a first read of a
    /// million products needs about the store's size again on disk for a moment.
    /// - Throws: ``StoreError``.
    public func beginSource(run: Int64) throws {
        marks.save(run: run)
        do {
            try writer.writeWithoutTransaction { db in try db.beginTransaction(.immediate) }
        } catch {
            throw StoreError(location: location, operation: "start recording a source", underlying: error)
        }
        window.open()
    }

    /// Ends the source begun with ``beginSource(run:)``: commits what it recorded when `keep`,
    /// otherwise rolls it back and forgets which of its products the run had seen.
    /// - Throws: ``StoreError``.
    public func endSource(run: Int64, keep: Bool) throws {
        do {
            try writer.writeWithoutTransaction { db in
                guard db.isInsideTransaction else { return }
                if keep { try db.commit() } else { try db.rollback() }
            }
        } catch {
            throw StoreError(location: location, operation: keep ? "record a source" : "undo a failed source", underlying: error)
        }
        window.close()
        if keep { marks.discardSaved(run: run) } else { marks.restore(run: run) }
    }
}
