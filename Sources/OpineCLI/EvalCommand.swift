import ArgumentParser
import Foundation
import Opine
import OpineRanking
import OpineRender
import OpineText

struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score Opine's ranking on a judged collection, beside plain FTS5 bm25().",
        discussion: """
            Indexes DIR (docid = file name without .txt), runs every query through the same path as `opine search` (the query's words, as the peers read them), and prints nDCG@10, MAP@100, P@10, Recall@100 and MRR for Opine, FTS5 over whole articles, and FTS5 over paragraphs (best paragraph per article), all in one run.
            """)

    @Option(help: ArgumentHelp("Folder of documents.", valueName: "dir")) var docs: String
    @Option(help: ArgumentHelp("qid<TAB>query lines.", valueName: "file")) var queries: String
    @Option(help: ArgumentHelp("TREC qrels: qid 0 docid grade.", valueName: "file")) var qrels: String
    @Option(help: ArgumentHelp("Where to keep the indexes (default: a temporary folder).", valueName: "dir"))
    var work: String?

    @Option(help: ArgumentHelp("Write each system's ranking as a TREC run file PREFIX-SYSTEM.run.", valueName: "prefix"))
    var runs: String?

    @Flag(help: ArgumentHelp("Rank by reading every match (the reference of the two-phase ranking).", visibility: .hidden))
    var exhaustive = false

    @Flag(help: "Skip the FTS5 references (for parameter sweeps).")
    var noBaselines = false

    @Option(help: ArgumentHelp("Override a ranking parameter, e.g. headWeight=3 (repeatable; names as in RankingParameters).", valueName: "name=value"))
    var set: [String] = []

    /// The `--set` pairs that parse (`validate` refuses the others).
    var settings: [(String, Double)] {
        self.set.compactMap { s in
            let parts = s.split(separator: "=")
            guard parts.count == 2, let value = Double(parts[1]) else { return nil }
            return (String(parts[0]), value)
        }
    }

    func validate() throws {
        for s in set {
            let parts = s.split(separator: "=")
            guard parts.count == 2, let value = Double(parts[1]) else {
                throw ValidationError("--set wants name=number, not '\(s)'")
            }
            if let problem = RankingParameters.problem(setting: String(parts[0]), to: value) {
                throw ValidationError("--set: \(problem)")
            }
        }
    }

    func run() throws {
        let collection = try Evaluator.load(docs: docs, queries: queries, qrels: qrels)
        let dir = work ?? (NSTemporaryDirectory() + "/opine-eval-\(getpid())")
        defer { if work == nil { try? FileManager.default.removeItem(atPath: dir) } }
        var parameters = RankingParameters()
        for (name, value) in settings { parameters.set(name, value) }
        var evaluator = Evaluator(parameters: parameters)
        evaluator.exhaustive = exhaustive
        let rows = try evaluator.run(collection, workDirectory: dir, baselines: !noBaselines, clock: monotonicSeconds)
        if let prefix = runs {
            for r in rows {
                var text = ""
                for (qid, docs) in r.runs.sorted(by: { $0.key < $1.key }) {
                    for (i, d) in docs.enumerated() { text += "\(qid) Q0 \(d) \(i + 1) \(docs.count - i) \(r.system)\n" }
                }
                try text.write(toFile: "\(prefix)-\(r.system).run", atomically: true, encoding: .utf8)
            }
        }
        Output.line("| system | nDCG@10 | MAP@100 | P@10 | Recall@100 | MRR | ms/query |")
        Output.line("|---|---|---|---|---|---|---|")
        for r in rows {
            let m = r.metrics
            Output.line(String(format: "| %@ | %.4f | %.4f | %.4f | %.4f | %.4f | %.2f |", r.system, m.ndcg10, m.map, m.p10,
                               m.recall100, m.mrr, r.secondsPerQuery * 1000))
        }
    }
}
