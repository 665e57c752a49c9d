import Opine
import OpineText

/// One op-ed, whole: title, by-line, date, standfirst, caption, body and bio, each passage
/// with the query's matches marked and an anchor (`#p3`) the results link to, so the page
/// opens at the best passage; the best one is also linked at the top.
struct ArticlePage {
    let reading: ArticleReading
    let form: SearchForm

    func main() -> String {
        let d = reading.detail
        var out = "<article class=\"op-ed\">\n"
        if !form.query.isEmpty {
            out += "<p class=\"back\"><a href=\"/search?\(HTML.href(form.parameters()))\">← Results for <q>\(HTML.text(form.query))</q></a></p>\n"
        }
        let title = d.passages.first { $0.kind == .title }
        out += "<h1 id=\"p\(title?.ordinal ?? 0)\">\(title.map(marked) ?? HTML.text(d.summary.title))</h1>\n"
        out += "<p class=\"meta\">\(HTML.byline(authors: d.summary.authors, outlet: d.summary.bylineOutlet, date: d.summary.date?.description))\(original())</p>\n"
        if let best = reading.bestOrdinal, best != title?.ordinal {
            let count = reading.marks.values.reduce(0) { $0 + $1.count }
            out += "<p class=\"jump\">\(HTML.plural(count, "match", "matches")) marked · <a href=\"#p\(best)\">go to the best passage</a></p>\n"
        }
        for p in d.passages where p.kind != .title { out += passage(p) }
        out += "<p class=\"file\">\(HTML.text(ArticlePage.fileName(d.summary.path)))</p>\n"
        return out + "</article>\n"
    }

    func marked(_ p: PassageView) -> String { HTML.marked(p.text, reading.marks[p.ordinal] ?? []) }

    func passage(_ p: PassageView) -> String {
        let best = p.ordinal == reading.bestOrdinal ? " best" : ""
        switch p.kind {
        case .standfirst: return "<p id=\"p\(p.ordinal)\" class=\"standfirst\(best)\">\(marked(p))</p>\n"
        case .caption: return "<figure><figcaption id=\"p\(p.ordinal)\" class=\"caption\(best)\">\(marked(p))</figcaption></figure>\n"
        case .bio: return "<p id=\"p\(p.ordinal)\" class=\"bio\(best)\">\(marked(p))</p>\n"
        default: return "<p id=\"p\(p.ordinal)\" class=\"body\(best)\">\(marked(p))</p>\n"
        }
    }

    /// A link to where it was published: http(s) addresses only.
    func original() -> String {
        guard let url = reading.detail.summary.url, url.hasPrefix("https://") || url.hasPrefix("http://") else { return "" }
        return " · <a href=\"\(HTML.href(url))\" rel=\"noopener noreferrer\">original</a>"
    }

    static func fileName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}
