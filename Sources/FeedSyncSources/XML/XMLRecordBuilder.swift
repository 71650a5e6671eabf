/// Collects one record's values while the reader walks its elements.
///
/// A value is the text directly inside an element (text and CDATA, entities decoded,
/// XML white space trimmed at both ends) or an attribute's value. Text is written straight
/// into the record's storage after the values before it; the rare element that has text
/// before a child element parks that text in its frame until the child closes. An element
/// with child elements gives a value only when its own text is not empty, so a
/// `<shipping>` wrapper is not a field but `<shipping><g:price>` is.
struct XMLRecordBuilder {
    private struct Frame {
        var name: Int32
        var hasChildren = false
        var parkedText: [UInt8] = []
    }

    /// The most bytes a record may hold, counting 16 per value for its bookkeeping.
    let maxSize: Int
    private var frames: [Frame] = []
    private var storage: [UInt8] = []
    /// Where the value being gathered starts in `storage`.
    private var valueStart = 0
    private var ends: [Int] = []
    private var shape: [Int32] = []
    private var size = 0
    /// Why the record will be rejected, once something made it unusable.
    private(set) var problem: String?

    init(maxSize: Int) {
        self.maxSize = maxSize
    }

    /// Whether a record is being read.
    var isOpen: Bool { !frames.isEmpty }

    /// The innermost open element's name, the parent of what comes next.
    var current: Int32 { frames.last?.name ?? XMLNameTable.recordRoot }

    /// Starts a record at its record element.
    mutating func begin() {
        frames.append(Frame(name: XMLNameTable.recordRoot))
        valueStart = storage.count
    }

    /// Opens a child element of the innermost open element.
    mutating func open(_ name: Int32) {
        let top = frames.count - 1
        frames[top].hasChildren = true
        if storage.count > valueStart {
            frames[top].parkedText = Array(storage[valueStart...])
            storage.removeSubrange(valueStart...)
        }
        frames.append(Frame(name: name))
    }

    /// Adds text to the innermost open element (or to the attribute being read).
    mutating func append(_ bytes: UnsafePointer<UInt8>, count: Int) {
        guard problem == nil else { return }
        var start = 0
        // Leading white space never survives trimming, so indentation is never copied.
        if storage.count == valueStart {
            while start < count, XMLSpace.contains(bytes[start]) { start += 1 }
        }
        guard start < count, reserve(count - start) else { return }
        storage.append(contentsOf: UnsafeBufferPointer(start: bytes + start, count: count - start))
    }

    /// Ends the value gathered since the last one as the field `name` (an attribute).
    mutating func emit(as name: Int32) {
        guard problem == nil, reserve(16) else { return }
        trimValue()
        ends.append(storage.count)
        shape.append(name)
        valueStart = storage.count
    }

    /// Closes the innermost open element.
    /// - Returns: whether that was the record element, so the record is complete.
    mutating func close() -> Bool {
        let frame = frames.removeLast()
        guard let top = frames.indices.last else {
            // The record element's own text is not a field: it is only indentation.
            if problem == nil { storage.removeSubrange(valueStart...) }
            return true
        }
        trimValue()
        if !(frame.hasChildren && storage.count == valueStart) { emit(as: frame.name) }
        if !frames[top].parkedText.isEmpty {
            if problem == nil { storage.append(contentsOf: frames[top].parkedText) }
            frames[top].parkedText = []
        }
        return false
    }

    /// Counts `bytes` of memory the record caused elsewhere against its size limit.
    mutating func account(_ bytes: Int) {
        guard problem == nil else { return }
        _ = reserve(bytes)
    }

    /// Marks the record as unusable; its values are dropped and the reason kept.
    mutating func reject(_ reason: String) {
        guard problem == nil else { return }
        problem = reason
        storage = []
        ends = []
        shape = []
        valueStart = 0
    }

    /// Hands out the finished record's values and starts afresh.
    /// - Returns: the values' bytes, their end offsets and the name of each.
    mutating func take() -> (storage: [UInt8], ends: [Int], shape: [Int32]) {
        let taken = (storage, ends, shape)
        // The next record is likely the same size; capped, so that one huge record does not
        // make every record after it reserve (and keep) as much.
        storage = []
        storage.reserveCapacity(min(taken.0.count, 1 << 16))
        ends = []
        ends.reserveCapacity(min(taken.1.count, 1 << 10))
        shape.removeAll(keepingCapacity: true)
        valueStart = 0
        size = 0
        return taken
    }

    /// Clears a rejected record's state for the next record.
    mutating func discard() {
        frames.removeAll()
        storage = []
        ends = []
        shape = []
        valueStart = 0
        size = 0
        problem = nil
    }

    /// Drops trailing white space from the value being gathered.
    private mutating func trimValue() {
        while storage.count > valueStart, let last = storage.last, XMLSpace.contains(last) { storage.removeLast() }
    }

    /// Counts `count` more bytes against the limit, rejecting the record past it.
    private mutating func reserve(_ count: Int) -> Bool {
        size += count
        if size <= maxSize { return true }
        reject("the record is larger than \(Self.describe(bytes: maxSize)), the most one record may hold "
            + "(raise the maximum record size if the feed really has records this large)")
        return false
    }

    /// `16 MiB`, `64 KiB` or `1000 bytes`.
    static func describe(bytes: Int) -> String {
        if bytes >= 1 << 20, bytes % (1 << 20) == 0 { return "\(bytes >> 20) MiB" }
        if bytes >= 1 << 10, bytes % (1 << 10) == 0 { return "\(bytes >> 10) KiB" }
        return "\(bytes) bytes"
    }
}
