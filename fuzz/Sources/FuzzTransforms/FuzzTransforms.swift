import FuzzEntry
import FeedSyncMapping
import Foundation

/// Runs every text transform a mapping can name over the input as one value: prices,
/// dates, availability, category paths, lists, URLs and the text cleaners. A
/// `TransformError` is a valid outcome (a rejection), a crash or a hang is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTransforms(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = try? PriceParser().parse(text)
    _ = try? PriceParser(locale: .auto, conversion: nil).parseIfPresent(text)
    _ = try? DateReader().read(text)
    _ = try? Availability.parse(text)
    _ = CategoryPathParser().parse(text)
    _ = CategoryPathParser(levelSeparator: "/", pathSeparator: "|", pathDepth: 2).parse(text)
    _ = ListSplitter(separator: ",", limit: 10).split(text)
    _ = try? URLResolver(base: .page("https://shop.example/a/b?c=d")).resolve(text)
    _ = try? URLResolver(base: .folder("https://cdn.example/img/")).resolve(text)
    _ = TextTransform.trim(text)
    _ = TextTransform.collapseWhitespace(text)
    _ = TextTransform.slug(text)
    _ = TextTransform.stripHTML(text)
    _ = TextTransform.decodeEntities(text)
    _ = TextTransform.nfc(text)
    _ = TextTransform.persian(text)
    _ = TextTransform.truncate(text, to: 17)
    return 0
}

/// The executable's entry point (SwiftPM aliases `main` to it): libFuzzer's driver.
@_cdecl("FuzzTransforms_main")
public func fuzzTransformsMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    fuzz_run(argc, argv, fuzzTransforms)
}
