extension TrendChart {
    /// Where everything goes, top to bottom: title, subtitle, legend, plot, period labels,
    /// notes; the height is what they take.
    struct Layout {
        let margin = 16.0
        let width: Double
        let titleLines: [String], subtitleLines: [String], noteLines: [String]
        /// Series indices per legend row.
        let legendRows: [[Int]]
        let titleY: Double, subtitleY: Double, legendY: Double
        let left: Double, right: Double, plotTop: Double, plotBottom: Double
        /// Room above the scale's top inside the plot, for the peak's annotation.
        let headroom = 24.0
        let labelsY: Double, notesY: Double, height: Double
        let count: Int

        init(_ chart: TrendChart, scale: Scale) {
            width = chart.width
            count = chart.labels.count
            let text = chart.width - 2 * margin
            titleLines = ChartText.wrap(chart.title, width: text, size: TrendChart.titleSize, bold: true)
            subtitleLines = ChartText.wrap(chart.subtitle, width: text, size: TrendChart.subtitleSize)
            let notes = chart.notes + (scale.clipped ? [TrendChart.clippedNote] : [])
            noteLines = notes.flatMap { ChartText.wrap($0, width: text, size: TrendChart.textSize) }
            // One series is named by the title: no legend.
            legendRows = chart.series.count < 2 ? [] : Layout.rows(chart.series.map { TrendChart.legendName($0.name) }, width: text)
            titleY = margin + TrendChart.titleSize
            subtitleY = titleY + Double(titleLines.count - 1) * TrendChart.titleSize * 1.25 + TrendChart.subtitleSize * 1.5
            legendY = subtitleY + Double(max(0, subtitleLines.count - 1)) * TrendChart.subtitleSize * 1.35 + 26
            plotTop = legendY + Double(legendRows.count - 1) * 20 + 10
            plotBottom = plotTop + (chart.width >= 600 ? 300 : 220)
            let widest = scale.ticks.map { ChartText.width(scale.label($0), size: TrendChart.textSize) }.max() ?? 20
            left = margin + widest + 8
            right = chart.width - margin
            labelsY = plotBottom + 17
            notesY = labelsY + (chart.labels.contains { $0.year != nil } ? 15 : 0) + 26
            height = notesY + Double(max(0, noteLines.count - 1)) * TrendChart.textSize * 1.35 + margin
        }

        /// The legend's entries in rows that fit `width`: a swatch, the name, a gap.
        static func rows(_ names: [String], width: Double) -> [[Int]] {
            var rows: [[Int]] = [[]]
            var used = 0.0
            for (k, name) in names.enumerated() {
                let w = TrendChart.legendEntryWidth(name)
                if used > 0 && used + w > width {
                    rows.append([])
                    used = 0
                }
                rows[rows.count - 1].append(k)
                used += w
            }
            return rows
        }

        /// The x of period `i`: the middle of its slot.
        func x(_ i: Int) -> Double { left + (right - left) * (Double(i) + 0.5) / Double(max(count, 1)) }

        /// The y of `v` on `scale`; a value above the top is drawn at the top.
        func y(_ v: Double, _ scale: Scale) -> Double {
            let bottom = plotBottom, top = plotTop + headroom
            return bottom - (bottom - top) * min(max(v, 0), scale.top) / scale.top
        }
    }

    static let clippedNote = "Hollow points above the scale are drawn at its top."

    /// A legend's name: at most 40 characters.
    static func legendName(_ name: String) -> String { name.count > 40 ? String(name.prefix(39)) + "…" : name }

    static func legendEntryWidth(_ name: String) -> Double { 26 + ChartText.width(name, size: legendSize) + 18 }
}
