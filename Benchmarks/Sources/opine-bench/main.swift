// opine-bench: figures for Opine beside raw FTS5 (and rg), measured in one run.
// Usage: see Benchmarks/README.md. Prints figures; never fails on time.
import Foundation
import Opine
import OpineIndex
import OpineRanking
import OpineText

let arguments = Array(CommandLine.arguments.dropFirst())
guard let command = arguments.first, arguments.count >= 2 else {
    print("""
        usage: opine-bench tokenizer DIR          FTS5 porter unicode61 vs Opine's tokenizer, same texts
               opine-bench run DIR [--keep DIR]   index, size, RSS, no-op, query latency, CLI vs rg
               opine-bench scale DIR N OUT        copy DIR N times into OUT, paragraphs shuffled
               opine-bench trend DIR              a trend by month vs one search -c per month vs one search
               opine-bench html DIR               pages: libxml2's parse, Opine's extraction, opine index
                                                  of the pages and of the same text as .txt, MB/s
               opine-bench build DIR INDEX BITS   index DIR with first-phase blocks of 2^BITS articles
               opine-bench mix INDEX DIR [ROUNDS] the query mix drawn from DIR on INDEX: in process,
                                                  beside --exhaustive, and as whole processes
               opine-bench scaling DIR WORK [--hundred]   `run` at 1x and 10x (and 100x) of DIR, copies
                                                  made in WORK, then one table of how each figure grows
        """)
    exit(2)
}

func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

func textFiles(_ dir: String) -> [String] {
    var out: [String] = []
    let e = FileManager.default.enumerator(atPath: dir)
    while let f = e?.nextObject() as? String {
        if f.hasSuffix(".txt") || f.hasSuffix(".md") { out.append(dir + "/" + f) }
    }
    return out.sorted()
}

func readAll(_ files: [String]) -> [(docid: String, text: String)] {
    files.map { f in ((f as NSString).lastPathComponent, (try? String(contentsOfFile: f, encoding: .utf8)) ?? "") }
}

func mb(_ bytes: Int) -> Double { Double(bytes) / 1_000_000 }

func temporaryDirectory(_ name: String) -> String {
    let dir = NSTemporaryDirectory() + "/opine-bench-\(name)-\(getpid())"
    try? FileManager.default.removeItem(atPath: dir)
    try! FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    return dir
}

func percentile(_ values: [Double], _ p: Double) -> Double {
    let s = values.sorted()
    guard !s.isEmpty else { return .nan }
    let rank = max(0, Int((p / 100 * Double(s.count)).rounded(.up)) - 1)
    return s[min(rank, s.count - 1)]
}

func fileBytes(_ path: String) -> Int {
    var total = 0
    for suffix in ["", "-wal", "-shm"] {
        if let a = try? FileManager.default.attributesOfItem(atPath: path + suffix), let n = a[.size] as? NSNumber {
            total += n.intValue
        }
    }
    return total
}

/// Runs a program; returns wall seconds and its peak RSS in MiB. The RSS comes from
/// `/usr/bin/time -f %M` when present: `wait4`'s `ru_maxrss` for a child spawned from this
/// (large) process counts this process's memory too.
@discardableResult
func spawn(_ program: String, _ args: [String], quiet: Bool = true) -> (seconds: Double, rssMiB: Double, status: Int32) {
    let timeTool = "/usr/bin/time"
    guard FileManager.default.isExecutableFile(atPath: timeTool) else { return spawnDirect(program, args, quiet: quiet) }
    let report = NSTemporaryDirectory() + "/opine-bench-rss-\(getpid())"
    let r = spawnDirect(timeTool, ["-f", "%M", "-o", report, program] + args, quiet: quiet)
    let kib = (try? String(contentsOfFile: report, encoding: .utf8))?.split(separator: "\n").last.flatMap { Double($0) }
    try? FileManager.default.removeItem(atPath: report)
    return (r.seconds, kib.map { $0 / 1024 } ?? .nan, r.status)
}

