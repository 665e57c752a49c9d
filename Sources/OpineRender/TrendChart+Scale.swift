import Foundation

extension TrendChart {
    /// The y axis: ticks at round values (1, 2 or 5 × 10ⁿ) from zero to a top above the
    /// largest value that is not sparse, all written with one number of decimals.
    struct Scale {
        let step: Double
        let top: Double
        let decimals: Int
        let percent: Bool
        /// Every value was sparse: the scale is theirs (there is nothing else to scale by).
        let onlySparse: Bool
        /// Some sparse value lies above the top (drawn at the top).
        let clipped: Bool

        init(values points: [Point], percent: Bool) {
            let solid = points.filter { !$0.sparse }.compactMap(\.value)
            let all = points.compactMap(\.value)
            onlySparse = solid.isEmpty && !all.isEmpty
            let maximum = (onlySparse ? all : solid).max() ?? 0
            (step, top) = Scale.nice(maximum, percent: percent)
            // One format for every tick: the decimals the step needs (0.5% steps: one).
            let unit = percent ? step * 100 : step
            decimals = unit >= 1 ? 0 : Int((-log10(unit)).rounded(.up))
            self.percent = percent
            let top = self.top
            clipped = all.contains { $0 > top * (1 + 1e-9) }
        }

        /// A step giving about five ticks, and the axis top: the first multiple of the step at
        /// or above `maximum`.
        static func nice(_ maximum: Double, percent: Bool) -> (step: Double, top: Double) {
            guard maximum > 0, maximum.isFinite else { return percent ? (0.01, 0.05) : (1, 5) }
            let rough = maximum / 5
            let magnitude = pow(10, floor(log10(rough)))
            let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= rough * (1 - 1e-9) } ?? 10 * magnitude
            return (step, (maximum / step * (1 - 1e-9)).rounded(.up) * step)
        }

        var ticks: [Double] { (0...Int((top / step).rounded())).map { Double($0) * step } }

        func label(_ v: Double) -> String {
            if percent { return ChartText.percent(v, decimals: decimals) }
            return decimals == 0 ? ChartText.count(Int(v.rounded())) : String(format: "%.\(decimals)f", v)
        }
    }
}
