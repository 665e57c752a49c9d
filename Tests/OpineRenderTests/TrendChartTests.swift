import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import OpineRender

/// The chart as SVG text: what a reader sees named, scaled and marked, from hand-made series.
struct TrendChartTests {
    static func weeks(_ days: [(String, Int)], year: String = "1987") -> [TrendChart.Label] {
        days.enumerated().map { i, d in TrendChart.Label(short: d.0, year: year, full: "\(d.0), \(year)", ordinal: d.1) }
    }

    static func chart(_ values: [[TrendChart.Point]], labels: [TrendChart.Label]? = nil) -> TrendChart {
        let l = labels ?? weeks((0..<values[0].count).map { ("Mar \($0 + 1)", $0) })
        return TrendChart(title: "‘oil’ & <coffee>", subtitle: "Share of 1,203 dated articles per week, 1987", labels: l,
                          series: values.enumerated().map { .init(name: "s\($0.offset)", points: $0.element) }, percent: true)
    }

    static func texts(_ svg: String) -> [String] {
        svg.components(separatedBy: "</text>").compactMap { $0.components(separatedBy: ">").last }
    }

    @Test func theChartIsWellFormedSVGWithItsTitle() {
        let svg = Self.chart([[.init(value: 0.1), .init(value: 0.3), .init(value: 0.2)]]).svg()
        #expect(XMLParser(data: Data(svg.utf8)).parse(), "not well-formed XML")
        #expect(svg.contains("<title>‘oil’ &amp; &lt;coffee&gt;</title>"))
        #expect(Self.texts(svg).contains("Share of 1,203 dated articles per week, 1987"))
    }

    /// Ticks at round shares, every one with the same decimals: 0.0009 → 0.02% steps.
    @Test(arguments: [
        (0.0009, ["0.00%", "0.02%", "0.04%", "0.06%", "0.08%", "0.10%"]),
        (0.118, ["0%", "5%", "10%", "15%"]),  // not "0.0%" beside "10%"
        (0.5, ["0%", "10%", "20%", "30%", "40%", "50%"]),
    ])
    func ticksAreRoundWithOneFormat(_ maximum: Double, _ ticks: [String]) {
        let texts = Self.texts(Self.chart([[.init(value: 0), .init(value: maximum)]]).svg())
        let shown = texts.filter { $0.hasSuffix("%") && !$0.contains(" ") }
        #expect(shown == ticks)
    }

    /// A sparse point is hollow and lighter, takes no part in the scale (10%, not 100%), is
    /// drawn at the top when above it, and the chart says so.
    @Test func sparsePointsAreHollowAndLeftOutOfTheScale() {
        let points: [TrendChart.Point] = [.init(value: 0.08, matching: 8, total: 100), .init(value: 1.0, sparse: true, matching: 1, total: 1),
                                          .init(value: 0.1, matching: 10, total: 100)]
        let svg = Self.chart([points]).svg()
        let texts = Self.texts(svg)
        #expect(texts.contains("10%") && !texts.contains("100%") && !texts.contains("20%"))
        #expect(svg.components(separatedBy: "fill=\"#ffffff\" stroke=").count - 1 == 1, "one hollow point")
        #expect(svg.contains("stroke-dasharray"), "the lines to and from it are light and dashed")
        #expect(!svg.contains("<polyline"), "no solid line passes through a sparse period")
        #expect(texts.contains(TrendChart.clippedNote))
    }

    /// The peak that is not sparse, with its numbers and its period in full.
    @Test func thePeakIsAnnotatedWithItsCounts() {
        let points: [TrendChart.Point] = [.init(value: 0.05, matching: 60, total: 1_200), .init(value: 142.0 / 1_203, matching: 142, total: 1_203),
                                          .init(value: 0.9, sparse: true, matching: 9, total: 10)]
        let texts = Self.texts(Self.chart([points]).svg())
        #expect(texts.contains("11.8% · 142 of 1,203 · Mar 2, 1987"))
    }

    /// Weeks by their first day, the year once under the first label and again where it changes.
    @Test func periodsAreLabelledAsAReaderReadsThem() {
        var labels = Self.weeks([("Dec 22", 0), ("Dec 29", 1)], year: "1986")
        labels += Self.weeks([("Jan 5", 2), ("Jan 12", 3)])
        let texts = Self.texts(Self.chart([labels.map { _ in .init(value: 0.1) }], labels: labels).svg())
        for label in ["Dec 22", "Dec 29", "Jan 5", "Jan 12"] { #expect(texts.contains(label)) }
        #expect(texts.filter { $0 == "1986" }.count == 1 && texts.filter { $0 == "1987" }.count == 1)
        #expect(!texts.contains { $0.contains("-W") })
    }

    /// Labels that would overlap are thinned to a round step (every 8th week of 52 at 360 px).
    @Test func labelsAreThinnedToARoundStep() {
        let labels = Self.weeks((0..<52).map { ("W\($0)", $0) })
        var chart = Self.chart([labels.map { _ in .init(value: 0.1) }], labels: labels)
        chart.labelSteps = [1, 2, 4, 8, 13, 26]
        chart.width = 360
        let shown = Self.texts(chart.svg()).filter { $0.hasPrefix("W") }
        // A slot of about 5.8 px; "W51" takes about 21 px and a gap of 12: six slots, so every 8th.
        #expect(shown == stride(from: 0, to: 52, by: 8).map { "W\($0)" })
    }

    /// At a phone's width the title wraps and nothing is drawn smaller than 12 px of the viewBox.
    @Test func aNarrowChartWrapsAndKeepsItsTextSizes() throws {
        var chart = Self.chart([[.init(value: 0.1), .init(value: 0.2)]])
        chart.title = "‘climate change’, ‘coronavirus’ and ‘interest rates’ in op-eds"
        chart.width = 360
        let svg = chart.svg()
        let titleLines = svg.components(separatedBy: "font-weight=\"bold\" fill=\"#111\"").count - 1
        #expect(titleLines == 2)
        let sizes = svg.components(separatedBy: "font-size=\"").dropFirst().compactMap { Int($0.prefix { $0.isNumber }) }
        #expect(!sizes.isEmpty && sizes.allSatisfy { $0 >= 12 })
        #expect(svg.contains("viewBox=\"0 0 360 "))
    }

    @Test func textWidthsAndWrapping() {
        #expect(abs(ChartText.width("10", size: 10) - 11.12) < 1e-9)
        #expect(ChartText.wrap("aaa bbb ccc", width: 40, size: 10) == ["aaa bbb", "ccc"])  // 7 × 5.3 = 37 px a line
        #expect(ChartText.count(19_043) == "19,043" && ChartText.count(999) == "999" && ChartText.count(-1_000) == "-1,000")
    }
}
