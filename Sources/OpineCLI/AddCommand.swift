import ArgumentParser
import Foundation
import Opine

struct AddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Fetch op-eds by URL, keep each page in the corpus folder, and index it.",
        discussion: """
            The page is saved as fetched (2025-09-20-there-are-limits-to-bonhomie.html) in --into DIR, remembered per index (default: Corpus/ of the default index, else a folder beside the index: news-pages/ for news.sqlite); re-indexing never needs the network. An address already in the index (or its canonical address) is not fetched again unless --refresh. Only http and https.

            Exit codes: 0 done, 2 error, 3 some pages failed (each named), 64 usage error (an unknown option, a missing argument).
            """)

    @OptionGroup var location: IndexOptions

    @Argument(help: ArgumentHelp("Addresses of op-ed pages.", valueName: "url"))
    var urls: [String]

    @Option(help: ArgumentHelp("Where to keep the pages (remembered for this index).", valueName: "dir"))
    var into: String?

    @Flag(help: "Fetch again addresses already in the index.")
    var refresh = false

    func validate() throws {
        guard !urls.isEmpty else { throw ValidationError("give an address, for example: opine add https://…/op-ed") }
    }

    func run() throws {
        let (engine, fallback) = try location.openForWriting()
        let report = try Interruption.during { stop in
            try engine.add(urls, into: into, fallback: fallback, refresh: refresh, stop: stop)
        }
        try FetchOutput.print(report, command: "add")
    }
}

/// What `add` and `update` print, and their exit code.
enum FetchOutput {
    static func print(_ report: Engine.FetchReport, command: String) throws {
        for f in report.failures { Output.error("opine: \(f)") }
        for url in report.known { Output.error("opine: \(url): already in the index (--refresh fetches it again)") }
        for path in report.saved { Output.line("saved \(Paths.display(path))") }
        if let sync = report.sync { Output.line(IndexCommand.summary(sync)) }
        var summary = "\(report.saved.count) added, \(report.known.count) already indexed, \(report.failures.count) failed"
        if report.retried > 0 { summary += " (\(report.retried) earlier failure\(report.retried == 1 ? "" : "s") retried, \(report.recovered) added)" }
        Output.line(summary)
        if report.interrupted {
            Output.error("opine: interrupted: \(report.saved.count) page\(report.saved.count == 1 ? "" : "s") saved, not all indexed; `opine \(command)` finishes the job")
            throw ExitCode(ExitStatus.interrupted)
        }
        if !report.failures.isEmpty { throw ExitCode(ExitStatus.partial) }
    }
}
