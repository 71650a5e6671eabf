import FuzzEntry
import FuzzSupport
import FeedSyncSources

/// Feeds the input to the XML source (libxml2's reader, records, namespaces) to its end;
/// a read error is a valid outcome, a crash or a hang is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXML(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard var source = try? XMLSource(
        stream: MemoryByteStream(bytes, maximumReadSize: 13), source: "fuzz", file: "fuzz.xml",
        dialect: XMLDialect(maxRecordSize: 1 << 16))
    else { return 0 }
    drainEvents { try source.next() }
    return 0
}

/// The executable's entry point (SwiftPM aliases `main` to it): libFuzzer's driver.
@_cdecl("FuzzXML_main")
public func fuzzXMLMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    fuzz_run(argc, argv, fuzzXML)
}
