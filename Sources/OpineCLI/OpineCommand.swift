import ArgumentParser
import Foundation

/// The root command: `opine search|index|show|stats|analyze|check|eval`.
public struct OpineCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "opine",
        abstract: "Full-text search for op-eds: ranked passages with highlighted snippets.",
        discussion: """
            On a fresh clone, `opine search CPEC` builds the default index from Corpus/ first.
            Exit codes: 0 results found or work done, 1 no results, 2 error, 3 indexing finished
            but some files were skipped (each is named in a warning).
            """,
        subcommands: [SearchCommand.self, IndexCommand.self, ShowCommand.self, StatsCommand.self,
                      AnalyzeCommand.self, CheckCommand.self, EvalCommand.self],
        defaultSubcommand: nil)

    public init() {}
}

/// Maps every outcome to an exit code in one place (as ripgrep's `main` does).
public enum OpineMain {
    public static func main(_ arguments: [String]? = nil) -> Never {
        // A closed pipe (`opine search x | head -1`) is not an error: writes fail quietly and
        // the exit code stays the search's.
        signal(SIGPIPE, SIG_IGN)
        do {
            let args = SearchArguments.normalize(arguments ?? Array(CommandLine.arguments.dropFirst()))
            var command = try OpineCommand.parseAsRoot(args)
            try command.run()
            exit(0)
        } catch let code as ExitCode {
            exit(code.rawValue)
        } catch let error as any CustomStringConvertible & Error where !(error is any ParsableArguments) && isOurs(error) {
            Output.error("opine: \(error.description)")
            exit(ExitStatus.error)
        } catch {
            OpineCommand.exit(withError: error)
        }
    }

    static func isOurs(_ error: Error) -> Bool {
        let name = String(reflecting: type(of: error))
        return name.hasPrefix("Opine") || name.hasPrefix("OpineIndex") || name.hasPrefix("OpineCLI")
    }
}

/// The exit codes, named.
public enum ExitStatus {
    public static let found: Int32 = 0
    public static let notFound: Int32 = 1
    public static let error: Int32 = 2
    public static let partial: Int32 = 3
}

/// Lets `opine search CPEC -India` exclude India without `--`: known options stay options,
/// every other argument (including `-India`) becomes a query word after a `--`.
enum SearchArguments {
    static let optionsWithValue: Set<String> = ["--limit", "-n", "--since", "--until", "--author", "--snippets",
                                                "--color", "--index", "--corpus"]
    static let flags: Set<String> = ["--json", "-l", "--files-with-matches", "-c", "--count", "--explain",
                                     "-h", "--help"]

    static func normalize(_ args: [String]) -> [String] {
        guard args.first == "search" else { return args }
        var options: [String] = []
        var words: [String] = []
        var i = 1
        while i < args.count {
            let a = args[i]
            if a == "--" {
                words += args[(i + 1)...]
                break
            }
            let name = a.split(separator: "=", maxSplits: 1).first.map(String.init) ?? a
            if optionsWithValue.contains(name) {
                options.append(a)
                if !a.contains("="), i + 1 < args.count {
                    options.append(args[i + 1])
                    i += 1
                }
            } else if flags.contains(a) || (a.hasPrefix("--") && a.count > 2) {
                options.append(a)
            } else {
                words.append(a)
            }
            i += 1
        }
        return ["search"] + options + (words.isEmpty ? [] : ["--"] + words)
    }
}
