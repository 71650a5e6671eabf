import FeedSyncCore
import Foundation
import Yams

/// A node of a YAML document that knows where it is, so every error names file, line and key.
///
/// Configuration and mapping files are read through this instead of `Codable` because
/// `DecodingError` carries no line numbers and ignores unknown keys, and both are
/// needed to tell a user precisely what to fix.
public struct YAMLValue: @unchecked Sendable {
    // `Yams.Node` is an immutable value tree, but is not declared Sendable.
    let node: Node
    /// The file the value was read from, as the user named it.
    public let file: String
    /// The dotted key path of the value (`affili.endpoint`, `sources[1].name`).
    public let path: String

    /// The value's 1-based line, or 0 when unknown.
    public var line: Int { node.mark?.line ?? 0 }
    /// The value's 1-based column, or 0 when unknown.
    public var column: Int { node.mark?.column ?? 0 }

    /// Parses `text` as one YAML document.
    /// - Parameters:
    ///   - text: the YAML text.
    ///   - file: the file name used in error messages.
    /// - Returns: the document's root value; an empty document is an empty mapping.
    /// - Throws: ``ConfigError`` with the line and column of a syntax error.
    public static func parse(_ text: String, file: String) throws -> YAMLValue {
        do {
            let node = try Yams.compose(yaml: text) ?? Node.mapping(.init([]))
            return YAMLValue(node: node, file: file, path: "")
        } catch let error as YamlError {
            throw ConfigError(syntax: error, file: file)
        } catch {
            throw ConfigError(file: file, message: "not valid YAML: \(error)")
        }
    }

    /// Reads and parses a YAML file.
    /// - Parameters:
    ///   - url: the file to read.
    ///   - displayName: how to name the file in errors (defaults to its path).
    /// - Returns: the document's root value.
    /// - Throws: ``ConfigError`` when the file cannot be read or is not valid YAML.
    public static func load(contentsOf url: URL, displayName: String? = nil) throws -> YAMLValue {
        let name = displayName ?? url.path
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw ConfigError(file: name, message: "cannot read the file (\(Self.reason(error)))")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigError(file: name, message: "the file is not UTF-8 text")
        }
        return try parse(text, file: name)
    }

    /// An error at this value's place.
    public func error(_ message: String) -> ConfigError {
        ConfigError(file: file, line: line, column: column, key: path, message: message)
    }

    /// Whether this is YAML's null (`~`, `null` or nothing).
    public var isNull: Bool {
        guard case .scalar(let scalar) = node, scalar.style == .plain else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    /// The entries of a mapping, in file order, refusing keys not in `allowed`.
    /// - Parameter allowed: the keys this place accepts.
    /// - Returns: the entries, keyed by their names.
    /// - Throws: ``ConfigError`` when this is not a mapping, a key repeats, or a key is unknown.
    public func mapping(allowed: Set<String>) throws -> YAMLMapping {
        try mapping(checking: allowed)
    }

    /// The entries of a mapping whose keys are free (source field names, aliases).
    /// - Throws: ``ConfigError`` when this is not a mapping or a key repeats.
    public func freeMapping() throws -> YAMLMapping {
        try mapping(checking: nil)
    }

    private func mapping(checking allowed: Set<String>?) throws -> YAMLMapping {
        guard case .mapping(let mapping) = node else { throw error("expected a mapping of keys to values") }
        var entries: [(String, YAMLValue)] = []
        var seen: Set<String> = []
        for (keyNode, valueNode) in mapping {
            guard let key = keyNode.string else {
                throw YAMLValue(node: keyNode, file: file, path: path).error("keys must be plain text")
            }
            let child = YAMLValue(node: valueNode, file: file, path: path.isEmpty ? key : "\(path).\(key)")
            let keyPlace = YAMLValue(node: keyNode, file: file, path: child.path)
            if let allowed, !allowed.contains(key) {
                let known = allowed.sorted().joined(separator: ", ")
                throw keyPlace.error("unknown key (known keys here: \(known))")
            }
            guard seen.insert(key).inserted else { throw keyPlace.error("the key appears twice") }
            entries.append((key, child))
        }
        return YAMLMapping(owner: self, entries: entries)
    }

    /// The items of a sequence.
    /// - Throws: ``ConfigError`` when this is not a sequence.
    public func sequence() throws -> [YAMLValue] {
        guard case .sequence(let sequence) = node else { throw error("expected a list") }
        return sequence.enumerated().map { index, item in
            YAMLValue(node: item, file: file, path: "\(path)[\(index)]")
        }
    }

    /// The items of a sequence, or this value alone when it is not one (`from: X` and `from: [X, Y]`).
    public func sequenceOrSingle() -> [YAMLValue] {
        if case .sequence = node, let items = try? sequence() { return items }
        return [self]
    }

    /// Whether the value is a mapping.
    public var isMapping: Bool {
        if case .mapping = node { return true }
        return false
    }

    /// The raw text of a scalar, with no `${VAR}` interpolation.
    /// - Throws: ``ConfigError`` when this is not a scalar.
    public func rawString() throws -> String {
        guard case .scalar(let scalar) = node else { throw error("expected a single value, not a list or mapping") }
        return scalar.string
    }

    /// The text of a scalar with `${VAR}` replaced from `environment`.
    /// - Parameter environment: the variables to substitute.
    /// - Throws: ``ConfigError`` when this is not a scalar or a variable is not set.
    public func string(environment: [String: String]) throws -> String {
        let raw = try rawString()
        switch EnvironmentInterpolation.interpolate(raw, environment: environment) {
        case .success(let text): return text
        case .failure(let missing):
            throw error("environment variable \(missing.name) is not set (export it before running feedsync)")
        }
    }

    /// A whole number.
    /// - Throws: ``ConfigError`` when the value is not an integer in `range`.
    public func int(in range: ClosedRange<Int>, environment: [String: String]) throws -> Int {
        let text = try string(environment: environment)
        guard let value = Int(text.trimmingCharacters(in: .whitespaces)), range.contains(value) else {
            throw error("expected a whole number from \(range.lowerBound) to \(range.upperBound), got '\(text.prefix(40))'")
        }
        return value
    }

    /// `true`/`false` (also `yes`/`no`, `on`/`off`).
    /// - Throws: ``ConfigError`` when the value is not a boolean.
    public func bool() throws -> Bool {
        switch try rawString().lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw error("expected true or false")
        }
    }

    private static func reason(_ error: any Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return nsError.localizedDescription
    }
}

extension ConfigError {
    init(syntax error: YamlError, file: String) {
        // Never interpolate `error` itself: Yams's descriptions quote the whole document,
        // which may hold a literal token.
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            self.init(file: file, line: mark.line, column: mark.column, message: "not valid YAML: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            self.init(
                file: file, line: context.mark.line, column: context.mark.column,
                message: "the key \(keys) appears twice in the same mapping")
        case .reader(let problem, _, _, _):
            self.init(file: file, message: "not valid YAML: \(problem)")
        case .dataCouldNotBeDecoded:
            self.init(file: file, message: "the file is not UTF-8 text")
        default:
            self.init(file: file, message: "not valid YAML")
        }
    }
}
