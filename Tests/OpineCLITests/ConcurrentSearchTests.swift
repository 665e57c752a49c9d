import Foundation
import Opine
import OpineText
import Testing

/// One engine, many readers: searches from 8 threads at once on one open index while another
/// process (the built `opine index`) adds articles to it. Every answer must be exactly what a
/// single-threaded search gives on the index before that run or after it: a search reads one
/// snapshot, and the figures it uses belong to that snapshot.
struct ConcurrentSearchTests {
    static let queries = [
        "tariffs corridor", "uniqb", "\"trade tariffs\"", "markets -uniqc", "Pakistan China trade",
        "uniqd OR uniqe", "author:Writer corridor", "title:number markets", "watched NEAR(trade markets, 6)",
    ]

    /// What must be equal: ids, scores and counts.
    static func answer(_ engine: Engine, _ query: String) throws -> String {
        var request = SearchRequest(query: query, limit: 20)
        request.since = ArticleDate(iso: "2024-03-05")
        let r = try engine.search(request)
        return "\(r.matchedArticles)|" + r.results.map { "\($0.article.id):\($0.score)" }.joined(separator: ",")
    }

    static func answers(_ engine: Engine) throws -> [String] { try queries.map { try answer(engine, $0) } }

    /// Articles that share no word with the queries, so that they change only the collection's
    /// figures (and so every score), never which articles match.
    static func makeOtherCorpus(_ dir: String, count: Int) throws {
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for i in 0..<count {
            let text = "Zebra essay \(CrashSafetyTests.letters(i))\n\n" + String(repeating: "Quokkas graze quietly near lagoons. ", count: 20)
            try text.write(toFile: dir + "/z\(i).txt", atomically: false, encoding: .utf8)
        }
    }

    @Test(.enabled(if: BinaryTests.binary != nil, "needs the built opine binary (swift build)"))
    func eightThreadsSearchWhileAnotherProcessIndexes() throws {
        let root = NSTemporaryDirectory() + "/opine-concurrent-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        let index = root + "/index.sqlite"
        try CrashSafetyTests.makeCorpus(root + "/a", count: 400)
        try Self.makeOtherCorpus(root + "/z", count: 2000)
        let engine = try Engine(indexPath: index)
        _ = try engine.index(roots: [root + "/a"], clock: { 0 })
        let before = try Self.answers(engine)

        let indexing = try CrashSafetyTests.startIndexing(index: index, dir: root + "/z")
        // Each round, and whether the other process was indexing from its start to its end. The
        // readers are threads of their own: tasks would wait for the cooperative pool, which the
        // other tests running at the same time can hold until the indexing is over.
        let seen = Rounds()
        let group = DispatchGroup()
        for _ in 0..<8 {
            group.enter()
            Thread.detachNewThread {
                var count = 0
                while indexing.isRunning || count < 3 {
                    let started = indexing.isRunning
                    let answers = (try? Self.answers(engine)) ?? ["error"]
                    seen.append(answers, overlapped: started && indexing.isRunning)
                    count += 1
                }
                group.leave()
            }
        }
        group.wait()
        indexing.waitUntilExit()
        #expect(indexing.terminationStatus == 0)

        let after = try Self.answers(engine)
        // The long-lived engine saw the other process's figures: a fresh one agrees.
        #expect(after == (try Self.answers(Engine(indexPath: index, readOnly: true))))
        #expect(before != after, "the other run changes the collection's figures, so every score")
        let rounds = seen.all
        for (round, _) in rounds {
            #expect(round.indices.allSatisfy { round[$0] == before[$0] || round[$0] == after[$0] })
        }
        #expect(rounds.count >= 24)
        let overlapped = rounds.filter(\.overlapped).count
        #expect(overlapped >= 1, "no round ran while the other process indexed: the test proved nothing")
        let (asBefore, asAfter) = (rounds.filter { $0.0 == before }.count, rounds.filter { $0.0 == after }.count)
        print("concurrent rounds: \(rounds.count), during the run: \(overlapped), as before: \(asBefore), as after: \(asAfter)")
    }
}

/// The rounds the reader threads saw, appended under a lock.
final class Rounds: @unchecked Sendable {
    private let lock = NSLock()
    private var rounds: [([String], overlapped: Bool)] = []
    func append(_ answers: [String], overlapped: Bool) { lock.withLock { rounds.append((answers, overlapped)) } }
    var all: [([String], overlapped: Bool)] { lock.withLock { rounds } }
}
