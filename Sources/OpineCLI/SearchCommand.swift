import ArgumentParser
import Foundation
import Opine
import OpineRanking
import OpineRender
import OpineText

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search the index; print the best passage of each matching article.",
        discussion: """
            Query syntax:
              cpec bonhomie        every word required; if fewer than --limit articles
                                   have them all, those with most of them follow
              "exact phrase"       words adjacent, in order
              Rubio OR Dar         either word
              -India, NOT India    exclude articles containing the word (no -- needed)
              NEAR(trade tariffs, 5)  words within 5 words of each other
              terror*              words starting with "terror"
              title:bonhomie       in the title;  author:Husain  by that author
            Case matters only for acronyms: US finds the acronym, us finds both.
            Exit codes: 0 results, 1 no results, 2 error, 64 usage error (an unknown option, -c with -l).
            """)

    @OptionGroup var location: IndexOptions

    @Option(name: [.customShort("n"), .long], help: "Articles to show.")
    var limit = 10

    @OptionGroup var filters: FilterOptions

    @Option(help: "Snippets per article (1 to 3).")
    var snippets = 1

    @Flag(help: "JSON Lines: one object per result (fields in the README).")
    var json = false

    @Flag(help: "CSV: a header, then rank, score, path, title, authors, date, outlet, snippet per result.")
    var csv = false

    @Flag(name: [.customShort("l"), .long], help: "Print only the paths of matching articles.")
    var filesWithMatches = false

    @Flag(name: [.short, .long], help: "Print only the number of matching articles.")
    var count = false

    @Flag(help: "Show each score's parts: BM25, proximity, passages, head bonus.")
    var explain = false

    @Option(help: "Colour: auto (a terminal, unless NO_COLOR is set), always, never.")
    var color: ColorChoice = .auto

    /// Read and score every matching article: the ranking the two phases are measured against.
    @Flag(help: ArgumentHelp("Rank by reading every match (the reference of the two-phase ranking).", visibility: .hidden))
    var exhaustive = false

    @Argument(help: ArgumentHelp("The query.", valueName: "query"))
    var words: [String] = []

    func validate() throws {
        guard limit >= 1 && limit <= 10_000 else { throw ValidationError("--limit must be between 1 and 10000") }
        guard (1...3).contains(snippets) else { throw ValidationError("--snippets must be 1, 2 or 3") }
        guard !(count && filesWithMatches) else {
            throw ValidationError("-c counts the matching articles and -l lists their files: give one of them")
        }
        guard !filters.isEmpty || !words.joined().trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ValidationError("give a query, for example: opine search CPEC (or a filter: --author, --outlet, --since)")
        }
    }

    func run() throws {
        var request = SearchRequest(query: words.joined(separator: " "), limit: limit)
        request.since = filters.sinceDate
        request.until = filters.untilDate
        request.authors = filters.author
        request.outlets = filters.outlet
        request.snippets = snippets
        request.exhaustive = exhaustive
        // -c needs only the count (no article is read when the words rule can count them); -l every path.
        // -l prints paths only: no snippet is cut.
        if count {
            request.limit = 0
        } else if filesWithMatches {
            request.limit = 10_000
            request.snippets = 0
            request.completeOnly = true
        }
        let engine = try location.openForSearch()
        let response = try engine.search(request)
        let printer = SearchPrinter(highlighter: color.highlighter(), explain: explain, display: Paths.display)
        let mode: SearchPrinter.Mode = count ? .count : filesWithMatches ? .paths : json ? .json : csv ? .csv : .text
        for line in printer.lines(response, mode: mode) { Output.line(line) }
        let notices = printer.notices(response, query: request.query, mode: mode)
        for line in notices.lines { Output.error(line) }
        if notices.notFound { throw ExitCode(ExitStatus.notFound) }
    }
}
