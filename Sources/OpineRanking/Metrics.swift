import Foundation

/// IR evaluation measures with trec_eval's semantics (relevant = grade ≥ 1, gain = grade,
/// averaged over queries with at least one relevant document; a query with no run scores 0).
public struct Metrics: Hashable, Sendable {
    public var ndcg10: Double
    public var map: Double
    public var p10: Double
    public var recall100: Double
    public var mrr: Double

    public init(ndcg10: Double = 0, map: Double = 0, p10: Double = 0, recall100: Double = 0, mrr: Double = 0) {
        self.ndcg10 = ndcg10
        self.map = map
        self.p10 = p10
        self.recall100 = recall100
        self.mrr = mrr
    }

    /// Scores one ranked list against one query's judgements (docid → grade).
    public static func evaluate(ranking: [String], judgements: [String: Int], depth: Int = 100) -> Metrics {
        let relevant = judgements.filter { $0.value > 0 }
        guard !relevant.isEmpty else { return Metrics() }
        let list = Array(ranking.prefix(depth))
        var hits = 0
        var precisionSum = 0.0
        var mrr = 0.0
        var dcg = 0.0
        for (i, doc) in list.enumerated() {
            let grade = judgements[doc] ?? 0
            if grade > 0 {
                hits += 1
                precisionSum += Double(hits) / Double(i + 1)
                if mrr == 0 { mrr = 1 / Double(i + 1) }
            }
            if i < 10 && grade > 0 { dcg += Double(grade) / log2(Double(i + 2)) }
        }
        let ideal = relevant.values.sorted(by: >).prefix(10)
        var idcg = 0.0
        for (i, g) in ideal.enumerated() { idcg += Double(g) / log2(Double(i + 2)) }
        let p10 = Double(list.prefix(10).filter { (judgements[$0] ?? 0) > 0 }.count) / 10
        let r100 = Double(list.prefix(100).filter { (judgements[$0] ?? 0) > 0 }.count) / Double(relevant.count)
        return Metrics(
            ndcg10: idcg > 0 ? dcg / idcg : 0, map: precisionSum / Double(relevant.count),
            p10: p10, recall100: r100, mrr: mrr)
    }

    /// Mean over every judged query (those with a relevant document); missing runs count 0.
    public static func mean(runs: [String: [String]], qrels: [String: [String: Int]]) -> Metrics {
        var sum = Metrics()
        var n = 0
        for (qid, judgements) in qrels where judgements.values.contains(where: { $0 > 0 }) {
            let m = evaluate(ranking: runs[qid] ?? [], judgements: judgements)
            sum.ndcg10 += m.ndcg10
            sum.map += m.map
            sum.p10 += m.p10
            sum.recall100 += m.recall100
            sum.mrr += m.mrr
            n += 1
        }
        guard n > 0 else { return sum }
        let d = Double(n)
        return Metrics(ndcg10: sum.ndcg10 / d, map: sum.map / d, p10: sum.p10 / d,
                       recall100: sum.recall100 / d, mrr: sum.mrr / d)
    }
}
