import Foundation
import Opine
import OpineIndex
import OpineText

/// One query of the mix: its kind (for the table), its text, and a date filter.
struct MixQuery {
    var kind: String
    var query: String
    var since: String?

    /// The query as `opine search` arguments.
    var arguments: [String] {
        var out: [String] = []
        if let since { out += ["--since", since] }
        // Words apart, as a shell passes them; a phrase or a NEAR group as one argument.
        if query.hasPrefix("\"") || query.hasPrefix("NEAR(") { return out + [query] }
        return out + query.split(separator: " ").map(String.init)
    }
}

/// Draws the query mix from the collection: words read from its files, placed in bands by
/// the index's own article counts, then one to four words across the bands, phrases and NEAR
/// groups of words found together, prefixes, filtered queries, and the headline queries of
/// issue 23 (two common words, a word no article has, `a*`). Seeded: the same mix every run.
func drawQueryMix(docs: String, index: String, count: Int = 320) -> [MixQuery] {
    var random = BenchRandom(seed: 0x0123_4567)
    let files = textFiles(docs)
    guard !files.isEmpty, let store = try? IndexStore(path: index, readOnly: true) else { return [] }
    // Words of 300 files, with the pairs that stand together in them.
    var words: [String] = []
    var pairs: [(String, String)] = []
    for _ in 0..<300 {
        let file = files[Int(random.next() % UInt64(files.count))]
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { continue }
        let tokens = text.split(whereSeparator: { !$0.isLetter }).map { $0.lowercased() }.filter { $0.count >= 3 && $0.count <= 14 }
        words += tokens
        for (a, b) in zip(tokens, tokens.dropFirst()) where random.next() % 20 == 0 { pairs.append((a, b)) }
    }
    let distinct = Array(Set(words)).sorted()
    let terms = distinct.map { Analyzer().terms($0, mode: .query).first ?? $0 }
    let stats = (try? store.snapshot { s in (try s.collectionStats().articles, try s.documentFrequencies(terms)) }) ?? (0, [])
    let articles = max(stats.0, 1)
    // Bands by the share of articles: commonest (> 10 %), common (1–10 %), ordinary (0.1–1 %), rare.
    var bands: [[String]] = [[], [], [], []]
    for (word, df) in zip(distinct, stats.1) where df > 0 {
        let share = Double(df) / Double(articles)
        bands[share > 0.1 ? 0 : share > 0.01 ? 1 : share > 0.001 ? 2 : 3].append(word)
    }
    func pick(_ band: Int) -> String {
        let b = bands[band].isEmpty ? bands.first { !$0.isEmpty } ?? ["oil"] : bands[band]
        return b[Int(random.next() % UInt64(b.count))]
    }
    func anyBand() -> Int { Int(random.next() % 4) }
    var mix: [MixQuery] = [
        MixQuery(kind: "headline: two common words", query: "oil prices"),
        MixQuery(kind: "headline: two common words", query: "said year"),
        MixQuery(kind: "headline: two common words", query: "bank rates"),
        MixQuery(kind: "headline: one word", query: "coffee"),
        MixQuery(kind: "headline: a word no article has", query: "zyxwvut"),
        MixQuery(kind: "headline: prefix a*", query: "a*"),
    ]
    while mix.count < count {
        switch mix.count % 16 {
        case 0, 1, 2: mix.append(MixQuery(kind: "one word", query: pick(mix.count % 4)))
        case 3, 4, 5, 6: mix.append(MixQuery(kind: "two words", query: "\(pick(anyBand())) \(pick(anyBand()))"))
        case 7: mix.append(MixQuery(kind: "two common words", query: "\(pick(0)) \(pick(1))"))
        case 8, 9: mix.append(MixQuery(kind: "three words", query: (0..<3).map { _ in pick(anyBand()) }.joined(separator: " ")))
        case 10: mix.append(MixQuery(kind: "four words", query: (0..<4).map { _ in pick(anyBand()) }.joined(separator: " ")))
        case 11:
            if let p = pairs.isEmpty ? nil : pairs[Int(random.next() % UInt64(pairs.count))] {
                mix.append(MixQuery(kind: "phrase", query: "\"\(p.0) \(p.1)\""))
            }
        case 12:
            if let p = pairs.isEmpty ? nil : pairs[Int(random.next() % UInt64(pairs.count))] {
                mix.append(MixQuery(kind: "NEAR", query: "NEAR(\(p.0) \(p.1), 5)"))
            }
        case 13:
            let w = pick(anyBand())
            mix.append(MixQuery(kind: "prefix", query: String(w.prefix(3 + Int(random.next() % 3))) + "*"))
        case 14: mix.append(MixQuery(kind: "filtered by date", query: "\(pick(anyBand())) \(pick(anyBand()))", since: "1987-03-15"))
        default: mix.append(MixQuery(kind: "with an exclusion", query: "\(pick(anyBand())) \(pick(anyBand())) -\(pick(1))"))
        }
    }
    return mix
}

