/// A fixed-size block of memory that frees itself; the storage behind ``RecordScratch``.
///
/// Only the owner of the enclosing `RecordScratch` writes to the memory, and it copies the
/// block before writing whenever the block is shared (copy on write), so handing the
/// reference across tasks is safe.
final class ScratchBuffer<Element: BitwiseCopyable>: @unchecked Sendable {
    let base: UnsafeMutablePointer<Element>
    let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
        self.base = .allocate(capacity: capacity)
    }

    /// A new block of `capacity` elements starting with this block's first `count`.
    func copy(count: Int, capacity: Int) -> ScratchBuffer {
        let copy = ScratchBuffer(capacity: capacity)
        copy.base.update(from: base, count: count)
        return copy
    }

    deinit {
        base.deallocate()
    }
}
