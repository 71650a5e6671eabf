import FeedSyncConfig
import FeedSyncCore

/// The shapes `feedsync export` writes.
public enum ExportFormat: String, Sendable, CaseIterable {
    /// Affili's import body: `{"products":[...]}`.
    case affili
    /// AccessTrade datafeed items: `{"data":[...],"total":N}`.
    case accesstrade
    /// One Affili product JSON object per line.
    case jsonl
}

/// Writes products one at a time in an ``ExportFormat``, never holding the catalog.
///
/// AccessTrade's `total` is only known once every product is written, so it follows
/// `data` (`{"data":[...],"total":N}`); JSON objects have no key order.
public struct ProductStreamWriter {
    private let format: ExportFormat
    private let output: OutputFile
    private var projector: DatafeedProjector?
    private var count = 0
    private var writer = JSONWriter(capacity: 1 << 16)

    /// Creates a writer and writes the format's opening.
    /// - Parameters:
    ///   - format: the shape to write.
    ///   - output: where to write.
    ///   - accessTrade: the campaign settings; required for ``ExportFormat/accesstrade``.
    /// - Throws: ``OutputError`` when writing fails; ``ConfigError`` when the AccessTrade
    ///   format has no settings.
    public init(format: ExportFormat, output: OutputFile, accessTrade: AccessTradeConfiguration? = nil) throws {
        self.format = format
        self.output = output
        switch format {
        case .affili: try output.write("{\"products\":[")
        case .accesstrade:
            guard let accessTrade else {
                throw ConfigError(file: "", key: "accesstrade", message: "the accesstrade format needs the accesstrade: section")
            }
            projector = DatafeedProjector(configuration: accessTrade)
            try output.write("{\"data\":[")
        case .jsonl: break
        }
    }

    /// Writes one product.
    /// - Throws: ``OutputError`` when writing fails.
    public mutating func write(_ product: Product) throws {
        writer.removeAll()
        switch format {
        case .affili:
            if count > 0 { writer.raw(",") }
            writer.raw("\n")
            product.write(to: &writer)
        case .accesstrade:
            if count > 0 { writer.raw(",") }
            writer.raw("\n")
            projector?.item(for: product).write(to: &writer)
        case .jsonl:
            product.write(to: &writer)
            writer.raw("\n")
        }
        count += 1
        try writer.withBytes { try output.write($0) }
    }

    /// Writes the format's closing and flushes.
    /// - Throws: ``OutputError`` when writing fails.
    public mutating func finish() throws {
        switch format {
        case .affili: try output.write(count > 0 ? "\n]}\n" : "]}\n")
        case .accesstrade: try output.write((count > 0 ? "\n]," : "],") + "\"total\":\(count)}\n")
        case .jsonl: break
        }
        try output.flush()
    }
}
