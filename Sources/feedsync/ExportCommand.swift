import ArgumentParser
import FeedSyncEngine

extension ExportFormat: ExpressibleByArgument {}

/// `feedsync export`: writes the mapped catalog to a file or standard output.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the mapped catalog as Affili JSON, AccessTrade datafeed items or JSON Lines.",
        discussion: """
            affili: {"products": [...]}, the body of Affili's import call. accesstrade: {"data": [...], "total": N}, \
            AccessTrade datafeed items built with the accesstrade: section of the configuration (total comes last, \
            once it is known). jsonl: one Affili product per line.
            """
    )

    @OptionGroup var options: GlobalOptions

    @Option(name: .long, help: ArgumentHelp("The output shape: \(ExportFormat.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "format"))
    var format: ExportFormat

    @Option(name: [.short, .long], help: ArgumentHelp("The file to write; standard output when absent.", valueName: "file"))
    var output: String?

    func validate() throws {
        if options.json && output == nil {
            throw ValidationError("--json prints the report on standard output, where the catalog goes without --output; give --output FILE")
        }
    }

    func run() async throws {
        let logger = Reporting.logger(verbose: options.verbose)
        let configuration = try options.loadConfiguration()
        let run = try ExportRun(configuration: configuration, sourceName: options.source, format: format, logger: logger)
        let file = try output.map { try OutputFile(path: $0) } ?? OutputFile()
        let report = try await run.run(to: file)
        throw ExitStatus.Code(value: Reporting.finish(report, command: "export", json: options.json))
    }
}
