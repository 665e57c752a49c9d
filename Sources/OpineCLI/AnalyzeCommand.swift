import ArgumentParser
import Opine
import OpineRanking
import OpineRender
import OpineText

struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Print the token stream of a text, as the index (or a query) sees it.",
        discussion: "Columns: term, position, UTF-8 byte range, and + for an alternative at the same position.")

    @Flag(help: "Analyze as a query (no alternatives; acronyms stay uppercase only).")
    var query = false

    @Flag(help: "One JSON object per token.")
    var json = false

    @Argument(parsing: .allUnrecognized, help: ArgumentHelp("The text.", valueName: "text"))
    var text: [String] = []

    func run() throws {
        let input = text.joined(separator: " ")
        let tokens = Analyzer().tokens(input, mode: query ? .query : .document)
        let bytes = Array(input.utf8)
        for t in tokens {
            let source = String(decoding: bytes[t.range], as: UTF8.self)
            if json {
                var o = JSONObject()
                o.add("term", t.term)
                o.add("position", t.position)
                o.add("start", t.range.lowerBound)
                o.add("end", t.range.upperBound)
                o.add("colocated", t.isColocated)
                o.add("source", source)
                Output.line(o.text)
            } else {
                let pad = String(repeating: " ", count: max(0, 18 - t.term.count))
                Output.line("\(t.term)\(pad) \(t.position)\t\(t.range.lowerBound)..<\(t.range.upperBound)\t\(t.isColocated ? "+" : " ") \(source)")
            }
        }
        if tokens.isEmpty { throw ExitCode(ExitStatus.notFound) }
    }
}
