import FeedSyncConfig
import FeedSyncSources
import Foundation

extension Mapping {
    /// Reads and checks a mapping file, following `extends`.
    /// - Parameter url: the mapping file.
    /// - Returns: the checked mapping.
    /// - Throws: ``ConfigError`` with file and line for bad YAML, an unknown key or transform,
    ///   an `extends` that names nothing or itself, or a required field without a mapping.
    public static func load(contentsOf url: URL) throws -> Mapping {
        let root = try YAMLValue.load(contentsOf: url, displayName: url.path)
        let loader = MappingLoader(chain: [url.standardizedFileURL.path])
        return try Mapping(draft: loader.resolve(MappingDraft(root: root), directory: url.deletingLastPathComponent()))
    }

    /// Checks a parsed mapping document.
    /// - Parameters:
    ///   - root: the document.
    ///   - baseDirectory: what a relative `extends:` path resolves against.
    /// - Throws: ``ConfigError`` at the first problem.
    public init(root: YAMLValue, baseDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)) throws {
        try self.init(draft: MappingLoader().resolve(MappingDraft(root: root), directory: baseDirectory))
    }

    /// Checks a merged draft: every required field must be mapped.
    init(draft: MappingDraft) throws {
        var fields: [ProductField: FieldSpec] = [:]
        for (field, spec) in draft.fields {
            if let spec { fields[field] = spec }
        }
        for field in ProductField.required where fields[field] == nil {
            throw (draft.fieldsValue ?? draft.root).error(
                "no mapping for the required field '\(field.rawValue)' (every product needs pid, name, url and price)")
        }
        self.init(
            file: draft.root.file, format: draft.format, csvDelimiter: draft.csvDelimiter ?? .auto,
            filter: draft.filter ?? RecordFilter(), fields: fields, aliases: draft.aliases, timeZone: draft.timeZone,
            grouping: try draft.grouping?.grouping())
        sourceSettings = SourceSettings(encoding: draft.encoding, xml: draft.xml ?? XMLDialect(), json: draft.json)
    }
}

/// Follows `extends:` from mapping to mapping.
///
/// A name without `/` and without a `.yml`/`.yaml` ending is a bundled preset; anything
/// else is a file, relative to the folder of the mapping that names it. A chain may be at
/// most ``maximumDepth`` long and may not come back to a mapping it passed.
struct MappingLoader {
    static let maximumDepth = 8

    /// The mappings already on the chain (file paths and `preset NAME`).
    var chain: [String] = []

    /// The draft merged over everything it extends.
    func resolve(_ draft: MappingDraft, directory: URL) throws -> MappingDraft {
        guard let extends = draft.extends else { return draft }
        let reference = try extends.rawString()
        let base: MappingDraft
        let identity: String
        var baseDirectory = directory
        if reference.contains("/") || reference.hasSuffix(".yml") || reference.hasSuffix(".yaml") {
            let url = reference.hasPrefix("/") ? URL(fileURLWithPath: reference) : directory.appendingPathComponent(reference)
            identity = url.standardizedFileURL.path
            guard FileManager.default.fileExists(atPath: identity) else {
                throw extends.error("extends \(identity), which does not exist")
            }
            try checkChain(identity, at: extends)
            base = try MappingDraft(root: YAMLValue.load(contentsOf: url, displayName: url.path))
            baseDirectory = url.deletingLastPathComponent()
        } else {
            identity = "preset \(reference)"
            guard let text = PresetLibrary.text(named: reference) else {
                throw extends.error("no preset is named '\(reference)' (presets: \(PresetLibrary.names.joined(separator: ", "))); give a file path to extend your own mapping")
            }
            try checkChain(identity, at: extends)
            base = try MappingDraft(root: YAMLValue.parse(text, file: PresetLibrary.displayName(reference)))
        }
        let resolvedBase = try MappingLoader(chain: chain + [identity]).resolve(base, directory: baseDirectory)
        return draft.merged(over: resolvedBase)
    }

    private func checkChain(_ identity: String, at value: YAMLValue) throws {
        if chain.contains(identity) {
            throw value.error("extends \(identity), which extends this mapping again (\((chain + [identity]).joined(separator: " → ")))")
        }
        if chain.count >= Self.maximumDepth {
            throw value.error("extends more than \(Self.maximumDepth) mappings deep")
        }
    }
}
