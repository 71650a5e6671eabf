import Foundation
import Testing

/// Runs the built `feedsync` binary as a user would, capturing what it prints.
struct FeedsyncProcess {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        /// Everything printed, for checks that a secret or a crash trace never shows.
        var output: String { stdout + stderr }
    }

    /// The binary next to the test bundle (`swift test` builds it because this target depends on it).
    static func binary() throws -> URL {
        let bundleDirectory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidates = [
            bundleDirectory.appendingPathComponent("feedsync"),
            bundleDirectory.deletingLastPathComponent().appendingPathComponent("feedsync"),
            bundleDirectory.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("feedsync"),
        ]
        let found = candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
        return try #require(found, "feedsync binary not found near \(bundleDirectory.path)")
    }

    /// Starts `feedsync` without waiting (for tests that signal or kill it).
    static func start(_ arguments: [String], environment: [String: String] = [:]) throws -> Process {
        let process = Process()
        process.executableURL = try binary()
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Waits for `process` to end without blocking a thread of the cooperative pool (see
    /// ``run(_:environment:in:fileSizeLimit:)``), polling every 10 ms.
    static func waitForExit(_ process: Process) async {
        while process.isRunning { try? await Task.sleep(for: .milliseconds(10)) }
        // Returns at once now; makes the termination status readable.
        process.waitUntilExit()
    }

    /// Runs `feedsync` with `arguments` and waits for it, without blocking a thread.
    ///
    /// Swift Testing runs tests on the cooperative pool, one thread per core: a test that
    /// blocked in `waitUntilExit` held a thread for the whole run, and with two such tests
    /// at once every other async test stalled (a server test took 70 s instead of 1 s).
    /// - Parameter fileSizeLimit: when set, no file it writes may grow beyond this many
    ///   512-byte blocks (`ulimit -f`, with SIGXFSZ ignored so writes fail as on a full disk).
    static func run(
        _ arguments: [String], environment: [String: String] = [:], in directory: URL? = nil, fileSizeLimit: Int? = nil
    ) async throws -> Result {
        let process = Process()
        if let fileSizeLimit {
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "trap '' XFSZ; ulimit -f \(fileSizeLimit); exec \"$0\" \"$@\"", try binary().path] + arguments
        } else {
            process.executableURL = try binary()
            process.arguments = arguments
        }
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "AFFILI_TOKEN")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        if let directory { process.currentDirectoryURL = directory }
        // Files rather than pipes, so a large output cannot fill a pipe and block the child.
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("feedsync-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let out = scratch.appendingPathComponent("stdout")
        let err = scratch.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        let outHandle = try FileHandle(forWritingTo: out)
        let errHandle = try FileHandle(forWritingTo: err)
        process.standardOutput = outHandle
        process.standardError = errHandle
        process.standardInput = FileHandle.nullDevice
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            process.terminationHandler = { _ in continuation.resume() }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
        try outHandle.close()
        try errHandle.close()
        return Result(
            status: process.terminationStatus,
            stdout: String(decoding: try Data(contentsOf: out), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: err), as: UTF8.self))
    }
}

/// A temporary folder holding a configuration and its files for one test.
struct Workspace {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("feedsync-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: directory.appendingPathComponent(name))
    }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    func remove() { try? FileManager.default.removeItem(at: directory) }

    /// A configuration with one WooCommerce CSV source and an Affili section.
    func writeConfig(csv: String = "catalog.csv", mapping: String = "woocommerce-csv", endpoint: String, extraAffili: String = "", baseURL: String? = "https://shop.example") throws {
        try write("feedsync.yml", """
            sources:
              - name: shop
                format: csv
                location: \(csv)
                mapping: \(mapping)
            \(baseURL.map { "    base_url: \($0)" } ?? "")
            affili:
              endpoint: \(endpoint)
              token: ${AFFILI_TOKEN}
            \(extraAffili)
            """)
    }
}

/// WooCommerce-export rows for tests: `count` simple products with prices and categories.
enum WooCSV {
    static let header = "ID,Type,SKU,Name,Published,In stock?,Sale price,Regular price,Categories,Images"

    static func catalog(count: Int, startingAt first: Int = 1) -> String {
        catalog(ids: Array(first..<(first + count)))
    }

    /// A catalog of the given ids; `price` gives each one's regular price.
    static func catalog(ids: [Int], price: (Int) -> Int = { 1000 + $0 }) -> String {
        var lines = [header]
        for id in ids {
            lines.append("\(id),simple,sku-\(id),\"Product \(id), blue\",1,1,,\(price(id)),Clothing > Shirts,https://shop.example/wp-content/uploads/\(id).jpg")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