@discardableResult
func spawnDirect(_ program: String, _ args: [String], quiet: Bool = true) -> (seconds: Double, rssMiB: Double, status: Int32) {
    var pid: pid_t = 0
    var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    if quiet {
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    }
    let argv = ([program] + args).map { strdup($0) } + [nil]
    let start = now()
    let rc = posix_spawn(&pid, program, &actions, nil, argv, environ)
    guard rc == 0 else { return (.nan, .nan, -1) }
    var status: Int32 = 0
    var usage = rusage()
    wait4(pid, &status, 0, &usage)
    let seconds = now() - start
    for p in argv { free(p) }
    posix_spawn_file_actions_destroy(&actions)
    return (seconds, Double(usage.ru_maxrss) / 1024, (status >> 8) & 0xFF)
}

let opineBinary = ((CommandLine.arguments[0] as NSString).deletingLastPathComponent as NSString).appendingPathComponent("opine")

/// The query mix: one term, two terms, three terms, a phrase, a filtered query (Reuters vocabulary).
let queryMix: [(kind: String, query: String, since: String?)] = [
    ("one term", "coffee", nil), ("one term", "tariffs", nil), ("one term", "dividend", nil),
    ("two terms", "oil prices", nil), ("two terms", "interest rates", nil), ("two terms", "trade deficit", nil),
    ("three terms", "japan trade surplus", nil), ("three terms", "crude oil output", nil),
    ("phrase", "\"money supply\"", nil), ("phrase", "\"federal reserve\"", nil),
    ("filtered", "oil prices", "1987-03-15"), ("filtered", "interest rates", "1987-03-15"),
]

func tokenizerBenchmark(_ dir: String) {
    let docs = readAll(textFiles(dir))
    let bytes = docs.reduce(0) { $0 + $1.text.utf8.count }
    let work = temporaryDirectory("tokenizer")
    defer { try? FileManager.default.removeItem(atPath: work) }
    print("## Tokenizer: the same \(docs.count) texts (\(String(format: "%.1f", mb(bytes))) MB) into FTS5, one transaction each\n")
    print("| tokenizer | run | s | MB/s |")
    print("|---|---|---|---|")
    var best: [BaselineIndex.Tokenizer: Double] = [:]
    // OPINE_BENCH_ONLY=porter|opine runs one side once (for callgrind, which counts
    // instructions repeatably where wall time is noisy).
    let only = ProcessInfo.processInfo.environment["OPINE_BENCH_ONLY"].flatMap(BaselineIndex.Tokenizer.init(rawValue:))
    let sides = only.map { [$0] } ?? [BaselineIndex.Tokenizer.porter, .opine]
    for round in 1...(only == nil ? 3 : 1) {
        for t in sides {
            let path = work + "/\(t == .porter ? "porter" : "opine")-\(round).sqlite"
            let index = try! BaselineIndex(path: path, layout: .article, tokenizer: t)
            let start = now()
            try! index.load(docs)
            let s = now() - start
            best[t] = min(best[t] ?? .infinity, s)
            print("| \(t.rawValue) | \(round) | \(String(format: "%.3f", s)) | \(String(format: "%.1f", mb(bytes) / s)) |")
        }
    }
    guard only == nil else { return }
    let ratio = best[.opine]! / best[.porter]!
    print("\nbest of 3: porter unicode61 \(String(format: "%.1f", mb(bytes) / best[.porter]!)) MB/s, opine \(String(format: "%.1f", mb(bytes) / best[.opine]!)) MB/s; **time ratio opine/porter = \(String(format: "%.2f", ratio))**")
}

/// The figures `run` prints, by name, in order (for `scaling`'s growth table).
final class Figures {
    var values: [(name: String, value: Double)] = []
    func add(_ name: String, _ value: Double) { values.append((name, value)) }
}

