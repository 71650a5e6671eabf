/// `${NAME}` substitution, so that secrets live in the environment and not in files.
public enum EnvironmentInterpolation {
    /// A variable that was referenced but not set.
    public struct MissingVariable: Error, Equatable {
        /// The variable's name.
        public var name: String
    }

    /// Replaces each `${NAME}` in `text` with the variable's value; `$${` writes a literal `${`.
    /// - Parameters:
    ///   - text: the text to expand.
    ///   - environment: the variables.
    /// - Returns: the expanded text, or the first variable that is not set.
    public static func interpolate(_ text: String, environment: [String: String]) -> Result<String, MissingVariable> {
        guard text.contains("${") else { return .success(text) }
        var output = ""
        var rest = Substring(text)
        while let start = rest.range(of: "${") {
            if start.lowerBound > rest.startIndex, rest[rest.index(before: start.lowerBound)] == "$" {
                output += rest[..<rest.index(before: start.lowerBound)] + "${"
                rest = rest[start.upperBound...]
                continue
            }
            guard let end = rest[start.upperBound...].firstIndex(of: "}") else { break }
            output += rest[..<start.lowerBound]
            let name = String(rest[start.upperBound..<end])
            guard let value = environment[name] else { return .failure(MissingVariable(name: name)) }
            output += value
            rest = rest[rest.index(after: end)...]
        }
        output += rest
        return .success(output)
    }
}
