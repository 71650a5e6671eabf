/// The RFC 4180 state machine behind ``CSVReader``: consumes chunks of bytes and builds one
/// record at a time.
///
/// It is resumable at any byte: all state lives in stored properties, so a chunk boundary
/// may fall inside a field, between a CR and its LF, or between two quotes of a `""` pair.
/// Kept apart from the buffering in ``CSVReader`` so the hot loop sees only locals, a
/// pointer and its own state.
struct CSVRecordParser {
    private enum State {
        /// Between records: line breaks here are blank lines and are skipped.
        case recordStart
        /// At the first byte of a field, which decides whether it is quoted.
        case fieldStart
        case unquoted
        case quoted
        /// Just after a quote inside a quoted field: a doubled quote or the field's end.
        case afterQuote
    }

    private let delimiter: UInt8
    private let maxRecordSize: Int

    private var state = State.recordStart
    /// The physical line of the next byte, 1-based.
    private var line = 1
    /// Whether the last byte consumed was a CR, so that a following LF completes a CRLF
    /// pair instead of ending another line, even when a chunk boundary separates them.
    private var previousWasCR = false
    private var recordLine = 1
    /// The stream offset the record in progress may reach: its first byte's offset plus
    /// the maximum record size; `Int.min` once it passed that. One comparison per field
    /// instead of a flag test, a subtraction and a comparison.
    private var recordLimit = Int.max
    /// Where the last opened quoted field began, for the unterminated-quote message.
    private var quoteLine = 0
    private var record = RecordScratch()
    /// Why the record in progress will be reported as malformed, once it is complete.
    private var problem: String?
    /// Set when the record passed the size limit; its bytes are dropped from then on.
    private var oversized = false

    /// Creates a parser positioned before the first record.
    /// - Parameters:
    ///   - delimiter: the field separator byte.
    ///   - maxRecordSize: the most bytes one record may span.
    ///   - firstLine: the physical line of the first byte parsed (2 after a `sep=` line).
    init(delimiter: UInt8, maxRecordSize: Int, firstLine: Int = 1) {
        self.delimiter = delimiter
        self.maxRecordSize = maxRecordSize
        self.line = firstLine
    }

    /// Call before scanning: copies record memory shared with a copy of this parser.
    mutating func prepareForWriting() {
        record.makeUnique()
    }

    /// Consumes `base[from..<end]` until a record is complete or the bytes run out.
    /// - Parameters:
    ///   - base: the chunk.
    ///   - from: the first unread byte.
    ///   - end: one past the last valid byte.
    ///   - chunkOffset: the stream offset of `base[0]`.
    /// - Returns: the next unread index, and whether a record is ready for
    ///   ``takeRecord()``.
    mutating func scan(
        _ base: UnsafePointer<UInt8>, from: Int, to end: Int, chunkOffset: Int
    ) -> (next: Int, completed: Bool) {
        let delimiter = self.delimiter
        let lineFeed = ASCII.lineFeed, carriageReturn = ASCII.carriageReturn, quote = ASCII.quote
        var index = from
        while index < end {
            switch state {
            case .recordStart:
                let byte = base[index]
                if byte == lineFeed {
                    if !previousWasCR { line += 1 }
                    previousWasCR = false
                    index += 1
                } else if byte == carriageReturn {
                    line += 1
                    previousWasCR = true
                    index += 1
                } else {
                    previousWasCR = false
                    recordLine = line
                    let start = chunkOffset &+ index
                    recordLimit = start > Int.max &- maxRecordSize ? Int.max : start &+ maxRecordSize
                    state = .fieldStart
                }

            case .fieldStart, .unquoted:
                // Unquoted fields follow each other without a trip through the `switch`:
                // its indirect jump mispredicts on every field of a row of short values.
                while true {
                    if state == .fieldStart {
                        if index == end { return (end, false) }
                        let byte = base[index]
                        if byte == quote {
                            quoteLine = line
                            state = .quoted
                            index &+= 1
                            break
                        } else if byte == delimiter {
                            endField(atOffset: chunkOffset &+ index)
                            index &+= 1
                            continue
                        } else if byte == lineFeed || byte == carriageReturn {
                            endField(atOffset: chunkOffset &+ index)
                            endLine(with: byte)
                            return (index &+ 1, true)
                        }
                        state = .unquoted
                    }
                    let stop = ByteScanner.firstIndex(
                        in: base, from: index, to: end, delimiter, lineFeed, carriageReturn, quote)
                    append(base + index, count: stop &- index, endOffset: chunkOffset &+ stop)
                    if stop == end { return (end, false) }
                    let byte = base[stop]
                    index = stop &+ 1
                    if byte == delimiter {
                        endField(atOffset: chunkOffset &+ stop)
                        state = .fieldStart
                    } else if byte == quote {
                        // Lenient on purpose: `12" pizza` keeps its quote (see CSVReader).
                        append(base + stop, count: 1, endOffset: chunkOffset &+ index)
                    } else {
                        endField(atOffset: chunkOffset &+ stop)
                        endLine(with: byte)
                        return (index, true)
                    }
                }

            case .quoted:
                let stop = ByteScanner.firstIndex(in: base, from: index, to: end, quote, lineFeed, carriageReturn)
                if stop > index {
                    previousWasCR = false
                    append(base + index, count: stop &- index, endOffset: chunkOffset &+ stop)
                }
                if stop == end { return (end, false) }
                let byte = base[stop]
                index = stop &+ 1
                if byte == quote {
                    previousWasCR = false
                    state = .afterQuote
                } else {
                    // A line break inside the field: kept as written, counted as a line.
                    if byte == carriageReturn {
                        line &+= 1
                        previousWasCR = true
                    } else {
                        if !previousWasCR { line &+= 1 }
                        previousWasCR = false
                    }
                    append(base + stop, count: 1, endOffset: chunkOffset &+ index)
                }

            case .afterQuote:
                let byte = base[index]
                if byte == quote {
                    append(base + index, count: 1, endOffset: chunkOffset &+ index &+ 1)
                    state = .quoted
                    index &+= 1
                } else if byte == delimiter {
                    endField(atOffset: chunkOffset &+ index)
                    state = .fieldStart
                    index &+= 1
                } else if byte == lineFeed || byte == carriageReturn {
                    endField(atOffset: chunkOffset &+ index)
                    endLine(with: byte)
                    return (index &+ 1, true)
                } else {
                    // `"a"b`: no reading of it is safe, so the record is reported; parsing
                    // goes on as if unquoted to find where the record ends.
                    if problem == nil {
                        problem = "field \(record.fieldCount + 1) has text after its closing quote; "
                            + "a quote inside a quoted field must be doubled (\"\")"
                    }
                    state = .unquoted
                }
            }
        }
        return (end, false)
    }

