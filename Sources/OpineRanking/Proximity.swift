/// How close together a passage's query terms stand.
public struct Proximity: Hashable, Sendable {
    /// The smallest number of tokens that covers one match of every matched clause; nil with
    /// fewer than two matched clauses.
    public var window: Int?
    /// For each pair of consecutive matched clauses (in query order), the smallest distance in
    /// tokens, with the out-of-order penalty added when the closest pair is reversed.
    public var pairDistances: [Int]
    /// 0 (far apart or a single clause) … 1 (every consecutive pair adjacent, in order).
    public var closeness: Double

    public static let none = Proximity(window: nil, pairDistances: [], closeness: 0)

    /// Measures proximity from each clause's sorted positions.
    ///
    /// - Complexity: O(n log k) for n positions over k clauses.
    public static func measure(_ positions: [[Int32]], parameters: RankingParameters) -> Proximity {
        guard positions.count >= 2 else { return .none }
        // Most passages hold every clause: then the lists are used as they are (no copy).
        let present = positions.allSatisfy { !$0.isEmpty } ? positions : positions.filter { !$0.isEmpty }
        guard present.count >= 2 else { return .none }
        var distances: [Int] = []
        for i in 0..<(present.count - 1) {
            distances.append(minimumDistance(present[i], present[i + 1], penalty: parameters.outOfOrderPenalty))
        }
        let horizon = max(parameters.proximityHorizon, 2)
        var sum = 0.0
        for d in distances {
            // Adjacent in order (d = 1) earns 1; d ≥ horizon earns 0.
            let cost = min(max(d - 1, 0), horizon - 1)
            sum += 1 - Double(cost) / Double(horizon - 1)
        }
        return Proximity(
            window: minimumWindow(present), pairDistances: distances,
            closeness: sum / Double(distances.count))
    }

    /// Positions moved apart by `gap` at every sentence start at or before them, so that
    /// terms in different sentences stand further apart than their token distance.
    ///
    /// - Complexity: O(n log s) for n positions and s sentence starts (sorted).
    public static func spread(_ positions: [[Int32]], sentenceStarts: [Int32], gap: Int32) -> [[Int32]] {
        positions.map { list in
            list.map { p in
                var lo = 0
                var hi = sentenceStarts.count
                while lo < hi {
                    let mid = (lo + hi) / 2
                    if sentenceStarts[mid] <= p { lo = mid + 1 } else { hi = mid }
                }
                return p + gap * Int32(lo)
            }
        }
    }

    /// Smallest |b − a| over a ∈ A, b ∈ B; a reversed pair (b before a) costs `penalty` more.
    ///
    /// - Complexity: O(|A| + |B|).
    static func minimumDistance(_ a: [Int32], _ b: [Int32], penalty: Int) -> Int {
        var i = 0
        var j = 0
        var best = Int.max
        while i < a.count && j < b.count {
            let pa = Int(a[i])
            let pb = Int(b[j])
            if pb >= pa {
                best = min(best, pb == pa ? 1 + penalty : pb - pa)
                i += 1
            } else {
                best = min(best, pa - pb + penalty)
                j += 1
            }
        }
        return best
    }

    /// Smallest span (last − first + 1) holding one position from every list.
    ///
    /// - Complexity: O(n·k) for n positions over k lists (k is the clause count, small).
    static func minimumWindow(_ lists: [[Int32]]) -> Int {
        if lists.count == 2 {
            // Two lists (two-word queries): two cursors, no array.
            let a = lists[0]
            let b = lists[1]
            var i = 0
            var j = 0
            var best = Int.max
            while i < a.count && j < b.count {
                best = min(best, Int(abs(a[i] - b[j])) + 1)
                if a[i] < b[j] { i += 1 } else { j += 1 }
            }
            return best
        }
        var cursors = Array(repeating: 0, count: lists.count)
        var best = Int.max
        while true {
            var lo = Int32.max
            var hi = Int32.min
            var loList = 0
            for (l, list) in lists.enumerated() {
                let p = list[cursors[l]]
                if p < lo { lo = p; loList = l }
                if p > hi { hi = p }
            }
            best = min(best, Int(hi - lo) + 1)
            cursors[loList] += 1
            if cursors[loList] >= lists[loList].count { return best }
        }
    }
}