struct BenchRandom {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// `OPINE_BENCH_WINDOW`: the rescore window to measure with (the engine's default otherwise).
let benchWindow = ProcessInfo.processInfo.environment["OPINE_BENCH_WINDOW"].flatMap { Int($0) }

func request(_ q: MixQuery, limit: Int = 10) -> SearchRequest {
    var r = SearchRequest(query: q.query, limit: limit)
    r.rescoreWindow = benchWindow
    r.since = q.since.flatMap(ArticleDate.init(iso:))
    return r
}

/// The mix in process (the two phases and `--exhaustive`, their top 10 compared) and as whole
/// `opine search` processes; `opine stats`, `opine --version`; peak RSS of every process.
func mixBenchmark(index: String, docs: String, figures: Figures, rounds: Int = 3) {
    let mix = drawQueryMix(docs: docs, index: index)
    guard let engine = try? Engine(indexPath: index, readOnly: true) else { return }
    var times: [String: [Double]] = [:]
    var all: [Double] = []
    var exhaustiveTimes: [Double] = []
    var agree = 0
    var moves: [String] = []
    var blocksRead = 0, blocks = 0
    var slowest: [(Double, Double, String, FirstPhaseFigures?)] = []
    for q in mix {
        for round in 0..<rounds {
            let start = now()
            let fast = try? engine.search(request(q))
            let t = now() - start
            times[q.kind, default: []].append(t)
            all.append(t)
            guard round == 0 else { continue }
            var slow = request(q)
            slow.exhaustive = true
            let s = now()
            let reference = try? engine.search(slow)
            exhaustiveTimes.append(now() - s)
            slowest.append((t, exhaustiveTimes.last ?? 0, q.query + (q.since.map { " since \($0)" } ?? ""), fast?.firstPhase))
            blocksRead += fast?.firstPhase?.blocksRead ?? 0
            blocks += fast?.firstPhase?.blocks ?? 0
            let a = fast?.results.map(\.article.id) ?? [], b = reference?.results.map(\.article.id) ?? []
            if a == b && fast?.matchedArticles == reference?.matchedArticles && fast?.completeArticles == reference?.completeArticles {
                agree += 1
            } else {
                // Each article of the exhaustive top 10: its rank there → its rank in the two phases.
                let moved = b.enumerated().compactMap { (i, id) -> String? in
                    let j = a.firstIndex(of: id)
                    return j == i ? nil : "\(i + 1)→\(j.map { String($0 + 1) } ?? "out")"
                }
                let counts = fast?.matchedArticles == reference?.matchedArticles ? "" : " (matched \(fast?.matchedArticles ?? -1) vs \(reference?.matchedArticles ?? -1))"
                moves.append("`\(q.query)`\(q.since.map { " since \($0)" } ?? ""): \(moved.joined(separator: ", "))\(counts)")
            }
        }
    }
    print("\n### The query mix: \(mix.count) queries, \(rounds) rounds in process\n")
    print("| kind | queries | p50 ms | p95 ms | p99 ms | max ms |")
    print("|---|---|---|---|---|---|")
    for kind in Array(Set(mix.map(\.kind))).sorted() {
        let v = times[kind] ?? []
        print(String(format: "| %@ | %d | %.2f | %.2f | %.2f | %.2f |", kind, v.count / rounds, percentile(v, 50) * 1000,
                     percentile(v, 95) * 1000, percentile(v, 99) * 1000, (v.max() ?? .nan) * 1000))
    }
    print(String(format: "| **all** | %d | %.2f | %.2f | %.2f | %.2f |", mix.count, percentile(all, 50) * 1000,
                 percentile(all, 95) * 1000, percentile(all, 99) * 1000, (all.max() ?? .nan) * 1000))
    print(String(format: "| all, `--exhaustive` (one round) | %d | %.2f | %.2f | %.2f | %.2f |", mix.count,
                 percentile(exhaustiveTimes, 50) * 1000, percentile(exhaustiveTimes, 95) * 1000,
                 percentile(exhaustiveTimes, 99) * 1000, (exhaustiveTimes.max() ?? .nan) * 1000))
    print(String(format: "\nTop 10 (and counts) equal to `--exhaustive`'s: %d of %d (%.1f %%); the first phase read %d of %d blocks (%.1f %%).",
                 agree, mix.count, 100 * Double(agree) / Double(max(mix.count, 1)), blocksRead, blocks,
                 100 * Double(blocksRead) / Double(max(blocks, 1))))
    print("\nThe slowest in process (two phases, exhaustive; blocks read of blocks, articles read):\n")
    for (t, e, q, f) in slowest.sorted(by: { $0.0 > $1.0 }).prefix(12) {
        print(String(format: "- `%@`: %.1f ms, %.1f ms; %d of %d blocks, %d articles", q, t * 1000, e * 1000,
                     f?.blocksRead ?? 0, f?.blocks ?? 0, f?.articlesRead ?? 0))
    }
    if !moves.isEmpty {
        print("\nThe others (exhaustive rank → two-phase rank):\n")
        for m in moves { print("- \(m)") }
    }
    figures.add("mix in process p50 ms", percentile(all, 50) * 1000)
    figures.add("mix in process p95 ms", percentile(all, 95) * 1000)
    figures.add("mix in process p99 ms", percentile(all, 99) * 1000)
    figures.add("mix in process max ms", (all.max() ?? .nan) * 1000)
    figures.add("mix top 10 = exhaustive %", 100 * Double(agree) / Double(max(mix.count, 1)))

    // Whole processes: every query of the mix once, then the headline ones five times.
    if ProcessInfo.processInfo.environment["OPINE_BENCH_IN_PROCESS"] != nil { return }
    var cli: [Double] = []
    var rss = 0.0
    var worst = (0.0, "")
    for q in mix {
        let r = spawn(opineBinary, ["search", "--index", index] + q.arguments)
        cli.append(r.seconds)
        rss = max(rss, r.rssMiB)
        if r.rssMiB > worst.0 { worst = (r.rssMiB, q.query) }
    }
    print("\n| whole `opine search` | runs | p50 ms | p95 ms | p99 ms | max ms | peak RSS MiB |")
    print("|---|---|---|---|---|---|---|")
    print(String(format: "| the mix, once each | %d | %.1f | %.1f | %.1f | %.1f | %.0f (`%@`) |", cli.count, percentile(cli, 50) * 1000,
                 percentile(cli, 95) * 1000, percentile(cli, 99) * 1000, (cli.max() ?? .nan) * 1000, rss, worst.1))
    figures.add("mix whole process p50 ms", percentile(cli, 50) * 1000)
    figures.add("mix whole process p95 ms", percentile(cli, 95) * 1000)
    figures.add("mix whole process p99 ms", percentile(cli, 99) * 1000)
    figures.add("mix peak RSS MiB", rss)
    let headline: [(String, [String])] = [
        ("oil prices", ["oil", "prices"]), ("said year", ["said", "year"]), ("bank rates", ["bank", "rates"]),
        ("coffee", ["coffee"]), ("a word no article has", ["zyxwvut"]), ("a*", ["a*"]),
    ]
    for (label, words) in headline {
        var t: [Double] = []
        var peak = 0.0
        for _ in 0..<5 {
            let r = spawn(opineBinary, ["search", "--index", index] + words)
            t.append(r.seconds)
            peak = max(peak, r.rssMiB)
        }
        print(String(format: "| `opine search %@` | 5 | %.1f | | | %.1f | %.0f |", label, percentile(t, 50) * 1000, (t.max() ?? .nan) * 1000, peak))
        figures.add("opine search \(label) p50 ms", percentile(t, 50) * 1000)
        figures.add("opine search \(label) peak MiB", peak)
    }
    for (label, args) in [("opine stats", ["stats", "--index", index]), ("opine --version", ["--version"])] {
        var t: [Double] = []
        for _ in 0..<5 { t.append(spawn(opineBinary, args).seconds) }
        print(String(format: "| `%@` | 5 | %.1f | | | %.1f | |", label, percentile(t, 50) * 1000, (t.max() ?? .nan) * 1000))
        figures.add("\(label) p50 ms", percentile(t, 50) * 1000)
    }
}