    /// Completes the record in progress at the end of the stream.
    /// - Parameter offset: the stream offset of the end.
    /// - Returns: the last record, or `nil` when none was in progress.
    mutating func finish(atOffset offset: Int) -> CSVReaderEvent? {
        switch state {
        case .recordStart:
            return nil
        case .quoted:
            if problem == nil {
                problem = "quoted field \(record.fieldCount + 1), opened on line \(quoteLine), "
                    + "is never closed: a closing quote is missing"
            }
        case .fieldStart, .unquoted, .afterQuote:
            endField(atOffset: offset)
        }
        state = .recordStart
        return takeRecord()
    }

    /// Hands over the completed record and starts a new one.
    /// - Returns: the record, or why it is malformed.
    mutating func takeRecord() -> CSVReaderEvent {
        let event: CSVReaderEvent
        if oversized {
            event = .malformed(MalformedCSVRow(
                line: recordLine,
                reason: "record is larger than the maximum record size of \(Self.describe(size: maxRecordSize)); "
                    + "a quote may be missing, or raise the limit"))
        } else if let problem {
            event = .malformed(MalformedCSVRow(line: recordLine, reason: problem))
        } else {
            event = .row(record.makeRow(line: recordLine))
        }
        record.removeAll()
        problem = nil
        oversized = false
        return event
    }

    // MARK: - Building the record

    @inline(__always)
    private mutating func append(_ start: UnsafePointer<UInt8>, count: Int, endOffset: Int) {
        guard count > 0 else { return }
        guard endOffset <= recordLimit else { return passLimit() }
        record.append(start, count: count)
    }

    @inline(__always)
    private mutating func endField(atOffset offset: Int) {
        guard offset <= recordLimit else { return passLimit() }
        record.endField()
    }

    @inline(__always)
    private mutating func endLine(with byte: UInt8) {
        line += 1
        previousWasCR = byte == ASCII.carriageReturn
        state = .recordStart
    }

    /// The record passed the size limit: the first time, frees what it holds so far; the
    /// rest of it is read but not kept.
    private mutating func passLimit() {
        guard !oversized else { return }
        oversized = true
        recordLimit = Int.min
        record.release()
    }

    /// `16 MiB`, `64 KiB` or `100 bytes`.
    static func describe(size: Int) -> String {
        if size >= 1 << 20, size % (1 << 20) == 0 { return "\(size >> 20) MiB" }
        if size >= 1 << 10, size % (1 << 10) == 0 { return "\(size >> 10) KiB" }
        return "\(size) bytes"
    }
}
