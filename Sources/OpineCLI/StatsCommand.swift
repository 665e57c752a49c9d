import ArgumentParser
import Opine
import OpineRanking
import OpineRender
import OpineText

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stats", abstract: "Figures about the index.")

    @OptionGroup var location: IndexOptions

    @Flag(help: "One JSON object.")
    var json = false

    func run() throws {
        let engine = try location.openForSearch()
        let s = try engine.stats()
        if json {
            var o = JSONObject()
            o.add("articles", s.articles)
            o.add("passages", s.passages)
            o.add("authors", s.authors)
            o.add("terms", s.terms)
            o.add("first_date", s.firstDate?.description)
            o.add("last_date", s.lastDate?.description)
            o.add("index_bytes", s.bytes)
            o.add("index", engine.indexPath)
            o.add("roots", strings: s.roots)
            o.add("outlets", raw: "{" + s.outlets.map { JSONObject.string($0.name) + ":" + String($0.articles) }.joined(separator: ",") + "}")
            Output.line(o.text)
            return
        }
        Output.line("index:     \(Paths.display(engine.indexPath)) (\(s.bytes / 1024) KiB)")
        Output.line("articles:  \(s.articles)")
        Output.line("passages:  \(s.passages)")
        Output.line("authors:   \(s.authors)")
        Output.line("terms:     \(s.terms)")
        Output.line("dates:     \(s.firstDate?.description ?? "–") … \(s.lastDate?.description ?? "–")")
        if !s.outlets.isEmpty {
            Output.line("outlets:   " + s.outlets.prefix(8).map { "\($0.name) \($0.articles)" }.joined(separator: ", ")
                        + (s.outlets.count > 8 ? ", … (\(s.outlets.count) in all)" : ""))
        }
        for r in s.roots { Output.line("root:      \(Paths.display(r))") }
    }
}
