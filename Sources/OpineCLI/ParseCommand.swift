import ArgumentParser
import Foundation
import Opine
import OpineText

struct ParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Show what Opine reads from files, without indexing them.",
        discussion: """
            Prints each file's title, by-line, date and outlet, then its passages with their kinds (or, with --json, one object per article as `opine show --json` prints it); a CSV or JSON Lines export prints each of its records. Check a saved page here before indexing a folder of its siblings.
            """)

    @Argument(help: ArgumentHelp("Files to read (.txt, .md, .html, .html.gz, .mhtml, .csv, …).", valueName: "file"))
    var files: [String]

    @Flag(help: "One JSON object per article (JSON Lines).")
    var json = false

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("give a file, for example: opine parse page.html") }
    }

    func run() throws {
        var failed = false
        for file in files {
            do {
                let warnings = try Engine.parse(file: file) { detail in
                    if json {
                        Output.line(detail.json(path: detail.summary.path))
                    } else {
                        ParseCommand.printText(detail, path: detail.summary.path)
                    }
                }
                for w in warnings { Output.error("opine: warning: \(file): \(w)") }
            } catch let error as any OpineError {
                Output.error("opine: \(error.description)")
                failed = true
            }
        }
        if failed { throw ExitCode(ExitStatus.error) }
    }

    static func printText(_ a: ArticleDetail, path: String) {
        Output.line("file:    \(path)")
        Output.line("title:   \(a.summary.title)")
        Output.line("by:      \(a.summary.authors.joined(separator: ", "))")
        Output.line("date:    \(a.summary.date?.description ?? "")")
        Output.line("outlet:  \(a.summary.outlet)")
        if let url = a.summary.url { Output.line("url:     \(url)") }
        for p in a.passages {
            Output.line()
            Output.line("[\(p.kind)] \(p.text)")
        }
        Output.line()
    }
}
