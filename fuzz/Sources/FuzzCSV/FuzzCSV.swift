import FuzzEntry
import FuzzSupport
import FeedSyncSources

/// Feeds the input to the CSV source (delimiter detection, header, rows) to its end; a
/// read error is a valid outcome, a crash or a hang is a finding. The first byte picks
/// whether there is a header and, sometimes, a tiny record limit, so the oversized-record path is reached too.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let flags = bytes.first ?? 0
    let dialect = CSVDialect(hasHeader: flags & 1 == 0, maxRecordSize: flags & 2 == 0 ? 1 << 20 : 64)
    // Small chunks: records cross chunk boundaries often, and no 1 MiB buffer per input.
    guard var source = try? CSVSource(
        stream: MemoryByteStream(bytes, maximumReadSize: 7), source: "fuzz", file: "fuzz.csv", dialect: dialect, chunkSize: 256)
    else { return 0 }
    drainEvents { try source.next() }
    return 0
}

/// The executable's entry point (SwiftPM aliases `main` to it): libFuzzer's driver.
@_cdecl("FuzzCSV_main")
public func fuzzCSVMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    fuzz_run(argc, argv, fuzzCSV)
}
