import ArgumentParser
import FeedSyncEngine

/// `feedsync validate`: maps everything and lists every rejected record.
struct ValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Map every record and print each rejected one with its location and reason; send nothing.",
        discussion: """
            Prints every rejection and warning as it is found, then the counts by field and reason \
            (values left out, so one broken column is one line), then the totals. With --json the report, \
            summary included, goes to standard output. Exits 3 when any record was rejected.
            """
    )

    @OptionGroup var options: GlobalOptions

    func run() async throws {
        let logger = Reporting.logger(verbose: options.verbose)
        let configuration = try options.loadConfiguration()
        let run = try ValidateRun(configuration: configuration, sourceName: options.source, logger: logger)
        let report = try await run.run(
            rejection: { Console.info("rejected: \($0)") },
            warning: { Console.info("warning: \($0)") })
        throw ExitStatus.Code(value: Reporting.finish(report, command: "validate", json: options.json, listRejections: false, byReason: true))
    }
}
