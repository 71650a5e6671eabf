import ArgumentParser
import FeedSyncCore
import Foundation

/// The `feedsync` command: keeps a shop's catalog in sync with affiliate networks.
@main
struct Feedsync: AsyncParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "feedsync",
        abstract: "Keep a shop's product catalog in sync with affiliate networks (Affili, AccessTrade).",
        discussion: """
            Reads the shop's catalog (CSV export), maps every record to Affili's Product \
            shape with a mapping file, and sends or writes the result.

            EXIT CODES
              0  success
              1  the run failed (source unreadable, endpoint unreachable, batches failed)
              2  usage or configuration error
              3  finished, but some records were rejected
            """,
        version: version,
        subcommands: [ImportCommand.self, SyncCommand.self, ServeCommand.self, ExportCommand.self, ValidateCommand.self]
    )

    /// Parses the command line and runs the command, mapping every failure to the
    /// documented exit codes instead of ArgumentParser's defaults (64 for usage errors).
    static func main() async {
        let command: any ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                FileHandle.standardOutput.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(0)
            }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(ExitStatus.usage)
        }
        do {
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                var syncCommand = command
                try syncCommand.run()
            }
            Foundation.exit(0)
        } catch let exit as ExitStatus.Code {
            Foundation.exit(exit.value)
        } catch let error as any UserFacingError {
            Console.error(error.description)
            Foundation.exit(error.kind == .configuration ? ExitStatus.usage : ExitStatus.failed)
        } catch {
            // Help and version requests arrive here as errors that mean success.
            if exitCode(for: error) == .success {
                FileHandle.standardOutput.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(0)
            }
            Console.error(fullMessage(for: error))
            Foundation.exit(error is ValidationError ? ExitStatus.usage : ExitStatus.failed)
        }
    }
}
