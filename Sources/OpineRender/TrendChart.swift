import Foundation

/// A line chart as SVG, written by hand: one line per series, a legend, labelled axes. Valid
/// XML (every text escaped), readable by browsers and `rsvg-convert`.
public struct TrendChart: Sendable {
    public struct Series: Sendable {
        public var name: String
        /// One per label; nil where there is no data (the line breaks there).
        public var values: [Double?]
        public init(name: String, values: [Double?]) {
            self.name = name
            self.values = values
        }
    }

    public var title: String
    public var labels: [String]
    public var series: [Series]
    /// What the y axis measures ("share of articles", "articles").
    public var yLabel: String
    /// Y values shown as percentages.
    public var percent: Bool
    /// Pixels; the width is 900 (a page shows a lower chart above its results).
    public var height = 480.0

    public init(title: String, labels: [String], series: [Series], yLabel: String, percent: Bool) {
        self.title = title
        self.labels = labels
        self.series = series
        self.yLabel = yLabel
        self.percent = percent
    }

    /// Okabe–Ito colours: told apart by people with the common colour-vision deficiencies.
    public static let colours = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"]

    static let width = 900.0, left = 80.0, right = 170.0, top = 50.0, bottom = 80.0

    public func svg() -> String {
        let plotW = TrendChart.width - TrendChart.left - TrendChart.right
        let plotH = height - TrendChart.top - TrendChart.bottom
        let maxValue = series.flatMap { $0.values.compactMap { $0 } }.max() ?? 0
        let (step, top) = TrendChart.niceScale(maxValue)
        func x(_ i: Int) -> Double { TrendChart.left + (labels.count <= 1 ? plotW / 2 : plotW * Double(i) / Double(labels.count - 1)) }
        func y(_ v: Double) -> Double { TrendChart.top + plotH - (top == 0 ? 0 : plotH * v / top) }
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(TrendChart.width))" height="\(Int(height))" viewBox="0 0 \(Int(TrendChart.width)) \(Int(height))" font-family="Helvetica, Arial, sans-serif" font-size="12">
            <rect width="100%" height="100%" fill="#ffffff"/>
            <text x="\(TrendChart.left)" y="28" font-size="16" font-weight="bold">\(TrendChart.escape(title))</text>

            """
        var v = 0.0
        while v <= top + step / 2 {
            let yy = y(v)
            out += "<line x1=\"\(TrendChart.left)\" y1=\"\(f(yy))\" x2=\"\(TrendChart.left + plotW)\" y2=\"\(f(yy))\" stroke=\"#e5e5e5\"/>\n"
            out += "<text x=\"\(TrendChart.left - 8)\" y=\"\(f(yy + 4))\" text-anchor=\"end\">\(TrendChart.escape(format(v, step: step)))</text>\n"
            v += step
        }
        out += "<line x1=\"\(TrendChart.left)\" y1=\"\(f(TrendChart.top + plotH))\" x2=\"\(TrendChart.left + plotW)\" y2=\"\(f(TrendChart.top + plotH))\" stroke=\"#333\"/>\n"
        out += "<line x1=\"\(TrendChart.left)\" y1=\"\(TrendChart.top)\" x2=\"\(TrendChart.left)\" y2=\"\(f(TrendChart.top + plotH))\" stroke=\"#333\"/>\n"
        let every = max(1, Int((Double(labels.count) / 12).rounded(.up)))
        for (i, label) in labels.enumerated() where i % every == 0 || i == labels.count - 1 {
            out += "<text x=\"\(f(x(i)))\" y=\"\(f(TrendChart.top + plotH + 18))\" text-anchor=\"end\" transform=\"rotate(-35 \(f(x(i))) \(f(TrendChart.top + plotH + 18)))\">\(TrendChart.escape(label))</text>\n"
        }
        out += "<text transform=\"translate(18 \(f(TrendChart.top + plotH / 2))) rotate(-90)\" text-anchor=\"middle\">\(TrendChart.escape(yLabel))</text>\n"
        for (k, s) in series.enumerated() {
            let colour = TrendChart.colours[k % TrendChart.colours.count]
            for run in TrendChart.runs(s.values) where run.count > 1 {
                let points = run.map { "\(f(x($0))),\(f(y(s.values[$0]!)))" }.joined(separator: " ")
                out += "<polyline fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\" points=\"\(points)\"/>\n"
            }
            // Points where they are few, and always a point that stands alone between gaps.
            for run in TrendChart.runs(s.values) where s.values.count <= 60 || run.count == 1 {
                for i in run { out += "<circle cx=\"\(f(x(i)))\" cy=\"\(f(y(s.values[i]!)))\" r=\"2.5\" fill=\"\(colour)\"/>\n" }
            }
            let ly = TrendChart.top + 10 + Double(k) * 20
            out += "<rect x=\"\(f(TrendChart.width - TrendChart.right + 20))\" y=\"\(f(ly - 9))\" width=\"14\" height=\"4\" fill=\"\(colour)\"/>\n"
            out += "<text x=\"\(f(TrendChart.width - TrendChart.right + 40))\" y=\"\(f(ly - 3))\">\(TrendChart.escape(String(s.name.prefix(22))))</text>\n"
        }
        return out + "</svg>\n"
    }

    /// The runs of consecutive indices with a value.
    static func runs(_ values: [Double?]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start: Int?
        for (i, v) in values.enumerated() {
            if v != nil, start == nil { start = i }
            if v == nil, let s = start { out.append(s..<i); start = nil }
        }
        if let s = start { out.append(s..<values.count) }
        return out
    }

    /// A tick's label, with the decimals its step needs (0.02% steps are not all "0.0%").
    func format(_ v: Double, step: Double) -> String {
        if percent {
            let needed = step * 100 < 1 ? Int((-log10(step * 100)).rounded(.up)) : 0
            return String(format: "%.\(max(needed, v * 100 < 10 ? 1 : 0))f%%", v * 100)
        }
        return v == v.rounded() ? String(Int(v)) : String(format: "%.1f", v)
    }

    func f(_ v: Double) -> String { String(format: "%.1f", v) }

    /// A tick step of 1, 2 or 5 × 10ⁿ giving about five ticks, and the axis top.
    static func niceScale(_ maxValue: Double) -> (step: Double, top: Double) {
        guard maxValue > 0 else { return (1, 1) }
        let rough = maxValue / 5
        let magnitude = pow(10, floor(log10(rough)))
        let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= rough } ?? 10 * magnitude
        return (step, (maxValue / step).rounded(.up) * step)
    }

    static func escape(_ s: String) -> String { Highlighter.escapeHTML(s) }
}
