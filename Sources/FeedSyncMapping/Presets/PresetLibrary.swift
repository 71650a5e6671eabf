import FeedSyncConfig
import Foundation

/// The mappings bundled with feedsync, usable by name from any configuration
/// (`mapping: woocommerce-csv`), so an installed binary works without the repository.
public enum PresetLibrary {
    /// The presets' names, sorted.
    public static var names: [String] { texts.keys.sorted() }

    /// The YAML text of a preset.
    public static func text(named name: String) -> String? { texts[name] }

    /// Loads a preset.
    /// - Parameter name: the preset's name.
    /// - Returns: the checked mapping.
    /// - Throws: ``ConfigError`` when no preset has that name.
    public static func mapping(named name: String) throws -> Mapping {
        guard let text = texts[name] else {
            throw ConfigError(file: "preset \(name)", message: "no such preset (presets: \(names.joined(separator: ", ")))")
        }
        let draft = try MappingDraft(root: YAMLValue.parse(text, file: displayName(name)))
        return try Mapping(draft: MappingLoader(chain: ["preset \(name)"]).resolve(draft, directory: URL(fileURLWithPath: "/")))
    }

    /// How a preset is named in errors: `preset NAME (mappings/NAME.yml)`.
    static func displayName(_ name: String) -> String {
        "preset \(name) (mappings/\(name).yml)"
    }

    /// Loads the mapping a configuration names.
    /// - Parameters:
    ///   - reference: a preset name or a file.
    ///   - place: where the configuration names it, for a missing preset or file.
    /// - Returns: the checked mapping.
    /// - Throws: ``ConfigError`` naming the configuration's line or the mapping's.
    public static func mapping(for reference: MappingReference, at place: ConfigPlace) throws -> Mapping {
        switch reference {
        case .preset(let name):
            guard texts[name] != nil else {
                throw place.error("no preset is named '\(name)' (presets: \(names.joined(separator: ", "))); give a file path to use your own mapping")
            }
            return try mapping(named: name)
        case .file(let url):
            guard FileManager.default.fileExists(atPath: url.path) else {
                throw place.error("mapping file \(url.path) does not exist")
            }
            return try Mapping.load(contentsOf: url)
        }
    }
}
