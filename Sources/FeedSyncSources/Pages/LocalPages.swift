import Foundation

/// The page files of a local location: one JSON file, or every file of a folder.
///
/// A folder's files are taken in name order with numbers compared by value
/// (`page-2.json` before `page-10.json`); hidden files (`.DS_Store`) and sub-folders are
/// left out. Each file is read as it is reached, streaming, so a folder of large files
/// needs no more memory than one.
struct LocalPages: Sendable {
    let files: [String]
    private var index = 0

    /// Lists the page files at `path`.
    /// - Throws: ``ByteStreamError`` when `path` does not exist or a folder cannot be listed;
    ///   ``LocationError`` for a folder with no files.
    init(path: String) throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw ByteStreamError(path: path, operation: .open, reason: "No such file or directory")
        }
        guard isFolder.boolValue else {
            files = [path]
            return
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: path)
        } catch {
            throw ByteStreamError(path: path, operation: .open, reason: "the folder cannot be listed (\(error.localizedDescription))")
        }
        let folder = URL(fileURLWithPath: path)
        files = names.filter { !$0.hasPrefix(".") }
            .sorted { $0.compare($1, options: [.numeric]) == .orderedAscending }
            .map { folder.appendingPathComponent($0).path }
            .filter { file in
                var isFolder: ObjCBool = false
                return FileManager.default.fileExists(atPath: file, isDirectory: &isFolder) && !isFolder.boolValue
            }
        guard !files.isEmpty else {
            throw LocationError(location: path, reason: "the folder holds no page files")
        }
    }

    /// The next file's path, or `nil` after the last.
    mutating func nextFile() -> String? {
        guard index < files.count else { return nil }
        defer { index += 1 }
        return files[index]
    }
}
