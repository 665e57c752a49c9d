import ArgumentParser
import Opine
import OpineText

/// The filters `search` and `trend` share: dates, authors, outlets.
struct FilterOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Only articles dated on or after this day.", valueName: "YYYY-MM-DD"))
    var since: String?

    @Option(help: ArgumentHelp("Only articles dated on or before this day.", valueName: "YYYY-MM-DD"))
    var until: String?

    @Option(help: ArgumentHelp("Only articles by this author (part of the name; repeat for any of several).", valueName: "name"))
    var author: [String] = []

    @Option(help: ArgumentHelp("Only articles from this outlet (part of its name; repeatable).", valueName: "name"))
    var outlet: [String] = []

    func validate() throws {
        for (name, value) in [("--since", since), ("--until", until)] {
            if let v = value, ArticleDate(iso: v) == nil {
                throw ValidationError("\(name) wants a date as YYYY-MM-DD, not '\(v)'")
            }
        }
    }

    /// True when no filter is given.
    var isEmpty: Bool { author.isEmpty && outlet.isEmpty && since == nil && until == nil }

    var sinceDate: ArticleDate? { since.flatMap(ArticleDate.init(iso:)) }
    var untilDate: ArticleDate? { until.flatMap(ArticleDate.init(iso:)) }
}
