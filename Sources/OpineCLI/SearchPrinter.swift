import Foundation
import Opine
import OpineRanking
import OpineRender
import OpineText

/// What `opine search` prints, as lines: the results as text, JSON Lines, paths or a count,
/// and the notice for no results. Pure (tested in process); the command writes the lines.
struct SearchPrinter {
    enum Mode { case text, json, csv, paths, count }

    var highlighter: Highlighter
    var explain: Bool
    /// A path as shown to the user (relative to the current folder).
    var display: (String) -> String

    func lines(_ response: SearchResponse, mode: Mode) -> [String] {
        switch mode {
        case .count: [String(response.completeArticles)]
        case .paths: SearchPrinter.files(response).map { display($0.file) }
        case .json: response.results.map {
            $0.json(path: display($0.article.path), explain: explain, unmatched: response.unmatched)
        }
        case .text: text(response)
        case .csv: [CSV.row(["rank", "score", "path", "title", "authors", "date", "outlet", "snippet"])] + response.results.map {
            CSV.row([String($0.rank), String(format: "%.6g", $0.score), display($0.article.path), $0.article.title,
                     $0.article.authors.joined(separator: "; "), $0.article.date?.description ?? "", $0.article.outlet,
                     $0.snippets.first?.text ?? ""])
        }
        }
    }

    /// What `-l` lists: each file holding a complete match once, in rank order (a dataset file
    /// once for all its records, which no other tool could open by `file#identity`), with
    /// how many of its records match.
    static func files(_ response: SearchResponse) -> [(file: String, records: Int)] {
        var out: [(file: String, records: Int)] = []
        var index: [String: Int] = [:]
        for r in response.results where r.isComplete {
            let file = r.article.file
            if let i = index[file] { out[i].records += 1; continue }
            index[file] = out.count
            out.append((file, r.article.recordFile == nil ? 0 : 1))
        }
        return out
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
            if !r.article.bylineOutlet.isEmpty { meta.append(r.article.bylineOutlet) }
            meta.append(display(r.article.path))
            out.append("   " + meta.joined(separator: " · "))
            for s in r.snippets { out.append("   " + highlighter.render(s.text, highlights: s.highlights)) }
            if explain { out.append("   " + SearchPrinter.explanation(r.explanation)) }
            out.append("")
        }
        let shown = response.results.filter(\.isComplete).count
        if response.completeArticles > shown {
            out.append("\(shown) of \(response.completeArticles) matching articles shown (--limit)")
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
        return String(format: "score %.4g = article bm25 %.4g + passage bm25 %.4g + proximity %.4g%@ + phrase %.4g + other passages %.4g + head %.4g; %d/%d clauses",
                      e.total, e.articleBM25, e.bm25, e.proximity, prox, e.phrase, e.extraPassages, e.headMatch, e.matchedClauses,
                      e.totalClauses)
    }

    /// Each word no article has, with its suggestion.
    /// The lines for stderr: which words no article has (with "did you mean"), whatever was
    /// found; and when nothing was found, what the filters left out. `notFound` sets exit 1:
    /// for `-c` and `-l`, no article satisfies the whole query; otherwise nothing is listed.
    func notices(_ response: SearchResponse, query: String, mode: Mode) -> (lines: [String], notFound: Bool) {
        let notFound = mode == .count || mode == .paths ? response.completeArticles == 0 : response.results.isEmpty
        var out: [String] = []
        if notFound {
            var line = "opine: no results for \(EngineError.quoted(query))"
            if let (n, filters) = response.filteredOut {
                line = query.trimmingCharacters(in: .whitespaces).isEmpty
                    ? "opine: no article is " + filters.joined(separator: " and ")
                    : "opine: \(n) article\(n == 1 ? "" : "s") match\(n == 1 ? "es" : "") \(EngineError.quoted(query)); none is "
                        + filters.joined(separator: " and ")
            }
            out.append(line)
        }
        if mode == .paths {
            for f in SearchPrinter.files(response) where f.records > 0 {
                out.append("opine: \(display(f.file)): \(f.records) matching record\(f.records == 1 ? "" : "s") (--json names each)")
            }
        }
        for (word, suggestion) in response.unmatched {
            out.append("opine: no article has \(EngineError.quoted(word))" + (suggestion.map { " — did you mean \($0)?" } ?? ""))
        }
        for m in response.throughStem {
            out.append("opine: \(EngineError.quoted(m.word)) matched as \(EngineError.quoted(m.stem + "…")) in \(m.articles) article\(m.articles == 1 ? "" : "s")"
                + " (none has the word as written)" + (m.suggestion.map { " — did you mean \($0)?" } ?? ""))
        }
        for c in response.commonerSpellings {
            out.append("opine: \(c.articles) article\(c.articles == 1 ? " has" : "s have") \(EngineError.quoted(c.word))"
                + " — did you mean \(c.suggestion) (\(c.suggestionArticles) articles)?")
        }
        return (out, notFound)
    }
}
