import Foundation
import Opine
import OpineText

/// `opine-bench trend DIR`: a trend of two common words by month over DIR, in process (best of
/// five), beside the same counts made with one `search -c` per month and query, and beside one
/// search of the whole collection (the goal: a trend costs about one search).
func trendBenchmark(_ dir: String) {
    let work = temporaryDirectory("trend")
    defer { try? FileManager.default.removeItem(atPath: work) }
    let engine = try! Engine(indexPath: work + "/index.sqlite")
    let report = try! engine.index(roots: [dir], clock: now)
    print("\(report.added) articles indexed in \(String(format: "%.1f", report.seconds)) s")
    var request = TrendRequest(queries: ["oil", "said"])
    request.period = .month
    var trend: TrendResponse?
    let trendTime = bestOf(5) { trend = try! engine.trend(request) }
    let months = trend!.buckets
    let perMonth = bestOf(5) {
        for q in request.queries {
            for b in months {
                var count = SearchRequest(query: q, limit: 0)
                count.since = b.start
                count.until = b.end
                _ = try! engine.search(count)
            }
        }
    }
    let whole = bestOf(5) { for q in request.queries { _ = try! engine.search(SearchRequest(query: q, limit: 10)) } }
    print("| what | ms | × one search per query |")
    print("|---|---|---|")
    for (what, t) in [("trend of oil, said by month (\(months.count) months)", trendTime),
                      ("search -c per month and query (\(months.count * 2) searches)", perMonth),
                      ("one search per query, whole collection, top 10", whole)] {
        print(String(format: "| %@ | %.1f | %.2f |", what, t * 1000, t / whole))
    }
}
