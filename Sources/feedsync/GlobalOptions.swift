import ArgumentParser
import FeedSyncConfig

/// The flags every command takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The configuration file.", valueName: "file"))
    var config: String = Configuration.defaultFile

    @Option(name: .long, help: ArgumentHelp("Work on this source only.", valueName: "name"))
    var source: String?

    @Flag(name: .long, help: "Print the run report as one JSON object on standard output.")
    var json = false

    @Flag(name: .shortAndLong, help: "Log each request and batch on standard error.")
    var verbose = false

    /// Loads the configuration named by `--config`.
    func loadConfiguration() throws -> Configuration {
        try Configuration.load(path: config)
    }
}
