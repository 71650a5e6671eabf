import FeedSyncCore

extension JSONRecordReader {
    /// Reads one item, whose first token is `token`, into a record or a rejection.
    mutating func readItem(startingWith token: JSONToken) throws -> SourceEvent {
        itemCount += 1
        let location = RecordLocation(source: source, file: file, line: reader.tokenLine, record: nextRecord)
        nextRecord += 1
        builder.begin()
        var badTextOffset: Int?
        if token.isScalar {
            builder.add(scalarText(token))
            if token == .string, reader.textHasReplacements { badTextOffset = reader.tokenOffset }
        } else {
            builder.open()
            var depth = 1
            while depth > 0 {
                guard let next = try reader.next() else { break }
                switch next {
                case .beginObject, .beginArray:
                    builder.open()
                    depth += 1
                case .endObject, .endArray:
                    builder.close()
                    depth -= 1
                case .key:
                    builder.key(reader.textBytes.unsafeBytes)
                    if reader.textHasReplacements, badTextOffset == nil { badTextOffset = reader.tokenOffset }
                default:
                    builder.add(scalarText(next))
                    if next == .string, reader.textHasReplacements, badTextOffset == nil { badTextOffset = reader.tokenOffset }
                }
            }
        }
        if builder.overflowed {
            return .rejected(Rejection(
                location: location,
                reason: "the item is larger than the limit of \(options.maxRecordBytes) bytes or \(options.maxFieldsPerRecord) values; it was skipped"))
        }
        if let badTextOffset, options.invalidText == .rejectRecord {
            return .rejected(Rejection(
                location: location,
                reason: "the item has text that is not valid UTF-8 (at byte \(badTextOffset)); if the feed is not UTF-8, name its encoding in the mapping"))
        }
        let names = builder.fieldNames()
        return .record(SourceRecord(location: location, names: names, storage: builder.storage, ends: builder.ends))
    }

    /// A scalar token's text, in place (valid until the reader reads on).
    private func scalarText(_ token: JSONToken) -> UnsafeBufferPointer<UInt8> {
        switch token {
        case .string, .number: reader.textBytes.unsafeBytes
        case .true: Self.literal("true")
        case .false: Self.literal("false")
        default: UnsafeBufferPointer(start: nil, count: 0)
        }
    }

    /// A literal's bytes, from the binary's constant data.
    private static func literal(_ text: StaticString) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount)
    }
}
