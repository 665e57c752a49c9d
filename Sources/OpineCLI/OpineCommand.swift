import ArgumentParser
import Foundation
import Opine
import OpineText

/// The root command: `opine search|index|show|stats|analyze|check|eval`.
public struct OpineCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "opine",
        abstract: "Full-text search for op-eds: ranked passages with highlighted snippets.",
        // One line per paragraph: ArgumentParser wraps them to the terminal.
        discussion: """
            On a fresh clone, `opine search CPEC` builds the default index from Corpus/ first.

            Exit codes: 0 results found or work done, 1 no results, 2 error, 3 indexing finished but some files were skipped (each is named in a warning), 64 usage error (an unknown command or option, a missing argument).
            """,
        version: "opine \(Engine.version)",
        subcommands: [SearchCommand.self, IndexCommand.self, ShowCommand.self, StatsCommand.self,
                      AnalyzeCommand.self, CheckCommand.self, EvalCommand.self, ParseCommand.self,
                      AddCommand.self, FollowCommand.self, UpdateCommand.self, TrendCommand.self, ServeCommand.self],
        defaultSubcommand: nil)

    public init() {}
}

/// Maps every outcome to an exit code in one place (as ripgrep's `main` does): parse errors
/// keep ArgumentParser's usage code, Opine's errors (``OpineError``) print their one line and
/// exit 2, and anything else still exits 2 with one line, never a dump.
public enum OpineMain {
    public static func main(_ arguments: [String]? = nil) -> Never {
        // A closed pipe (`opine search x | head -1`) is not an error: writes fail quietly and
        // the exit code stays the search's.
        signal(SIGPIPE, SIG_IGN)
        let args = SearchArguments.split(arguments ?? Array(CommandLine.arguments.dropFirst()))
        if let message = UnknownCommand.message(args) {
            Output.error(message)
            exit(ExitCode.validationFailure.rawValue)
        }
        var command: any ParsableCommand
        do {
            command = try OpineCommand.parseAsRoot(args)
        } catch {
            OpineCommand.exit(withError: error)
        }
        let status = run(&command)
        exit(status.code)
    }

    /// Runs a parsed command; returns its exit code and prints its error, if any, on stderr.
    static func run(_ command: inout any ParsableCommand) -> (code: Int32, message: String?) {
        let outcome = outcome {
            do {
                try command.run()
            } catch where !(error is ExitCode) && OpineCommand.exitCode(for: error) == .success {
                // `opine --help`, `opine help search`, `opine index -h`: ArgumentParser answers a
                // help request with a help command whose `run` throws; its `exit(withError:)`
                // prints the help of the command asked about and exits 0.
                OpineCommand.exit(withError: error)
            }
        }
        if let message = outcome.message { Output.error(message) }
        return outcome
    }

    /// The exit code and the one-line message of what `body` did.
    public static func outcome(_ body: () throws -> Void) -> (code: Int32, message: String?) {
        do {
            try body()
            return (ExitStatus.found, nil)
        } catch let code as ExitCode {
            return (code.rawValue, nil)
        } catch let error as any OpineError {
            return (ExitStatus.error, "opine: \(error.description)")
        } catch let error as ValidationError {
            return (ExitStatus.error, "opine: \(error.message)")
        } catch {
            return (ExitStatus.error, "opine: unexpected error: \(oneLine(error))")
        }
    }

    /// Any error's text on one line (a Foundation error's description spans several).
    static func oneLine(_ error: Error) -> String {
        let text = (error as NSError).localizedDescription
        return text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    }
}

/// The exit codes, named.
public enum ExitStatus {
    public static let found: Int32 = 0
    public static let notFound: Int32 = 1
    public static let error: Int32 = 2
    public static let partial: Int32 = 3
    /// Stopped by Ctrl-C or SIGTERM, what was committed kept: 128 + SIGINT, as shells report it.
    public static let interrupted: Int32 = 130
}
