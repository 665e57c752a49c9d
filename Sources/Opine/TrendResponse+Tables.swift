import Foundation
import OpineRender

/// A trend as data for every front end: one row per query and period (CSV, JSON Lines, the
/// server's API). `sparse`: the period has fewer dated articles than the minimum.
extension TrendResponse {
    public static let tableHeader = ["query", "period", "start", "end", "articles", "total", "ratio", "sparse"]

    /// The plotted value: the share of the period's articles, or the mentions; nil for a period
    /// with no dated article (a gap in a chart, "–" in a table).
    public func value(_ s: Series, _ i: Int, mentions: Bool) -> Double? {
        guard buckets[i].total > 0 else { return nil }
        return mentions ? Double(s.mentions[i]) : s.ratio(i, totals: buckets)
    }

    /// Rows of `tableHeader` (plus mentions when asked).
    public func table(mentions: Bool) -> [[String]] {
        var rows: [[String]] = []
        for s in series {
            for (i, b) in buckets.enumerated() {
                var row = [s.query, b.label, b.start.description, b.end.description, String(s.articles[i]), String(b.total),
                           s.ratio(i, totals: buckets).map { String(format: "%.6f", $0) } ?? "", b.sparse ? "true" : "false"]
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
                else if key == "ratio" { if let r = Double(value) { o.add(key, r) } else { o.add(key, nil as String?) } }
                else if key == "sparse" { o.add(key, value == "true") }
                else { o.add(key, value) }
            }
            return o.text
        }
    }
}
