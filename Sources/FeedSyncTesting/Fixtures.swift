import Foundation

/// Finds the files tests read: the repository's `fixtures/` and `mappings/`, and the
/// shared real-world feeds and conformance suites next to the repository.
public enum Fixtures {
    /// The repository's root folder, found from this file's place in `Sources/FeedSyncTesting/`.
    public static let repositoryRoot: URL = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent()  // FeedSyncTesting
        .deletingLastPathComponent()  // Sources
        .deletingLastPathComponent()

    /// `fixtures/<relative>` inside the repository.
    public static func fixture(_ relative: String) -> URL {
        repositoryRoot.appendingPathComponent("fixtures").appendingPathComponent(relative)
    }

    /// `mappings/<relative>` inside the repository.
    public static func mapping(_ relative: String) -> URL {
        repositoryRoot.appendingPathComponent("mappings").appendingPathComponent(relative)
    }

    /// The shared folder beside the repository (`../shared`), which holds `realfeeds/`,
    /// `conformance/` and `seeds/`; CI clones the repository next to it.
    public static let shared: URL = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared")

    /// `../shared/realfeeds/<relative>`.
    public static func realFeed(_ relative: String) -> URL {
        shared.appendingPathComponent("realfeeds").appendingPathComponent(relative)
    }

    /// Every file under `../shared/realfeeds/` whose name ends in `.<ext>`, sorted.
    public static func realFeeds(withExtension ext: String) -> [URL] {
        let root = shared.appendingPathComponent("realfeeds")
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [] }
        return walker.compactMap { $0 as? URL }
            .filter { $0.pathExtension.lowercased() == ext.lowercased() }
            .sorted { $0.path < $1.path }
    }
}
