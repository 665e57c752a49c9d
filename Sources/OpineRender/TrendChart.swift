import Foundation

/// A line chart that stands on its own, as SVG written by hand: a title naming what is
/// plotted, a subtitle with the collection and its numbers, a legend, round ticks, periods as
/// a reader names them, each series' peak with the counts behind it, and notes on what the
/// chart leaves out. Sparse points (too few articles for a share) are hollow and lighter and
/// take no part in the scale. Valid XML (every text escaped), read by browsers and `rsvg-convert`.
public struct TrendChart: Sendable {
    /// One period of a series.
    public struct Point: Sendable, Equatable {
        /// Nil where there is no data (the line breaks there).
        public var value: Double?
        /// Too few articles behind the value: drawn hollow, left out of the scale.
        public var sparse: Bool
        /// The counts behind the value (matching articles or mentions, of `total` dated articles).
        public var matching: Int
        public var total: Int

        public init(value: Double?, sparse: Bool = false, matching: Int = 0, total: Int = 0) {
            self.value = value
            self.sparse = sparse
            self.matching = matching
            self.total = total
        }
    }

    public struct Series: Sendable {
        public var name: String
        /// One per label.
        public var points: [Point]
        public init(name: String, points: [Point]) {
            self.name = name
            self.points = points
        }
    }

    /// A period's names: on the axis (`Mar 2` over its year, shown where it changes) and in
    /// full for an annotation (`Mar 2, 1987`); `ordinal` numbers periods on a common count, so
    /// that every n-th label falls on a round boundary.
    public struct Label: Sendable {
        public var short: String
        public var year: String?
        public var full: String
        public var ordinal: Int
        public init(short: String, year: String?, full: String, ordinal: Int) {
            self.short = short
            self.year = year
            self.full = full
            self.ordinal = ordinal
        }
    }

    public var title: String
    public var subtitle: String
    public var labels: [Label]
    /// Steps between labelled periods to choose from, smallest first (1, 2, 4, 13 … weeks).
    public var labelSteps: [Int] = [1, 2, 5, 10, 20, 50, 100]
    public var series: [Series]
    /// Values are shares, shown as percentages (else counts).
    public var percent: Bool
    /// What a reader must know that the lines do not show (sparse periods, strays left out).
    public var notes: [String] = []
    /// Pixels of the viewBox, which a page scales to its column: 900 for a file, the width of
    /// the column on a page (the text then keeps the sizes below, in CSS pixels).
    public var width = 900.0

    public init(title: String, subtitle: String, labels: [Label], series: [Series], percent: Bool) {
        self.title = title
        self.subtitle = subtitle
        self.labels = labels
        self.series = series
        self.percent = percent
    }

    /// Okabe–Ito colours: told apart by people with the common colour-vision deficiencies.
    public static let colours = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"]

    /// Text sizes in pixels of the viewBox; none below 12, so a chart drawn at its width keeps
    /// every text readable (11 px is the least a phone's reader is asked to read).
    static let titleSize = 18.0, subtitleSize = 13.0, textSize = 12.0, legendSize = 13.0

    public func svg() -> String {
        let scale = Scale(values: series.flatMap(\.points), percent: percent)
        let layout = Layout(self, scale: scale)
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(layout.height))" viewBox="0 0 \(Int(width)) \(Int(layout.height))" font-family="Helvetica, Arial, sans-serif" font-size="\(Int(TrendChart.textSize))" role="img">
            <title>\(ChartText.escape(title))</title>
            <rect width="100%" height="100%" fill="#ffffff"/>

            """
        out += headings(layout) + legend(layout) + yAxis(layout, scale) + xAxis(layout)
        for (k, s) in series.enumerated() { out += marks(s, colour: TrendChart.colour(k), layout, scale) }
        out += peaks(layout, scale) + footnotes(layout)
        return out + "</svg>\n"
    }

    static func colour(_ k: Int) -> String { colours[k % colours.count] }

    /// The title and subtitle, wrapped to the width.
    func headings(_ l: Layout) -> String {
        var out = ""
        for (i, line) in l.titleLines.enumerated() {
            out += "<text x=\"\(ChartText.f(l.margin))\" y=\"\(ChartText.f(l.titleY + Double(i) * TrendChart.titleSize * 1.25))\" font-size=\"\(Int(TrendChart.titleSize))\" font-weight=\"bold\" fill=\"#111\">\(ChartText.escape(line))</text>\n"
        }
        for (i, line) in l.subtitleLines.enumerated() {
            out += "<text x=\"\(ChartText.f(l.margin))\" y=\"\(ChartText.f(l.subtitleY + Double(i) * TrendChart.subtitleSize * 1.35))\" font-size=\"\(Int(TrendChart.subtitleSize))\" fill=\"#444\">\(ChartText.escape(line))</text>\n"
        }
        return out
    }

    /// The notes under the axis, wrapped.
    func footnotes(_ l: Layout) -> String {
        l.noteLines.enumerated().map { i, line in
            "<text x=\"\(ChartText.f(l.margin))\" y=\"\(ChartText.f(l.notesY + Double(i) * TrendChart.textSize * 1.35))\" fill=\"#555\">\(ChartText.escape(line))</text>\n"
        }.joined()
    }
}
