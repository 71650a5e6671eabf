import FeedSyncConfig
import Foundation
import Testing

/// A fresh folder under the temporary directory for one test's configuration files.
struct TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("feedsync-config-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// The folder's path, without a trailing slash.
    var path: String { url.standardizedFileURL.path }

    /// Writes `text` to `name` (folders created as needed) and returns the file's path.
    @discardableResult
    func write(_ text: String, to name: String = "feedsync.yml") throws -> String {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
        return file.path
    }

    func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}

/// Writes `yaml` as `feedsync.yml` in a fresh folder and loads it.
func loadConfiguration(_ yaml: String, environment: [String: String] = [:]) throws -> Configuration {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    return try Configuration.load(path: try folder.write(yaml), environment: environment)
}

/// Writes `yaml` as `feedsync.yml` in a fresh folder, loads it, and returns the error and the file's path.
func configurationError(
    _ yaml: String, environment: [String: String] = [:], sourceLocation: SourceLocation = #_sourceLocation
) throws -> (error: ConfigError, file: String) {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let path = try folder.write(yaml)
    let error = try #require(throws: ConfigError.self, sourceLocation: sourceLocation) {
        try Configuration.load(path: path, environment: environment)
    }
    return (error, path)
}

/// Checks that `error` points at `file:line` and `key`, in its fields and in the message a user sees.
func expectPlace(
    _ error: ConfigError, file: String, line: Int, key: String, sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(error.file == file, sourceLocation: sourceLocation)
    #expect(error.line == line, sourceLocation: sourceLocation)
    #expect(error.key == key, sourceLocation: sourceLocation)
    #expect(error.description.hasPrefix("\(file):\(line):"), "\(error)", sourceLocation: sourceLocation)
    #expect(error.description.contains(": \(key): "), "\(error)", sourceLocation: sourceLocation)
}

/// A minimal valid source list, for tests about other sections.
let minimalSources = """
    sources:
      - name: shop
        format: csv
        location: catalog.csv
        mapping: woocommerce-csv
    """
