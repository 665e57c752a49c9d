extension TrendChart {
    /// The legend: a swatch of each series' colour and its name, in rows.
    func legend(_ l: Layout) -> String {
        var out = ""
        for (r, row) in l.legendRows.enumerated() {
            var x = l.margin
            let y = l.legendY + Double(r) * 20
            for k in row {
                let name = TrendChart.legendName(series[k].name)
                out += "<line x1=\"\(ChartText.f(x))\" y1=\"\(ChartText.f(y - 4.5))\" x2=\"\(ChartText.f(x + 20))\" y2=\"\(ChartText.f(y - 4.5))\" stroke=\"\(TrendChart.colour(k))\" stroke-width=\"3\"/>\n"
                out += "<text x=\"\(ChartText.f(x + 26))\" y=\"\(ChartText.f(y))\" font-size=\"\(Int(TrendChart.legendSize))\">\(ChartText.escape(name))</text>\n"
                x += TrendChart.legendEntryWidth(name)
            }
        }
        return out
    }

    /// Grid lines and tick labels at the scale's round values, and the axis lines.
    func yAxis(_ l: Layout, _ scale: Scale) -> String {
        var out = ""
        for v in scale.ticks {
            let y = ChartText.f(l.y(v, scale))
            out += "<line x1=\"\(ChartText.f(l.left))\" y1=\"\(y)\" x2=\"\(ChartText.f(l.right))\" y2=\"\(y)\" stroke=\"\(v == 0 ? "#333" : "#e3e3e3")\"/>\n"
            out += "<text x=\"\(ChartText.f(l.left - 6))\" y=\"\(ChartText.f(l.y(v, scale) + 4))\" text-anchor=\"end\" fill=\"#333\">\(ChartText.escape(scale.label(v)))</text>\n"
        }
        return out
    }

    /// The labelled periods: a tick, the short name, and the year under it where it changes.
    func xAxis(_ l: Layout) -> String {
        var out = ""
        var lastYear: String?
        for i in labelledIndices(l) {
            let label = labels[i]
            let x = l.x(i)
            out += "<line x1=\"\(ChartText.f(x))\" y1=\"\(ChartText.f(l.plotBottom))\" x2=\"\(ChartText.f(x))\" y2=\"\(ChartText.f(l.plotBottom + 4))\" stroke=\"#333\"/>\n"
            out += axisText(label.short, x: x, y: l.labelsY, l)
            if let year = label.year, year != lastYear {
                out += axisText(year, x: x, y: l.labelsY + 15, l, colour: "#666")
                lastYear = year
            }
        }
        return out
    }

    /// A label centred under `x`, kept inside the chart at its ends.
    func axisText(_ text: String, x: Double, y: Double, _ l: Layout, colour: String = "#333") -> String {
        let half = ChartText.width(text, size: TrendChart.textSize) / 2
        let cx = min(max(x, half + 2), l.width - half - 2)
        return "<text x=\"\(ChartText.f(cx))\" y=\"\(ChartText.f(y))\" text-anchor=\"middle\" fill=\"\(colour)\">\(ChartText.escape(text))</text>\n"
    }

    /// Every n-th period, n the smallest of `labelSteps` whose labels do not overlap, on round
    /// boundaries (the periods whose ordinal n divides); the first period when none is.
    func labelledIndices(_ l: Layout) -> [Int] {
        guard !labels.isEmpty else { return [] }
        let widest = labels.map { max(ChartText.width($0.short, size: TrendChart.textSize),
                                      ChartText.width($0.year ?? "", size: TrendChart.textSize)) }.max() ?? 0
        let slot = (l.right - l.left) / Double(labels.count)
        let needed = Int(((widest + 12) / max(slot, 0.01)).rounded(.up))
        let step = labelSteps.first { $0 >= needed } ?? max(needed, 1)
        let picked = labels.indices.filter { ((labels[$0].ordinal % step) + step) % step == 0 }
        return picked.isEmpty ? [0] : picked
    }
}
