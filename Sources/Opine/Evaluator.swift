import Foundation
import OpineIndex
import OpineRanking

/// Runs a judged test collection through Opine's search path and through plain FTS5, in one
/// run, and scores each with the same metrics.
public struct Evaluator {
    public struct Collection {
        public var docs: String
        public var queries: [(qid: String, text: String)]
        public var qrels: [String: [String: Int]]
    }

    public struct Row: Sendable {
        public var system: String
        public var metrics: Metrics
        /// The ranking of each query (docids, best first).
        public var runs: [String: [String]] = [:]
        /// Mean seconds per query, inside the process.
        public var secondsPerQuery: Double
    }

    public var parameters = RankingParameters()
    /// Rank by reading every match (`--exhaustive`), the reference of the two phases.
    public var exhaustive = false
    /// Depth of each ranking (Recall@100, MAP@100 as trec_eval computes them with K=100).
    public static let depth = 100

    public init(parameters: RankingParameters = RankingParameters()) {
        self.parameters = parameters
    }

    public static func load(docs: String, queries: String, qrels: String) throws -> Collection {
        var qs: [(String, String)] = []
        for line in try text(of: queries).split(separator: "\n") {
            let parts = line.split(separator: "\t", maxSplits: 1)
            if parts.count == 2 { qs.append((String(parts[0]), String(parts[1]))) }
        }
        var judged: [String: [String: Int]] = [:]
        for line in try text(of: qrels).split(separator: "\n") {
            let f = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard f.count >= 4, let grade = Int(f[3]) else { continue }
            judged[String(f[0]), default: [:]][String(f[2])] = grade
        }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: docs, isDirectory: &isFolder), isFolder.boolValue else {
            throw EngineError.unreadableFile(path: docs, detail: "no such folder (--docs wants the collection's documents)")
        }
        return Collection(docs: docs, queries: qs, qrels: judged)
    }

    /// A judged collection's text file, or an error naming it.
    static func text(of path: String) throws -> String {
        String(decoding: try EngineError.contents(of: path), as: UTF8.self)
    }

    /// The words of a query as every peer reads them (`\w+`), for the FTS5 references.
    public static func words(_ query: String) -> [String] {
        query.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "_") }).map(String.init)
    }

    /// A judged query as a user would type it into `opine search`: the text itself (so that
    /// `RUSSIA'S` and `U.N.` reach the analyzer whole), with only Opine's operators disarmed:
    /// quotes, parentheses, `*`, `:`, `|`, a leading `-`, and the words OR, NOT, AND, NEAR.
    public static func searchText(_ query: String) -> String {
        let operators: Set<Character> = ["\"", "“", "”", "(", ")", "*", ":", "|"]
        let cleaned = String(query.map { operators.contains($0) ? " " : $0 })
        return cleaned.split(separator: " ").map { word -> String in
            var w = Substring(word)
            while w.first == "-" { w = w.dropFirst() }
            return ["OR", "NOT", "AND", "NEAR"].contains(String(w)) ? w.lowercased() : String(w)
        }.filter { !$0.isEmpty }.joined(separator: " ")
    }

    public static func docid(_ path: String) -> String {
        var name = (path as NSString).lastPathComponent
        if name.hasSuffix(".txt") { name.removeLast(4) }
        return name
    }

    /// Indexes the collection into `workDirectory` (reused when present) and evaluates.
    public func run(_ c: Collection, workDirectory: String, baselines: Bool = true, clock: () -> Double) throws -> [Row] {
        try FileManager.default.createDirectory(atPath: workDirectory, withIntermediateDirectories: true)
        let engine = try Engine(indexPath: workDirectory + "/opine.sqlite")
        _ = try engine.index(roots: [c.docs], clock: clock)
        var rows: [Row] = []
        var runs: [String: [String]] = [:]
        var started = clock()
        for (qid, text) in c.queries {
            let query = Evaluator.searchText(text)
            guard !Evaluator.words(query).isEmpty else { continue }
            var request = SearchRequest(query: query, limit: Evaluator.depth)
            request.parameters = parameters
            request.snippets = 0
            request.suggests = false
            request.exhaustive = exhaustive
            guard let response = try? engine.search(request) else { continue }
            runs[qid] = response.results.map { Evaluator.docid($0.article.path) }
        }
        rows.append(Row(system: "opine", metrics: Metrics.mean(runs: runs, qrels: c.qrels), runs: runs,
                        secondsPerQuery: (clock() - started) / Double(max(c.queries.count, 1))))
        guard baselines else { return rows }

        var documents: [(docid: String, text: String)] = []
        let files = (try FileManager.default.contentsOfDirectory(atPath: c.docs)).filter { $0.hasSuffix(".txt") }.sorted()
        for f in files {
            let text = (try? String(contentsOfFile: c.docs + "/" + f, encoding: .utf8)) ?? ""
            documents.append((Evaluator.docid(f), text))
        }
        for layout in [BaselineIndex.Layout.article, .passage] {
            let path = workDirectory + "/fts5-\(layout.rawValue).sqlite"
            try? FileManager.default.removeItem(atPath: path)
            let baseline = try BaselineIndex(path: path, layout: layout)
            try baseline.load(documents)
            var baselineRuns: [String: [String]] = [:]
            started = clock()
            for (qid, text) in c.queries {
                baselineRuns[qid] = try baseline.search(words: Evaluator.words(text), limit: Evaluator.depth)
            }
            rows.append(Row(system: "fts5-\(layout.rawValue)", metrics: Metrics.mean(runs: baselineRuns, qrels: c.qrels), runs: baselineRuns,
                            secondsPerQuery: (clock() - started) / Double(max(c.queries.count, 1))))
        }
        return rows
    }
}
