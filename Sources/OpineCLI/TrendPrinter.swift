import Foundation
import Opine
import OpineRender

/// What `opine trend` prints: a row per period (bars), or a sparkline per query when the periods
/// are many. The CSV, JSON Lines and chart are the trend's own (`TrendResponse+Tables`).
struct TrendPrinter {
    let trend: TrendResponse
    let mentions: Bool
    let colour: Bool

    /// More periods than this: one sparkline per query instead of a row per period.
    static let maximumRows = 40
    static let bars = ["▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"]
    static let sparks = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    static let ansi = ["\u{1B}[34m", "\u{1B}[31m", "\u{1B}[32m", "\u{1B}[35m", "\u{1B}[33m", "\u{1B}[36m"]

    func value(_ s: TrendResponse.Series, _ i: Int) -> Double? { trend.value(s, i, mentions: mentions) }

    func coloured(_ text: String, _ k: Int) -> String {
        colour ? TrendPrinter.ansi[k % TrendPrinter.ansi.count] + text + "\u{1B}[0m" : text
    }

    func text() -> [String] {
        var out = ["\(trend.period.rawValue)s, " + (mentions ? "mentions" : "share of the period's dated articles")
                   + "; " + trend.series.enumerated().map { coloured($0.element.query, $0.offset) }.joined(separator: ", ")]
        out += trend.buckets.count > TrendPrinter.maximumRows ? sparklines() : rows()
        for s in trend.series where s.undated > 0 { out.append("\(s.query): \(s.undated) matching articles have no date") }
        if trend.undatedArticles > 0 { out.append("\(trend.undatedArticles) articles of the collection have no date") }
        return out
    }

    /// `1987-03   oil  142/1203  11.8% ███████▌` for each period and query, every bar on one
    /// scale (the queries compared); `0/0  –` for a period with no dated article.
    func rows() -> [String] {
        let width = 24.0
        let maximum = trend.series.flatMap { s in trend.buckets.indices.compactMap { value(s, $0) } }.max() ?? 0
        let labelWidth = trend.buckets.map(\.label.count).max() ?? 7
        let nameWidth = trend.series.map(\.query.count).max() ?? 4
        var out: [String] = []
        for (i, b) in trend.buckets.enumerated() {
            for (k, s) in trend.series.enumerated() {
                let v = value(s, i)
                let share = v.map { String(format: "%5.1f%%", $0 * 100) } ?? "     –"
                let figure = mentions ? (v == nil ? "     –" : String(format: "%6d", s.mentions[i]))
                    : String(format: "%5d/%-6d ", s.articles[i], b.total) + share
                let label = k == 0 ? b.label.padding(toLength: labelWidth, withPad: " ", startingAt: 0) : String(repeating: " ", count: labelWidth)
                let bar = TrendPrinter.bar(v ?? 0, of: maximum, width: width)
                out.append("\(label)  \(s.query.padding(toLength: nameWidth, withPad: " ", startingAt: 0))  \(figure)"
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

    /// One line per query, one character per period, the axis labelled with its ends.
    func sparklines() -> [String] {
        let nameWidth = trend.series.map(\.query.count).max() ?? 4
        var out: [String] = []
        for (k, s) in trend.series.enumerated() {
            let values = trend.buckets.indices.map { value(s, $0) }
            let maximum = values.compactMap { $0 }.max() ?? 0
            // A period with no dated article is a blank; a period that has some, at least ▁.
            let line = values.map { v in
                v.map { maximum == 0 ? TrendPrinter.sparks[0] : TrendPrinter.sparks[min(7, Int($0 / maximum * 7.99))] } ?? " "
            }.joined()
            let peak = values.firstIndex(of: maximum).map { trend.buckets[$0].label } ?? ""
            let top = mentions ? String(Int(maximum)) : String(format: "%.1f%%", maximum * 100)
            out.append(s.query.padding(toLength: nameWidth, withPad: " ", startingAt: 0) + "  " + coloured(line, k) + "  max \(top) (\(peak))")
        }
        let first = trend.buckets.first?.label ?? "", last = trend.buckets.last?.label ?? ""
        let gap = max(1, trend.buckets.count - first.count - last.count)
        out.append(String(repeating: " ", count: nameWidth + 2) + first + String(repeating: " ", count: gap) + last)
        return out
    }
}