@discardableResult
func run(_ dir: String, keep: String?) -> Figures {
    let figures = Figures()
    let files = textFiles(dir)
    let docs = readAll(files)
    let bytes = docs.reduce(0) { $0 + $1.text.utf8.count }
    let work = keep ?? temporaryDirectory("run")
    try? FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
    defer { if keep == nil { try? FileManager.default.removeItem(atPath: work) } }
    print("## \(dir): \(files.count) files, \(String(format: "%.1f", mb(bytes))) MB\n")

    // Indexing: Opine's CLI (a child process, for its peak RSS) against raw FTS5 reading the same files.
    let indexPath = work + "/opine.sqlite"
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: indexPath + suffix) }
    let opine = spawn(opineBinary, ["index", "--index", indexPath, dir])
    // The same with one worker thread beside the writer.
    let onePath = work + "/opine-jobs1.sqlite"
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: onePath + suffix) }
    let oneJob = spawn(opineBinary, ["index", "--jobs", "1", "--index", onePath, dir])
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: onePath + suffix) }
    let reference = work + "/fts5.sqlite"
    try? FileManager.default.removeItem(atPath: reference)
    let refStart = now()
    let raw = readAll(files)
    let baseline = try! BaselineIndex(path: reference, layout: .article)
    try! baseline.load(raw)
    let refSeconds = now() - refStart
    let noop = spawn(opineBinary, ["index", "--index", indexPath])
    let size = fileBytes(indexPath)
    print("| figure | opine | raw FTS5 (porter unicode61, one txn) | ratio |")
    print("|---|---|---|---|")
    print(String(format: "| index time s (--jobs %d, the default) | %.2f | %.2f | %.2f |", Engine.defaultJobs, opine.seconds, refSeconds, opine.seconds / refSeconds))
    print(String(format: "| index time s (--jobs 1) | %.2f | %.2f | %.2f |", oneJob.seconds, refSeconds, oneJob.seconds / refSeconds))
    figures.add("files", Double(files.count))
    figures.add("index s (opine)", opine.seconds)
    figures.add("index s (raw FTS5)", refSeconds)
    figures.add("index time / raw FTS5", opine.seconds / refSeconds)
    figures.add("index s (opine --jobs 1)", oneJob.seconds)
    figures.add("index time / raw FTS5, --jobs 1", oneJob.seconds / refSeconds)
    figures.add("index size / text", Double(size) / Double(bytes))
    figures.add("peak RSS indexing MiB", opine.rssMiB)
    figures.add("no-op re-index s", noop.seconds)
    print(String(format: "| index MB/s | %.1f | %.1f | |", mb(bytes) / opine.seconds, mb(bytes) / refSeconds))
    print(String(format: "| index size / text | %.2f | %.2f | |", Double(size) / Double(bytes), Double(fileBytes(reference)) / Double(bytes)))
    print(String(format: "| peak RSS indexing MiB | %.0f | | |", opine.rssMiB))
    print(String(format: "| no-op re-index s | %.3f | | %.1f%% of first |", noop.seconds, 100 * noop.seconds / opine.seconds))

    // In-process query latency: Opine's full search, and the same MATCH ranked by bm25() alone.
    let engine = try! Engine(indexPath: indexPath, readOnly: true)
    var byKind: [String: [Double]] = [:]
    var bm25Only: [String: [Double]] = [:]
    var noProximity: [String: [Double]] = [:]
    var exhaustive: [String: [Double]] = [:]
    for _ in 0..<20 {
        for q in queryMix {
            var request = SearchRequest(query: q.query, limit: 10)
            request.since = q.since.flatMap(ArticleDate.init(iso:))
            let start = now()
            _ = try? engine.search(request)
            byKind[q.kind, default: []].append(now() - start)
            var flat = request
            flat.parameters.proximityWeight = 0
            let s1 = now()
            _ = try? engine.search(flat)
            noProximity[q.kind, default: []].append(now() - s1)
            var every = request
            every.exhaustive = true
            let s3 = now()
            _ = try? engine.search(every)
            exhaustive[q.kind, default: []].append(now() - s3)
            let s2 = now()
            if (try? engine.bm25Only(q.query, limit: 10)) != nil {
                bm25Only[q.kind, default: []].append(now() - s2)
            }
        }
    }
    print("\n| query (in process, 20 rounds) | p50 ms | p95 ms | p99 ms | proximity off, p50 ms | ratio | every match read, p50 ms | ratio | FTS5 bm25() ORDER BY LIMIT 10, p50 ms | ratio |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for kind in ["one term", "two terms", "three terms", "phrase", "filtered"] {
        let v = byKind[kind] ?? []
        let b = bm25Only[kind] ?? []
        let f = noProximity[kind] ?? []
        let e = exhaustive[kind] ?? []
        print(String(format: "| %@ | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f |", kind, percentile(v, 50) * 1000,
                     percentile(v, 95) * 1000, percentile(v, 99) * 1000, percentile(f, 50) * 1000, percentile(v, 50) / percentile(f, 50),
                     percentile(e, 50) * 1000, percentile(v, 50) / percentile(e, 50),
                     percentile(b, 50) * 1000, percentile(v, 50) / percentile(b, 50)))
    }
    let unfiltered = percentile(byKind["two terms"] ?? [], 50)
    print(String(format: "\nfiltered / unfiltered two-term p50: %.2f", percentile(byKind["filtered"] ?? [], 50) / unfiltered))
    for kind in ["one term", "two terms", "phrase", "filtered"] {
        figures.add("\(kind) p50 ms", percentile(byKind[kind] ?? [], 50) * 1000)
    }
    figures.add("two terms p95 ms", percentile(byKind["two terms"] ?? [], 95) * 1000)
    figures.add("two terms, every match read, p50 ms", percentile(exhaustive["two terms"] ?? [], 50) * 1000)
    figures.add("two terms, FTS5 bm25() LIMIT 10, p50 ms", percentile(bm25Only["two terms"] ?? [], 50) * 1000)

    // Whole CLI invocations against rg over the same folder: common words (thousands of
    // matching passages) and ordinary ones (tens).
    let rgPath = ["/usr/bin/rg", "/usr/local/bin/rg"].first { FileManager.default.isExecutableFile(atPath: $0) }
    var rss = 0.0
    print("\n| whole process (5 rounds) | opine p50 ms | opine p95 ms | rg -l -i -w p50 ms | rg / opine |")
    print("|---|---|---|---|---|")
    for (label, queries) in [("two common words", ["oil prices", "interest rates", "trade deficit"]),
                             ("two ordinary words", ["cocoa bahia", "coffee quotas", "copper smelter"])] {
        var cli: [Double] = []
        var rg: [Double] = []
        for _ in 0..<5 {
            for q in queries {
                let args = ["search", "--index", indexPath] + q.split(separator: " ").map(String.init)
                cli.append(spawnDirect(opineBinary, args).seconds)  // timed alone: /usr/bin/time adds a process
                if cli.count <= queries.count { rss = max(rss, spawn(opineBinary, args).rssMiB) }
                if let rgPath { rg.append(spawnDirect(rgPath, ["-l", "-i", "-w", String(q.split(separator: " ")[0]), dir]).seconds) }
            }
        }
        let rgP50 = rg.isEmpty ? Double.nan : percentile(rg, 50)
        print(String(format: "| %@ | %.1f | %.1f | %.1f | %.1f× |", label, percentile(cli, 50) * 1000, percentile(cli, 95) * 1000,
                     rgP50 * 1000, rgP50 / percentile(cli, 50)))
        figures.add("opine search, \(label), p50 ms", percentile(cli, 50) * 1000)
        figures.add("rg / opine, \(label)", rgP50 / percentile(cli, 50))
    }
    if rgPath == nil { print("\n(rg not installed: apt-get install ripgrep)") }
    print(String(format: "peak RSS searching: %.0f MiB", rss))
    figures.add("peak RSS searching MiB", rss)
    mixBenchmark(index: indexPath, docs: dir, figures: figures)
    return figures
}

