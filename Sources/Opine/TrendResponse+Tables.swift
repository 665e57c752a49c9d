import Foundation
import OpineRender

/// A trend as data for every front end: one row per query and period (CSV, JSON Lines, the
/// server's API) and the SVG chart.
extension TrendResponse {
    public static let tableHeader = ["query", "period", "start", "end", "articles", "total", "ratio"]

    /// The plotted value: the share of the period's articles, or the mentions.
    public func value(_ s: Series, _ i: Int, mentions: Bool) -> Double {
        mentions ? Double(s.mentions[i]) : s.ratio(i, totals: buckets)
    }

    /// Rows of `tableHeader` (plus mentions when asked).
    public func table(mentions: Bool) -> [[String]] {
        var rows: [[String]] = []
        for s in series {
            for (i, b) in buckets.enumerated() {
                var row = [s.query, b.label, b.start.description, b.end.description, String(s.articles[i]), String(b.total),
                           String(format: "%.6f", s.ratio(i, totals: buckets))]
                if mentions { row.append(String(s.mentions[i])) }
                rows.append(row)
            }
        }
        return rows
    }

    public func csv(mentions: Bool) -> [String] {
        [CSV.row(TrendResponse.tableHeader + (mentions ? ["mentions"] : []))] + table(mentions: mentions).map(CSV.row)
    }

    /// One JSON object per query and period, the CSV's fields (numbers as numbers).
    public func jsonLines(mentions: Bool) -> [String] {
        table(mentions: mentions).map { row in
            var o = JSONObject()
            for (key, value) in zip(TrendResponse.tableHeader + ["mentions"], row) {
                if ["articles", "total", "mentions"].contains(key) { o.add(key, Int(value) ?? 0) }
                else if key == "ratio" { o.add(key, Double(value) ?? 0) }
                else { o.add(key, value) }
            }
            return o.text
        }
    }

    /// The chart: ratio (or mentions) per period, each series averaged over `smooth` periods.
    public func chart(mentions: Bool, smooth: Int = 1) -> TrendChart {
        let lines = series.map { s in
            let raw = buckets.indices.map { value(s, $0, mentions: mentions) }
            let averaged = raw.indices.map { i in
                let window = raw[max(0, i - smooth + 1)...i]
                return window.reduce(0, +) / Double(window.count)
            }
            return TrendChart.Series(name: s.query, values: averaged)
        }
        let what = mentions ? "mentions" : "share of the \(period.rawValue)'s articles"
        return TrendChart(title: "Discussed per \(period.rawValue)" + (smooth > 1 ? " (moving average of \(smooth))" : ""),
                          labels: buckets.map(\.label), series: lines, yLabel: what, percent: !mentions)
    }
}
