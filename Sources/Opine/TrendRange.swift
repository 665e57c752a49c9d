/// Where a trend's dated articles are: their span, less a few strays far before or after the
/// rest, which would otherwise stretch the chart over empty periods (two 2016 articles gave a
/// 2017 series eight empty months, half its width). The strays are counted, never hidden.
enum TrendRange {
    /// At most this share of the dated articles is left out at the two ends together: "a
    /// few". Below 20 articles none is (one of ten is not a stray but a tenth of the data).
    static let maximumStrayShare = 0.05
    /// Articles are left out only when keeping them would widen the span of the rest by more
    /// than this share of it (they would take a sixth of the axis or more): the first 5% of
    /// evenly spread articles span 5% of the rest, so an even collection loses none. Reuters'
    /// one article of 1 January 1987 before 26 February took eight of 43 weeks (a quarter).
    static let widening = 0.2

    /// The indices of `days` (sorted day numbers) that the trend shows: all of them, but for
    /// the strays at each end that `keepFirst`/`keepLast` do not protect (an end the user fixed
    /// with --since or --until is kept as asked).
    ///
    /// - Complexity: O(s · n) for s strays allowed, at most 5% of n.
    static func core(_ days: [Int], keepFirst: Bool = false, keepLast: Bool = false) -> ClosedRange<Int>? {
        guard !days.isEmpty else { return nil }
        var lo = 0, hi = days.count - 1
        var budget = Int(Double(days.count) * maximumStrayShare)
        var changed = true
        while changed && budget > 0 {
            changed = false
            if !keepFirst, let k = leadingStrays(days, lo, hi, budget) { lo += k; budget -= k; changed = true }
            if !keepLast, budget > 0, let k = trailingStrays(days, lo, hi, budget) { hi -= k; budget -= k; changed = true }
        }
        return lo...hi
    }

    /// The fewest articles at the start of `days[lo...hi]` whose span up to the next article
    /// is more than `widening` times the span of the rest.
    static func leadingStrays(_ days: [Int], _ lo: Int, _ hi: Int, _ budget: Int) -> Int? {
        var k = 1
        while k <= budget && lo + k < hi {
            let rest = days[hi] - days[lo + k]
            if Double(days[lo + k] - days[lo]) > widening * Double(max(rest, 1)) { return k }
            k += 1
        }
        return nil
    }

    static func trailingStrays(_ days: [Int], _ lo: Int, _ hi: Int, _ budget: Int) -> Int? {
        var k = 1
        while k <= budget && hi - k > lo {
            let rest = days[hi - k] - days[lo]
            if Double(days[hi] - days[hi - k]) > widening * Double(max(rest, 1)) { return k }
            k += 1
        }
        return nil
    }
}