/// `run` at 1×, 10× (and 100×) of `dir`, the copies made under `work` (kept, and reused when
/// they hold the right number of files), then each figure side by side with its growth.
func scaling(_ dir: String, work: String, hundred: Bool) {
    let base = textFiles(dir).count
    var columns: [(label: String, figures: Figures)] = []
    for n in hundred ? [1, 10, 100] : [1, 10] {
        var target = dir
        if n > 1 {
            target = work + "/x\(n)"
            if textFiles(target).count != base * n {
                try? FileManager.default.removeItem(atPath: target)
                print("making \(target) (\(base * n) files)…")
                scale(dir, n, target)
            }
        }
        print("\n# \(n)×\n")
        columns.append(("\(n)×", run(target, keep: nil)))
    }
    print("\n## How each figure grows\n")
    var header = "| figure |"
    var rule = "|---|"
    for c in columns { header += " \(c.label) |"; rule += "---|" }
    for i in columns.indices.dropFirst() { header += " \(columns[i].label) / \(columns[i - 1].label) |"; rule += "---|" }
    print(header)
    print(rule)
    for (k, figure) in columns[0].figures.values.enumerated() {
        var line = "| \(figure.name) |"
        for c in columns { line += String(format: " %.3g |", c.figures.values[k].value) }
        for i in columns.indices.dropFirst() {
            line += String(format: " %.2f |", columns[i].figures.values[k].value / columns[i - 1].figures.values[k].value)
        }
        print(line)
    }
}

