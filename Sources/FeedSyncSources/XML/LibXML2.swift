internal import CLibXML2

/// Process-wide libxml2 set-up that every ``XMLSource`` relies on.
///
/// libxml2 keeps its external entity loader in a global, so the safe one is installed once
/// for the whole process (every libxml2 user in it, FoundationXML included, then refuses
/// external entities too).
enum LibXML2 {
    /// Swift runs a global's initialiser exactly once, under a lock, so the set-up is
    /// thread-safe without a lock of our own.
    private static let prepared: Void = {
        xmlInitParser()
        xmlSetExternalEntityLoader(refuseExternalEntity)
    }()

    /// Initialises libxml2 and installs the refusing entity loader, once per process.
    static func prepare() {
        _ = prepared
    }
}

/// The external entity loader: refuses every URL, local files included.
///
/// The parser's options already leave DTDs and external entities unloaded; this catches
/// whatever path inside libxml2 would still ask for one, so that a feed can never make
/// feedsync read `/etc/passwd` or fetch a URL.
private func refuseExternalEntity(
    _ url: UnsafePointer<CChar>?, _ id: UnsafePointer<CChar>?, _ context: xmlParserCtxtPtr?
) -> xmlParserInputPtr? {
    nil
}
