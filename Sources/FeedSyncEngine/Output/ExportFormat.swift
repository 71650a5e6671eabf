import FeedSyncCore

/// The shapes `feedsync export` writes.
public enum ExportFormat: String, Sendable, CaseIterable {
    /// Affili's import body: `{"products":[...]}`.
    case affili
    /// One Affili product JSON object per line.
    case jsonl
}

/// Writes products one at a time in an ``ExportFormat``, never holding the catalog.
public struct ProductStreamWriter {
    private let format: ExportFormat
    private let output: OutputFile
    private var count = 0
    private var writer = JSONWriter(capacity: 1 << 16)

    /// Creates a writer and writes the format's opening.
    /// - Throws: ``OutputError`` when writing fails.
    public init(format: ExportFormat, output: OutputFile) throws {
        self.format = format
        self.output = output
        if format == .affili { try output.write("{\"products\":[") }
    }

    /// Writes one product.
    /// - Throws: ``OutputError`` when writing fails.
    public mutating func write(_ product: Product) throws {
        writer.bytes.removeAll(keepingCapacity: true)
        switch format {
        case .affili:
            if count > 0 { writer.raw(",") }
            writer.raw("\n")
            product.write(to: &writer)
        case .jsonl:
            product.write(to: &writer)
            writer.raw("\n")
        }
        count += 1
        try output.write(writer.bytes)
    }

    /// Writes the format's closing and flushes.
    /// - Throws: ``OutputError`` when writing fails.
    public mutating func finish() throws {
        if format == .affili { try output.write(count > 0 ? "\n]}\n" : "]}\n") }
        try output.flush()
    }
}
