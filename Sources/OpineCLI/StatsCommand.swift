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
            Output.line(s.json(index: Paths.absolute(engine.indexPath)))
            return
        }
        // Absolute paths: the index and its roots are named wherever stats is run from.
        Output.line("index:     \(Paths.absolute(engine.indexPath)) (\(s.bytes / 1024) KiB)")
        Output.line("articles:  \(s.articles)")
        Output.line("passages:  \(s.passages)")
        Output.line("authors:   \(s.authors)")
        Output.line("terms:     \(s.terms)")
        Output.line("dates:     \(s.firstDate?.description ?? "–") … \(s.lastDate?.description ?? "–")")
        if !s.outlets.isEmpty {
            Output.line("outlets:   " + s.outlets.prefix(8).map { "\($0.name) \($0.articles)" }.joined(separator: ", ")
                        + (s.outlets.count > 8 ? ", … (\(s.outlets.count) in all)" : ""))
        }
        for r in s.roots { Output.line("root:      \(Paths.absolute(r))") }
        if let pages = try engine.rememberedPagesFolder() { Output.line("pages:     \(Paths.absolute(pages)) (fetched pages are kept here)") }
    }
}
