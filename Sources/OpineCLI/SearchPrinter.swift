import Foundation
import Opine
import OpineRanking
import OpineRender
import OpineText

/// What `opine search` prints, as lines: the results as text, JSON Lines, paths or a count,
/// and the notice for no results. Pure (tested in process); the command writes the lines.
struct SearchPrinter {
    enum Mode { case text, json, paths, count }

    var highlighter: Highlighter
    var explain: Bool
    /// A path as shown to the user (relative to the current folder).
    var display: (String) -> String

    func lines(_ response: SearchResponse, mode: Mode) -> [String] {
        switch mode {
        case .count: [String(response.matchedArticles)]
        case .paths: response.results.map { display($0.article.path) }
        case .json: response.results.map { $0.json(path: display($0.article.path), explain: explain) }
        case .text: text(response)
        }
    }

    func text(_ response: SearchResponse) -> [String] {
        var out: [String] = []
        for r in response.results {
            if r.rank - 1 == response.firstPartial {
                out += ["── below: articles matching only some of the words ──", ""]
            }
            out.append(highlighter.strong("\(r.rank). \(r.article.title)"))
            var meta: [String] = []
            if !r.article.authors.isEmpty { meta.append(r.article.authors.joined(separator: ", ")) }
            if let d = r.article.date { meta.append(d.description) }
            if !r.article.outlet.isEmpty { meta.append(r.article.outlet) }
            meta.append(display(r.article.path))
            out.append("   " + meta.joined(separator: " · "))
            for s in r.snippets { out.append("   " + highlighter.render(s.text, highlights: s.highlights)) }
            if explain { out.append("   " + SearchPrinter.explanation(r.explanation)) }
            out.append("")
        }
        if response.matchedArticles > response.results.count {
            out.append("\(response.results.count) of \(response.matchedArticles) matching articles shown (--limit)")
        }
        return out
    }

    /// A score's parts on one line. %.4g: in a collection of a few articles most words occur
    /// in over half of them, and FTS5's IDF floors at 1e-6, so the parts are tiny but ordered.
    static func explanation(_ e: ScoreExplanation) -> String {
        var prox = ""
        if let w = e.proximityDetail.window {
            let distances = e.proximityDetail.pairDistances.map(String.init).joined(separator: ",")
            prox = " (window \(w), distances \(distances), closeness \(String(format: "%.3f", e.proximityDetail.closeness)))"
        }
        return String(format: "score %.4g = article bm25 %.4g + passage bm25 %.4g + proximity %.4g%@ + other passages %.4g + head %.4g; %d/%d clauses",
                      e.total, e.articleBM25, e.bm25, e.proximity, prox, e.extraPassages, e.headMatch, e.matchedClauses,
                      e.totalClauses)
    }

    /// The lines for stderr when nothing matched (nil when something did): which words matched
    /// nothing, and what the index has instead.
    func noResults(_ response: SearchResponse, query: String, counting: Bool) -> [String]? {
        guard response.matchedArticles == 0 || (response.results.isEmpty && !counting) else { return nil }
        var message = "opine: no results for \(EngineError.quoted(query))"
        let unmatched = response.unmatchedWords.joined(separator: ", ")
        if !response.unmatchedWords.isEmpty && response.clauses.count > 1 && EngineError.quoted(unmatched) != "this query" {
            message += " (\(unmatched) matched nothing)"
        }
        var out = [message]
        if !response.suggestions.isEmpty {
            out.append("did you mean: " + response.suggestions.map(\.suggestion).joined(separator: " ") + "?")
        }
        return out
    }
}
