import Foundation
import Opine
import OpineRender

/// What `opine trend` prints: a row per period (bars), or a sparkline per query when the periods
/// are many. The CSV, JSON Lines and chart are the trend's own (`TrendResponse+Tables`).
/// Sparse periods (fewer dated articles than the minimum) are marked, and take no part in the
/// bars' scale, as in the chart.
struct TrendPrinter {
    let trend: TrendResponse
    let mentions: Bool
    let colour: Bool

    /// More periods than this: one sparkline per query instead of a row per period.
    static let maximumRows = 40
    static let bars = ["▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"]
    static let sparks = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    /// A sparse period's bar, and its mark in a sparkline.
    static let sparseBar = "░", sparseSpark = "·"
    static let ansi = ["\u{1B}[34m", "\u{1B}[31m", "\u{1B}[32m", "\u{1B}[35m", "\u{1B}[33m", "\u{1B}[36m"]

    func value(_ s: TrendResponse.Series, _ i: Int) -> Double? { trend.value(s, i, mentions: mentions) }

    func coloured(_ text: String, _ k: Int) -> String {
        colour ? TrendPrinter.ansi[k % TrendPrinter.ansi.count] + text + "\u{1B}[0m" : text
    }

    func label(_ b: TrendResponse.Bucket) -> String { trend.period.readableLabel(b.start) }

    func text() -> [String] {
        let p = trend.period.rawValue
        var out = ["\(p)s: " + (mentions ? "mentions" : "matching / dated articles, and the share")
                   + "; " + trend.series.enumerated().map { coloured($0.element.query, $0.offset) }.joined(separator: ", ")]
        let many = trend.buckets.count > TrendPrinter.maximumRows
        if trend.buckets.contains(where: { $0.sparse && $0.total > 0 }) {
            out.append("\(many ? TrendPrinter.sparseSpark : TrendPrinter.sparseBar) sparse: a \(p) of fewer than \(trend.minimumArticles) dated articles (--min-articles), too few for a share to mean much")
        }
        out += many ? sparklines() : rows()
        return out + notes()
    }

    /// Strays left out, undated matches and articles.
    func notes() -> [String] {
        var out: [String] = []
        if trend.leftOut.before + trend.leftOut.after > 0, let first = trend.buckets.first, let last = trend.buckets.last {
            out.append("left out, far from the rest: \(trend.leftOutText(first: first, last: last)) (--since, --until show \(trend.leftOut.before + trend.leftOut.after == 1 ? "it" : "them"))")
        }
        for s in trend.series where s.undated > 0 { out.append("\(s.query): \(s.undated) matching articles have no date") }
        if trend.undatedArticles > 0 { out.append("\(trend.undatedArticles) articles of the collection have no date") }
        return out
    }

    /// The largest value of a period that is not sparse (of any, when every period is).
    func maximum(_ values: [(Double?, Bool)]) -> Double {
        let solid = values.filter { !$0.1 }.compactMap(\.0)
        return (solid.isEmpty ? values.compactMap(\.0) : solid).max() ?? 0
    }

    /// `Mar 2, 1987  oil  142/1203  11.8% ███████▌` for each period and query, every bar on one
    /// scale (the queries compared); `0/0  –` for a period with no dated article; a sparse
    /// period's bar in `░`, at most the full width, and `sparse` after it.
    func rows() -> [String] {
        let width = 24.0
        let all = trend.series.flatMap { s in trend.buckets.indices.map { (value(s, $0), trend.buckets[$0].sparse) } }
        let top = maximum(all)
        let labelWidth = trend.buckets.map { label($0).count }.max() ?? 7
        let nameWidth = trend.series.map(\.query.count).max() ?? 4
        var out: [String] = []
        for (i, b) in trend.buckets.enumerated() {
            for (k, s) in trend.series.enumerated() {
                let v = value(s, i)
                let share = v.map { String(format: "%5.1f%%", $0 * 100) } ?? "     –"
                let figure = mentions ? (v == nil ? "     –" : String(format: "%6d", s.mentions[i]))
                    : String(format: "%5d/%-6d ", s.articles[i], b.total) + share
                let name = k == 0 ? label(b).padding(toLength: labelWidth, withPad: " ", startingAt: 0) : String(repeating: " ", count: labelWidth)
                var bar = TrendPrinter.bar(min(v ?? 0, top), of: top, width: width)
                if b.sparse, v != nil { bar = String(repeating: TrendPrinter.sparseBar, count: bar.count) + (bar.isEmpty ? "" : " ") + "sparse" }
                out.append("\(name)  \(s.query.padding(toLength: nameWidth, withPad: " ", startingAt: 0))  \(figure)"
                           + (bar.isEmpty ? "" : "  " + coloured(bar, k)))
            }
        }
        return out
    }

    static func bar(_ v: Double, of maximum: Double, width: Double) -> String {
        guard maximum > 0, v > 0 else { return "" }
        let eighths = Int((v / maximum * width * 8).rounded())
        return String(repeating: "█", count: eighths / 8) + (eighths % 8 > 0 ? bars[eighths % 8 - 1] : "")
    }

    /// One line per query, one character per period (`·` a sparse one), the axis labelled
    /// with its ends; the peak of the periods that are not sparse, with its counts.
    func sparklines() -> [String] {
        let nameWidth = trend.series.map(\.query.count).max() ?? 4
        var out: [String] = []
        for (k, s) in trend.series.enumerated() {
            let values = trend.buckets.indices.map { (value(s, $0), trend.buckets[$0].sparse) }
            let top = maximum(values)
            // A period with no dated article is a blank; one that has some, at least ▁.
            let line = values.map { v, sparse in
                sparse && v != nil ? TrendPrinter.sparseSpark
                    : v.map { top == 0 ? TrendPrinter.sparks[0] : TrendPrinter.sparks[min(7, Int(min($0, top) / top * 7.99))] } ?? " "
            }.joined()
            out.append(s.query.padding(toLength: nameWidth, withPad: " ", startingAt: 0) + "  " + coloured(line, k) + "  " + peak(s, values, top))
        }
        let first = trend.buckets.first.map(label) ?? "", last = trend.buckets.last.map(label) ?? ""
        let gap = max(1, trend.buckets.count - first.count - last.count)
        out.append(String(repeating: " ", count: nameWidth + 2) + first + String(repeating: " ", count: gap) + last)
        return out
    }

    /// "max 14.6% (32 of 219, Apr 27, 1987)".
    func peak(_ s: TrendResponse.Series, _ values: [(Double?, Bool)], _ top: Double) -> String {
        let at = values.indices.first { values[$0].0 == top && (!values[$0].1 || values.allSatisfy(\.1)) }
        guard let i = at else { return "" }
        let b = trend.buckets[i]
        if mentions { return "max \(Int(top)) (\(label(b)))" }
        return "max " + String(format: "%.1f%%", top * 100) + " (\(s.articles[i]) of \(b.total), \(label(b)))"
    }
}
