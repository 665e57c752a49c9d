import ArgumentParser
import Opine
import OpineRanking
import OpineRender
import OpineText

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show one article's metadata and parsed fields.")

    @OptionGroup var location: IndexOptions

    @Argument(help: ArgumentHelp("The article: its id, its path, or its file name.", valueName: "article"))
    var article: String

    @Flag(help: "One JSON object with path, title, authors, date, standfirst, caption, body, bio.")
    var json = false

    func run() throws {
        let engine = try location.openForSearch()
        let a = try engine.article(article)
        if json {
            Output.line(a.json(path: Paths.display(a.summary.path)))
            return
        }
        Output.line("title:      \(a.summary.title)")
        Output.line("authors:    \(a.summary.authors.joined(separator: ", "))")
        Output.line("date:       \(a.summary.date?.description ?? "")")
        Output.line("outlet:     \(a.summary.outlet)")
        if let url = a.summary.url { Output.line("url:        \(url)") }
        Output.line("path:       \(Paths.display(a.summary.path))")
        Output.line("id:         \(a.summary.id)")
        Output.line("standfirst: \(a.standfirst)")
        Output.line("caption:    \(a.caption)")
        Output.line("bio:        \(a.bio)")
        Output.line("body:       \(a.body.count) paragraphs")
        for p in a.body {
            Output.line()
            Output.line(p)
        }
    }
}
