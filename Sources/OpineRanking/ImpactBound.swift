import Foundation

/// The most one clause can add to an article's ``ArticleScore`` (before its IDF), quantized to a
/// level the index keeps per term and block of articles: the first phase's upper bounds.
///
/// An article's *impact* for a term is `tf (k1 + 1) / (tf + k1 (1 − b + b · length / average))`
/// under the ranking's default parameters (``reference``); the index stores, for each block of
/// article ids, the highest impact's level, rounded up. A persisted rule: changing it means a
/// new index schema.
public enum ImpactBound {
    /// Levels of a stored impact: 1/256 of the largest possible impact each (k1 + 1), so a
    /// bound is at most 0.4 % of that above the truth, and a level fits a byte.
    public static let levels = 256

    /// The parameters impacts are computed with; a search with other article-level parameters
    /// cannot use them (it reads every match).
    public static let reference = RankingParameters()

    /// True when the stored levels bound the article scores of `parameters`.
    public static func bounds(_ parameters: RankingParameters) -> Bool {
        parameters.k1 == reference.k1 && parameters.b == reference.b && parameters.headWeight == reference.headWeight
            && parameters.bodyWeight == reference.bodyWeight
    }

    /// The largest impact any article can have (the BM25 saturation).
    public static var maximum: Double { reference.k1 + 1 }

    /// The level of an article's impact for a term with `head` and `body` hits (tokens).
    public static func level(head: Int, body: Int, length: Int, averageLength: Double) -> UInt8 {
        let p = reference
        let tf = p.headWeight * Double(head) + p.bodyWeight * Double(body)
        guard tf > 0 else { return 0 }
        let norm = p.k1 * (1 - p.b + p.b * (Double(length) / max(averageLength, 1)))
        let impact = tf * (p.k1 + 1) / (tf + norm)
        // Rounded up, with a margin for the rounding of the query's own arithmetic.
        let scaled = (impact / maximum * Double(levels) * (1 + 1e-9)).rounded(.up)
        return UInt8(clamping: max(Int(scaled) - 1, 0))
    }

    /// The impact a level stands for: at least the impact of every article it was kept for, when
    /// the collection's mean article length is `averageNow` and was `recordedAverage` when the
    /// level was computed (a longer mean lowers every article's normalized length: the bound
    /// grows by the ratio, see `Benchmarks/RESULTS.md`).
    public static func value(level: UInt8, recordedAverage: Double, averageNow: Double) -> Double {
        let stale = recordedAverage > 0 ? max(1, averageNow / recordedAverage) : .infinity
        return min(maximum, Double(Int(level) + 1) / Double(levels) * maximum * stale)
    }

    /// Mean lengths are stored as a code of 10 bits: 2^(code / 64) tokens, from 1 to 2^16, the
    /// code rounded down (a bound computed with a smaller mean than the true one stays a
    /// bound: see ``value(level:recordedAverage:averageNow:)``).
    public static let averageCodeBits = 10

    public static func averageCode(_ average: Double) -> Int {
        guard average > 1 else { return 0 }
        return min(Int((log2(average) * 64).rounded(.down)), (1 << averageCodeBits) - 1)
    }

    public static func average(code: Int) -> Double { exp2(Double(code) / 64) }
}
