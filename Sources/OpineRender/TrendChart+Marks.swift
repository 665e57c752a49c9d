extension TrendChart {
    /// Opacity of what sparse periods draw: there, but lighter than what the scale is made of.
    static let sparseOpacity = 0.45

    /// One series: solid lines between periods with enough articles, light dashed ones to and
    /// from a sparse period, dots where periods are few (and wherever one stands alone),
    /// hollow circles at sparse periods.
    func marks(_ s: Series, colour: String, _ l: Layout, _ scale: Scale) -> String {
        var out = ""
        var run: [String] = []
        func flush() {
            if run.count > 1 { out += "<polyline fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\" stroke-linejoin=\"round\" points=\"\(run.joined(separator: " "))\"/>\n" }
            run = []
        }
        let p = s.points
        for i in p.indices {
            guard let v = p[i].value else { flush(); continue }
            let here = "\(ChartText.f(l.x(i))),\(ChartText.f(l.y(v, scale)))"
            if p[i].sparse { flush() } else { if run.isEmpty { run = [here] } else { run.append(here) } }
            if i + 1 < p.count, let w = p[i + 1].value, p[i].sparse || p[i + 1].sparse {
                out += "<line x1=\"\(ChartText.f(l.x(i)))\" y1=\"\(ChartText.f(l.y(v, scale)))\" x2=\"\(ChartText.f(l.x(i + 1)))\" y2=\"\(ChartText.f(l.y(w, scale)))\" stroke=\"\(colour)\" stroke-width=\"1.5\" stroke-dasharray=\"3 3\" stroke-opacity=\"\(TrendChart.sparseOpacity)\"/>\n"
            }
        }
        flush()
        return out + dots(s, colour: colour, l, scale)
    }

    func dots(_ s: Series, colour: String, _ l: Layout, _ scale: Scale) -> String {
        var out = ""
        let p = s.points
        for i in p.indices {
            guard let v = p[i].value else { continue }
            let (cx, cy) = (ChartText.f(l.x(i)), ChartText.f(l.y(v, scale)))
            if p[i].sparse {
                out += "<circle cx=\"\(cx)\" cy=\"\(cy)\" r=\"3.2\" fill=\"#ffffff\" stroke=\"\(colour)\" stroke-width=\"1.3\" stroke-opacity=\"\(TrendChart.sparseOpacity + 0.1)\"/>\n"
                continue
            }
            let alone = (i == 0 || p[i - 1].value == nil || p[i - 1].sparse) && (i + 1 == p.count || p[i + 1].value == nil || p[i + 1].sparse)
            if p.count <= 60 || alone { out += "<circle cx=\"\(cx)\" cy=\"\(cy)\" r=\"2.6\" fill=\"\(colour)\"/>\n" }
        }
        return out
    }

    /// Each of the first three series' highest period that is not sparse, ringed and labelled
    /// with its numbers ("11.8% · 142 of 1,203 · Mar 2, 1987"), kept inside the chart and off
    /// another peak's label.
    func peaks(_ l: Layout, _ scale: Scale) -> String {
        var out = ""
        var placed: [(x: ClosedRange<Double>, y: ClosedRange<Double>)] = []
        for (k, s) in series.prefix(3).enumerated() {
            guard let i = TrendChart.peak(s.points), let v = s.points[i].value else { continue }
            let text = peakText(s.points[i], label: labels.indices.contains(i) ? labels[i].full : "", decimals: max(1, scale.decimals))
            let w = ChartText.width(text, size: TrendChart.textSize, bold: true)
            let (px, py) = (l.x(i), l.y(v, scale))
            let startX = px < (l.left + l.right) / 2 ? px - 8 : px - w + 8
            let x = min(max(startX, l.margin), l.width - l.margin - w)
            var y = py - 10
            for box in placed where box.x.overlaps(x...(x + w)) && box.y.overlaps((y - 12)...y) { y = py + 20 }
            if placed.contains(where: { $0.x.overlaps(x...(x + w)) && $0.y.overlaps((y - 12)...y) }) { continue }
            placed.append((x...(x + w), (y - 12)...y))
            out += "<circle cx=\"\(ChartText.f(px))\" cy=\"\(ChartText.f(py))\" r=\"5.5\" fill=\"none\" stroke=\"\(TrendChart.colour(k))\" stroke-width=\"1.5\"/>\n"
            out += "<text x=\"\(ChartText.f(x))\" y=\"\(ChartText.f(y))\" fill=\"\(TrendChart.colour(k))\" font-weight=\"bold\">\(ChartText.escape(text))</text>\n"
        }
        return out
    }

    /// A count, or an average of counts with one decimal.
    static func number(_ v: Double) -> String {
        v == v.rounded() ? ChartText.count(Int(v)) : String(format: "%.1f", v)
    }

    /// The index of the highest value of a period that is not sparse (the first of equals).
    static func peak(_ points: [Point]) -> Int? {
        var best: Int?
        for (i, p) in points.enumerated() where !p.sparse {
            guard let v = p.value, v > 0 else { continue }
            if let b = best, let bv = points[b].value, bv >= v { continue }
            best = i
        }
        return best
    }

    /// With the decimals of the scale, at least one (0.18% on a scale of 0.05% steps).
    func peakText(_ p: Point, label: String, decimals: Int) -> String {
        let figure = percent
            ? ChartText.percent(p.value ?? 0, decimals: decimals) + " · \(ChartText.count(p.matching)) of \(ChartText.count(p.total))"
            : TrendChart.number(p.value ?? 0) + " mentions"
        return label.isEmpty ? figure : figure + " · " + label
    }
}
