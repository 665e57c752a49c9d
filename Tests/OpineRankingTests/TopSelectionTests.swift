import Testing
@testable import OpineRanking

/// The bounded heap against the oracle it replaces: a full sort of every item.
struct TopSelectionTests {
    /// A seeded generator (SplitMix64): the same tables on every run.
    struct Seeded {
        var state: UInt64
        mutating func next(_ n: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(n))
        }
    }

    @Test(arguments: [0, 1, 2, 3, 10, 97, 1000])
    func equalsTheHeadOfAFullSort(_ count: Int) {
        var random = Seeded(state: UInt64(count) + 7)
        // Few distinct scores, so ties are many and broken by index, as articles are by id.
        let scores = (0..<count).map { _ in random.next(5) }
        func precedes(_ a: Int, _ b: Int) -> Bool { scores[a] != scores[b] ? scores[a] > scores[b] : a < b }
        let sorted = Array(0..<count).sorted(by: precedes)
        for limit in [-1, 0, 1, 2, 5, count / 2, count - 1, count, count + 5] {
            #expect(TopSelection.first(limit, of: count, by: precedes) == Array(sorted.prefix(max(limit, 0))), "limit \(limit) of \(count)")
        }
    }
}
