import FuzzEntry
import FuzzSupport
import FeedSyncSources

/// Feeds the input to the JSON record reader, taking items from the whole document, from
/// `/items` or from `/data/products` (the first byte chooses), to its end; a read error is
/// a valid outcome, a crash or a hang is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let pointers = [JSONPointer(tokens: []), JSONPointer(tokens: ["items"]), JSONPointer(tokens: ["data", "products"])]
    let items = pointers[Int(bytes.first ?? 0) % pointers.count]
    var reader = JSONRecordReader(
        stream: MemoryByteStream(bytes, maximumReadSize: 11), items: items, metadata: [JSONPointer(tokens: ["total"])],
        source: "fuzz", file: "fuzz.json", options: JSONRecordOptions(maxDepth: 32, maxRecordBytes: 1 << 16))
    drainEvents { try reader.next() }
    return 0
}

/// The executable's entry point (SwiftPM aliases `main` to it): libFuzzer's driver.
@_cdecl("FuzzJSON_main")
public func fuzzJSONMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    fuzz_run(argc, argv, fuzzJSON)
}
