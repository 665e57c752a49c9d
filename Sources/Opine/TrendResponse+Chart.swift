import Foundation
import OpineRender
import OpineText

/// A trend as a chart that stands on its own: what is plotted (the queries), of what (the
/// collection, its dated articles, the period, the span), and what the lines leave out.
extension TrendResponse {
    /// The chart: ratio (or mentions) per period, each smoothed over the last `smooth` periods
    /// (a ratio pooled: the window's matching articles over its articles, so a month of one
    /// article weighs as one article; mentions averaged over the periods with data); a period
    /// with no dated article is a gap; a window of fewer than the minimum articles is sparse.
    /// `width`: the viewBox's, 900 for a file, a page column's on the web.
    public func chart(mentions: Bool, smooth: Int = 1, width: Double = 900) -> TrendChart {
        let lines = series.map { TrendChart.Series(name: TrendResponse.quoted($0.query), points: points($0, mentions: mentions, smooth: smooth)) }
        let labels = buckets.map { b in
            let axis = period.axisLabel(b.start)
            return TrendChart.Label(short: axis.short, year: axis.year, full: period.readableLabel(b.start), ordinal: period.ordinal(b.start))
        }
        var chart = TrendChart(title: chartTitle(mentions: mentions), subtitle: subtitle(mentions: mentions, smooth: smooth),
                               labels: labels, series: lines, percent: !mentions)
        chart.labelSteps = period.labelSteps
        chart.notes = notes(lines)
        chart.width = width
        return chart
    }

    func points(_ s: Series, mentions: Bool, smooth: Int) -> [TrendChart.Point] {
        buckets.indices.map { i -> TrendChart.Point in
            guard buckets[i].total > 0 else { return TrendChart.Point(value: nil) }
            let window = max(0, i - smooth + 1)...i
            let total = window.map { buckets[$0].total }.reduce(0, +)
            let matching = window.map { mentions ? s.mentions[$0] : s.articles[$0] }.reduce(0, +)
            let withData = window.filter { buckets[$0].total > 0 }.count
            let value = mentions ? Double(matching) / Double(withData) : Double(matching) / Double(total)
            return TrendChart.Point(value: value, sparse: total < minimumArticles, matching: matching, total: total)
        }
    }

    /// "‘oil’ and ‘coffee’"; "Mentions of ‘oil’".
    func chartTitle(mentions: Bool) -> String {
        let names = series.map { TrendResponse.quoted($0.query) }
        let list = names.count <= 1 ? names.joined() : names.dropLast().joined(separator: ", ") + " and " + (names.last ?? "")
        return mentions ? "Mentions of " + list : list
    }

    /// "Share of the 19,043 dated articles of reuters-21578 matching each query, per week,
    /// Feb–Oct 1987".
    func subtitle(mentions: Bool, smooth: Int) -> String {
        let articles = "\(ChartText.count(datedArticles)) dated article\(datedArticles == 1 ? "" : "s")"
        let of = collection.isEmpty ? "" : " of \(collection)"
        let each = series.count == 1 ? "the query" : "each query"
        var line = mentions ? "Mentions of \(each) per \(period.rawValue) in the \(articles)\(of)"
            : "Share of the \(articles)\(of) matching \(each), per \(period.rawValue)"
        line += ", " + span
        if smooth > 1 { line += "; moving average of \(smooth) \(period.rawValue)s" }
        return line
    }

    /// The periods' span as a reader says it: "1987", "Feb–Oct 1987", "Dec 2016 – Mar 2018", "1987–2016".
    var span: String {
        guard let first = buckets.first?.start, let last = buckets.last?.end else { return "" }
        if period == .year || period == .quarter {
            return first.year == last.year ? String(first.year) : "\(first.year)–\(last.year)"
        }
        let (a, b) = (Period.monthName(first.month), Period.monthName(last.month))
        if first.year != last.year { return "\(a) \(first.year) – \(b) \(last.year)" }
        if first.month == 1 && last.month == 12 { return String(first.year) }
        return first.month == last.month ? "\(a) \(first.year)" : "\(a)–\(b) \(first.year)"
    }

    /// What the lines do not show: sparse periods, strays left out, undated matches.
    func notes(_ lines: [TrendChart.Series]) -> [String] {
        var out: [String] = []
        let points = lines.flatMap(\.points).filter { $0.value != nil }
        let p = period.rawValue
        if points.contains(where: \.sparse) {
            out.append(points.allSatisfy(\.sparse)
                ? "Every \(p) has fewer than \(minimumArticles) dated articles (hollow points): shares of so few articles mean little."
                : "Hollow points: \(p)s of fewer than \(minimumArticles) dated articles, too few for a share to mean much; the scale leaves them out.")
        }
        if leftOut.before + leftOut.after > 0, let first = buckets.first, let last = buckets.last {
            let them = leftOut.before + leftOut.after == 1 ? "it" : "them"
            out.append("Left out, far from the rest: " + leftOutText(first: first, last: last) + " (a range of dates shows \(them)).")
        }
        for s in series where s.undated > 0 {
            out.append("\(TrendResponse.quoted(s.query)): \(ChartText.count(s.undated)) matching article\(s.undated == 1 ? " has" : "s have") no date.")
        }
        return out
    }

    /// "1 dated article before Feb 23, 1987 and 3 after Oct 19, 1987".
    public func leftOutText(first: Bucket, last: Bucket) -> String {
        let noun = leftOut.before + leftOut.after == 1 ? "dated article" : "dated articles"
        let before = "before \(period.readableLabel(first.start))", after = "after \(period.readableLabel(last.start))"
        let (b, a) = (ChartText.count(leftOut.before), ChartText.count(leftOut.after))
        if leftOut.after == 0 { return "\(b) \(noun) \(before)" }
        if leftOut.before == 0 { return "\(a) \(noun) \(after)" }
        return "\(b) \(noun) \(before) and \(a) \(after)"
    }

    /// A query as a chart names it: ‘oil’, a phrase in its own double quotes (“climate change”).
    static func quoted(_ query: String) -> String {
        let q = query.trimmingCharacters(in: .whitespaces)
        if q.count >= 2, q.hasPrefix("\""), q.hasSuffix("\""), !q.dropFirst().dropLast().contains("\"") {
            return "“" + q.dropFirst().dropLast() + "”"
        }
        return "‘" + q + "’"
    }

    /// The collection as a subtitle names it: the folders indexed ("reuters-21578", a folder
    /// named `docs` by its parent), and the filters ("by ‘Husain’", "from ‘Dawn’").
    static func collectionName(roots: [String], request: TrendRequest) -> String {
        let names = roots.map { root -> String in
            let url = URL(fileURLWithPath: root)
            let last = url.lastPathComponent
            return genericFolders.contains(last.lowercased()) ? url.deletingLastPathComponent().lastPathComponent : last
        }
        var out = names.count <= 2 ? names.joined(separator: " and ") : "\(names.count) folders"
        if !request.authors.isEmpty { out += " by " + request.authors.map { "‘\($0)’" }.joined(separator: " or ") }
        for outlet in request.outlets { out += " from ‘\(outlet)’" }
        return out
    }

    /// Folder names that say nothing of a collection, named by their parent instead.
    static let genericFolders: Set<String> = ["docs", "documents", "data", "html", "pages", "articles", "text", "txt", "csv", "files"]
}
