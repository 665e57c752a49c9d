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
        Article(length: length, averageLength: averageLength).compute(head: head, body: body)
    }

    /// One article's levels: its length normalization computed once for all its terms, and
    /// the levels of the few hit counts most terms have, once each.
    public struct Article {
        let norm: Double
        /// Levels of head < 4 and body < 16 hits, 255 until computed.
        var memo = [UInt8](repeating: .max, count: 64)

        public init(length: Int, averageLength: Double) {
            let p = ImpactBound.reference
            norm = p.k1 * (1 - p.b + p.b * (Double(length) / max(averageLength, 1)))
        }

        public mutating func level(head: Int, body: Int) -> UInt8 {
            guard head >= 0, head < 4, body >= 0, body < 16 else { return compute(head: head, body: body) }
            let i = head << 4 | body
            if memo[i] == .max { memo[i] = compute(head: head, body: body) }
            return memo[i]
        }

        func compute(head: Int, body: Int) -> UInt8 {
            let p = ImpactBound.reference
            let tf = p.headWeight * Double(head) + p.bodyWeight * Double(body)
            guard tf > 0 else { return 0 }
            let impact = tf * (p.k1 + 1) / (tf + norm)
            // Rounded up, with a margin for the rounding of the query's own arithmetic.
            let scaled = (impact / ImpactBound.maximum * Double(ImpactBound.levels) * (1 + 1e-9)).rounded(.up)
            return UInt8(clamping: max(Int(scaled) - 1, 0))
        }
    }

    /// The impact a level stands for: at least the impact of every article it was kept for, when
    /// the collection's mean article length is `averageNow` and was `recordedAverage` when the
    /// level was computed (a longer mean lowers every article's normalized length: the bound
    /// grows by at most the ratio: `k1(1 − b + b·len/avg)` shrinks by no more than it).
    public static func value(level: UInt8, recordedAverage: Double, averageNow: Double) -> Double {
        let stale = recordedAverage > 0 ? max(1, averageNow / recordedAverage) : .infinity
        return min(maximum, Double(Int(level) + 1) / Double(levels) * maximum * stale)
    }
}
