import Foundation

/// Writes human output to standard error, so standard output stays for data
/// (`--json` reports, `export` without `--output`).
enum Console {
    static func error(_ message: String) {
        FileHandle.standardError.write(Data(("feedsync: " + message + "\n").utf8))
    }

    static func info(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}
