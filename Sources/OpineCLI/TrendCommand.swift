import ArgumentParser
import Foundation
import Opine
import OpineRender
import OpineText

extension Period: ExpressibleByArgument {}

struct TrendCommand: ParsableCommand {
    enum Measure: String, ExpressibleByArgument, CaseIterable { case articles, mentions }

    static let configuration = CommandConfiguration(
        commandName: "trend",
        abstract: "How often each query was discussed, period by period, as a share of the articles.",
        discussion: """
            Each argument is one query of the search language (quote a query of several words). A period's count equals `opine search -c QUERY --since START --until END`; its ratio is that count over the period's dated articles, so a growing folder does not look like a growing subject. Undated matches are counted apart.

            A period with fewer dated articles than --min-articles is sparse: its share is shown and marked (░ in the rows, · in a sparkline, a hollow point in the chart, "sparse": true in JSON) and left out of the scale. A few articles far before or after the rest are left out and counted (--since and --until show them).

            Exit codes: 0, 1 nothing matched, 2 error (no dated article, too many periods), 64 usage error.
            """)

    @OptionGroup var location: IndexOptions

    @Argument(help: ArgumentHelp("Queries, one per argument.", valueName: "query"))
    var queries: [String]

    @Option(help: "Period: day, week, month, quarter or year (default: chosen from the dates).")
    var by: Period?

    @Option(help: "Count matching articles, or mentions (occurrences of the words).")
    var count: Measure = .articles

    @OptionGroup var filters: FilterOptions

    @Option(help: ArgumentHelp("A period with fewer dated articles is sparse (marked, not in the scale).", valueName: "n"))
    var minArticles = TrendRequest.defaultMinimumArticles

    @Flag(help: "CSV: query, period, start, end, articles, total, ratio, sparse (and mentions).")
    var csv = false

    @Flag(help: "JSON Lines: one object per query and period, the CSV's fields.")
    var json = false

    @Option(help: ArgumentHelp("Write a line chart as SVG to this file.", valueName: "file"))
    var svg: String?

    @Option(help: ArgumentHelp("With --svg: a moving average over this many periods.", valueName: "n"))
    var smooth: Int = 1

    @Option(help: "Colour: auto, always, never.")
    var color: ColorChoice = .auto

    func validate() throws {
        guard !queries.isEmpty else { throw ValidationError("give a query, for example: opine trend CPEC tariffs") }
        guard (1...365).contains(smooth) else { throw ValidationError("--smooth must be between 1 and 365") }
        guard (0...1_000_000).contains(minArticles) else { throw ValidationError("--min-articles must be between 0 and 1000000") }
    }

    func run() throws {
        var request = TrendRequest(queries: queries)
        request.period = by
        request.countsMentions = count == .mentions
        request.since = filters.sinceDate
        request.until = filters.untilDate
        request.authors = filters.author
        request.outlets = filters.outlet
        request.minimumArticles = minArticles
        let trend = try location.openForSearch().trend(request)
        let printer = TrendPrinter(trend: trend, mentions: count == .mentions, colour: color.enabled())
        let lines = csv ? trend.csv(mentions: printer.mentions) : json ? trend.jsonLines(mentions: printer.mentions) : printer.text()
        for line in lines { Output.line(line) }
        if csv || json { for note in printer.notes() { Output.error("opine: " + note) } }
        for s in trend.series {
            for word in s.unmatchedWords { Output.error("opine: no article has \(EngineError.quoted(word)) (in \(EngineError.quoted(s.query)))") }
        }
        if let svg {
            try trend.chart(mentions: printer.mentions, smooth: smooth).svg().write(toFile: svg, atomically: true, encoding: .utf8)
            Output.error("opine: wrote \(svg)")
        }
        if trend.series.allSatisfy({ $0.articles.allSatisfy { $0 == 0 } && $0.undated == 0 }) { throw ExitCode(ExitStatus.notFound) }
    }
}
