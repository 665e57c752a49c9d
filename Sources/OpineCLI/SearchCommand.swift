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
            Exit codes: 0 results, 1 no results, 2 error.
            """)

    @OptionGroup var location: IndexOptions

    @Option(name: [.customShort("n"), .long], help: "Articles to show.")
    var limit = 10

    @Option(help: ArgumentHelp("Only articles dated on or after this day.", valueName: "YYYY-MM-DD"))
    var since: String?

    @Option(help: ArgumentHelp("Only articles dated on or before this day.", valueName: "YYYY-MM-DD"))
    var until: String?

    @Option(help: ArgumentHelp("Only articles by this author (part of the name; repeatable).", valueName: "name"))
    var author: [String] = []

    @Option(help: "Snippets per article (1 to 3).")
    var snippets = 1

    @Flag(help: "JSON Lines: one object per result (fields in the README).")
    var json = false

    @Flag(name: [.customShort("l"), .long], help: "Print only the paths of matching articles.")
    var filesWithMatches = false

    @Flag(name: [.short, .long], help: "Print only the number of matching articles.")
    var count = false

    @Flag(help: "Show each score's parts: BM25, proximity, passages, head bonus.")
    var explain = false

    @Option(help: "Colour: auto (a terminal, unless NO_COLOR is set), always, never.")
    var color: ColorChoice = .auto

    @Argument(help: ArgumentHelp("The query.", valueName: "query"))
    var words: [String] = []

    func validate() throws {
        guard limit >= 1 && limit <= 10_000 else { throw ValidationError("--limit must be between 1 and 10000") }
        guard (1...3).contains(snippets) else { throw ValidationError("--snippets must be 1, 2 or 3") }
        for (name, value) in [("--since", since), ("--until", until)] {
            if let v = value, ArticleDate(iso: v) == nil {
                throw ValidationError("\(name) wants a date as YYYY-MM-DD, not '\(v)'")
            }
        }
        guard !words.joined().trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ValidationError("give a query, for example: opine search CPEC")
        }
    }

    func run() throws {
        var request = SearchRequest(query: words.joined(separator: " "), limit: limit)
        request.since = since.flatMap(ArticleDate.init(iso:))
        request.until = until.flatMap(ArticleDate.init(iso:))
        request.authors = author
        request.snippets = snippets
        // -c needs only the count (no article is read when the words rule can count them); -l every path.
        // -l prints paths only: no snippet is cut.
        if count {
            request.limit = 0
        } else if filesWithMatches {
            request.limit = 10_000
            request.snippets = 0
        }
        let engine = try location.openForSearch()
        let response = try engine.search(request)
        let style = color.highlighter()
        if count {
            Output.line(String(response.matchedArticles))
        } else if filesWithMatches {
            for r in response.results { Output.line(Paths.display(r.article.path)) }
        } else if json {
            for r in response.results { Output.line(r.json(path: Paths.display(r.article.path), explain: explain)) }
        } else {
            printText(response, style: style)
        }
        if response.matchedArticles == 0 || (response.results.isEmpty && !count) {
            var message = "opine: no results for \(EngineError.quoted(request.query))"
            let unmatched = response.unmatchedWords.joined(separator: ", ")
            if !response.unmatchedWords.isEmpty && response.clauses.count > 1 && EngineError.quoted(unmatched) != "this query" {
                message += " (\(unmatched) matched nothing)"
            }
            Output.error(message)
            if !response.suggestions.isEmpty {
                Output.error("did you mean: " + response.suggestions.map(\.suggestion).joined(separator: " ") + "?")
            }
            throw ExitCode(ExitStatus.notFound)
        }
    }

    func printText(_ response: SearchResponse, style: Highlighter) {
        for r in response.results {
            if r.rank - 1 == response.firstPartial {
                Output.line("── below: articles matching only some of the words ──")
                Output.line()
            }
            Output.line(style.strong("\(r.rank). \(r.article.title)"))
            var meta: [String] = []
            if !r.article.authors.isEmpty { meta.append(r.article.authors.joined(separator: ", ")) }
            if let d = r.article.date { meta.append(d.description) }
            meta.append(Paths.display(r.article.path))
            Output.line("   " + meta.joined(separator: " · "))
            for s in r.snippets {
                Output.line("   " + style.render(s.text, highlights: s.highlights))
            }
            if explain {
                let e = r.explanation
                var prox = ""
                if let w = e.proximityDetail.window {
                    prox = " (window \(w), distances \(e.proximityDetail.pairDistances.map(String.init).joined(separator: ",")), closeness \(String(format: "%.3f", e.proximityDetail.closeness)))"
                }
                // %.4g: in a collection of a few articles most words occur in over half of them, and
                // FTS5's IDF floors at 1e-6, so the parts are tiny but still ordered.
                Output.line(String(format: "   score %.4g = article bm25 %.4g + passage bm25 %.4g + proximity %.4g%@ + other passages %.4g + head %.4g; %d/%d clauses",
                                   e.total, e.articleBM25, e.bm25, e.proximity, prox, e.extraPassages, e.headMatch, e.matchedClauses, e.totalClauses))
            }
            Output.line()
        }
        if response.matchedArticles > response.results.count {
            Output.line("\(response.results.count) of \(response.matchedArticles) matching articles shown (--limit)")
        }
    }
}