/// Copies every file of `dir` `n` times into `out` with its paragraphs shuffled (a seeded
/// generator, so the copy is the same each time), under new names.
func scale(_ dir: String, _ n: Int, _ out: String) {
    var state: UInt64 = 0x5EED
    func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    try? FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
    for file in textFiles(dir) {
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { continue }
        let parts = text.components(separatedBy: "\n\n")
        let header = parts.first ?? ""
        for copy in 0..<n {
            var body = Array(parts.dropFirst())
            if copy > 0 {
                for i in stride(from: body.count - 1, to: 0, by: -1) { body.swapAt(i, Int(next() % UInt64(i + 1))) }
            }
            let name = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
            let sub = out + "/\(copy % 100)"
            try? FileManager.default.createDirectory(atPath: sub, withIntermediateDirectories: true)
            try? ([header] + body).joined(separator: "\n\n").write(toFile: sub + "/\(name)-\(copy).txt", atomically: false, encoding: .utf8)
        }
    }
}

switch command {
case "tokenizer":
    tokenizerBenchmark(arguments[1])
case "run":
    let keep = arguments.firstIndex(of: "--keep").map { arguments[$0 + 1] }
    run(arguments[1], keep: keep)
case "scale":
    scale(arguments[1], Int(arguments[2]) ?? 10, arguments[3])
case "html":
    htmlBenchmark(arguments[1])
case "trend":
    trendBenchmark(arguments[1])
case "build" where arguments.count >= 4:
    // An index of DIR at INDEX with blocks of 2^BITS articles for the first phase's bounds.
    let engine = try! Engine(indexPath: arguments[2], impactBlockBits: Int(arguments[3]))
    let start = now()
    let report = try! engine.index(roots: [arguments[1]], clock: now)
    print(String(format: "%d articles in %.1f s", report.added, now() - start))
case "mix" where arguments.count >= 3:
    mixBenchmark(index: arguments[1], docs: arguments[2], figures: Figures(), rounds: Int(arguments.dropFirst(3).first ?? "3") ?? 3)
case "scaling" where arguments.count >= 3:
    scaling(arguments[1], work: arguments[2], hundred: arguments.contains("--hundred"))
default:
    print("unknown command \(command)")
    exit(2)
}
