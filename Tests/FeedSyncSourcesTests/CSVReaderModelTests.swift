import FeedSyncSources
import Testing

/// The reader against a plain byte-at-a-time model of the same rules, on seeded random
/// inputs: checks the word-at-a-time scanning and the chunk handling, not just examples.
struct CSVReaderModelTests {
    /// SplitMix64: small, seedable, the same on every platform.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Bytes that matter to the reader, their look-alikes with the high bit set (which the
    /// bit trick must not confuse with them), and filler.
    static let alphabet: [UInt8] =
        Array("a,;\"\r\n".utf8) + [0xAC, 0xA2, 0x8A, 0x8D, 0xC3, 0xA9] + Array("bcdefgh".utf8)

    static func makeInput(seed: UInt64) -> [UInt8] {
        var generator = Generator(state: seed)
        let length = Int(generator.next() % 300)
        return (0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
    }

    /// The reader's rules, one byte at a time: rows with their lines, malformed rows as
    /// their line only.
    static func model(_ bytes: [UInt8], delimiter: UInt8) -> [String] {
        var out: [String] = []
        var fields: [[UInt8]] = []
        var field: [UInt8] = []
        var line = 1, recordLine = 1
        var inRecord = false, inQuotes = false, afterQuote = false, bad = false, previousCR = false
        func finishRecord() {
            fields.append(field)
            let text = fields.map { String(decoding: $0, as: UTF8.self) }.joined(separator: "|")
            out.append(bad ? "malformed@\(recordLine)" : "\(recordLine):" + text)
            fields = []; field = []; inRecord = false; bad = false; afterQuote = false
        }
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            let isBreak = byte == 10 || byte == 13
            let countsLine = byte == 13 || (byte == 10 && !previousCR)
            defer { previousCR = byte == 13 }
            if !inRecord {
                if isBreak { if countsLine { line += 1 }; continue }
                inRecord = true; recordLine = line
                if byte == 34 { inQuotes = true; continue }
            }
            if inQuotes {
                if byte == 34 { inQuotes = false; afterQuote = true; continue }
                if countsLine { line += 1 }
                field.append(byte)
                continue
            }
            if afterQuote {
                afterQuote = false
                if byte == 34 { inQuotes = true; field.append(34); continue }
                if byte != delimiter && !isBreak { bad = true }
            }
            if byte == delimiter {
                fields.append(field); field = []
                if index < bytes.count, bytes[index] == 34 { inQuotes = true; index += 1 }
            } else if isBreak {
                line += 1
                finishRecord()
            } else {
                field.append(byte)
            }
        }
        if inQuotes { bad = true }
        if inRecord { finishRecord() }
        return out
    }

    static func describe(_ events: [CSVReaderEvent]) -> [String] {
        events.map { event in
            switch event {
            case .row(let row): "\(row.line):" + row.values.joined(separator: "|")
            case .malformed(let malformed): "malformed@\(malformed.line)"
            }
        }
    }

    @Test("random inputs read the same as the byte-at-a-time model, whole and in pieces",
          arguments: 0..<200)
    func matchesModel(seed: Int) throws {
        let bytes = Self.makeInput(seed: UInt64(seed))
        let expected = Self.model(bytes, delimiter: UInt8(ascii: ","))
        let dialect = CSVDialect(delimiter: .comma)

        for readSize in [Int.max, 1, 5] {
            let events = try CSVTestSupport.events(bytes, dialect: dialect, readSize: readSize, chunkSize: 16)
            #expect(Self.describe(events) == expected, "seed \(seed), read size \(readSize)")
        }
    }
}
