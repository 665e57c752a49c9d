import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import OpineText
import Testing

/// Nothing the data says crashes Opine: hostile articles in every format (``HostileData``,
/// seeded: `OPINE_FUZZ_SEED` replays another run) indexed by the built `opine`, then every
/// command over the index and the server's pages and API. No process may die of a signal, no
/// answer may be a 5xx, every failure is one line, and the analyzer keeps its invariants on
/// every text written.
struct HostileDataFuzzTests {
    static let seed = UInt64(ProcessInfo.processInfo.environment["OPINE_FUZZ_SEED"] ?? "") ?? 20_261_206

    /// One run of the built binary: how it ended, and what it wrote.
    struct Outcome {
        var crashed: Bool
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// What a reader thread collected (read once it signalled).
    final class Collected: @unchecked Sendable { var data = Data() }

    /// Tallies, for the closing line.
    final class Tally: @unchecked Sendable {
        var commands = 0
        var requests = 0
        /// The slowest commands and requests, to print (seconds, what).
        var slowest: [(Double, String)] = []
        func timed(_ seconds: Double, _ what: String) {
            slowest.append((seconds, String(what.prefix(160))))
            slowest.sort { $0.0 > $1.0 }
            if slowest.count > 12 { slowest.removeLast() }
        }
    }

    static func opine(_ arguments: [String], tally: Tally) throws -> Outcome {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: try #require(Binaries.path("opine")))
        p.arguments = arguments
        p.environment = ["PATH": "/usr/bin:/bin", "NO_COLOR": "1"]
        let (out, err) = (Pipe(), Pipe())
        (p.standardOutput, p.standardError) = (out, err)
        let started = Date()
        try p.run()
        // Read both pipes as the process writes them: one filled pipe would stall it.
        let stdout = Collected()
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            stdout.data = out.fileHandleForReading.readDataToEndOfFile()
            done.signal()
        }
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        done.wait()
        tally.commands += 1
        tally.timed(Date().timeIntervalSince(started), arguments.joined(separator: " "))
        return Outcome(crashed: p.terminationReason == .uncaughtSignal, status: p.terminationStatus,
                       stdout: String(decoding: stdout.data, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// Checks one outcome: no signal, a status among `allowed`, stderr lines all Opine's own
    /// (`opine: …`, or ArgumentParser's usage for 64), and a failure said in one line.
    static func check(_ o: Outcome, _ arguments: [String], allowed: Set<Int32>) {
        let command = arguments.map { $0.count > 60 ? String($0.prefix(60)) + "…" : $0 }.joined(separator: " ")
        #expect(!o.crashed, "opine \(command) died of signal \(o.status): \(o.stderr.prefix(400))")
        guard !o.crashed else { return }
        #expect(allowed.contains(o.status), "opine \(command) exited \(o.status): \(o.stderr.prefix(300))")
        let lines = o.stderr.split(separator: "\n", omittingEmptySubsequences: true)
        for leak in ["Fatal error", "SQLite", "sqlite3", "Swift/", "NSCocoaErrorDomain"] where o.stderr.contains(leak) {
            Issue.record("opine \(command) printed \(leak): \(o.stderr.prefix(300))")
        }
        if o.status == 2 {
            #expect(lines.last?.hasPrefix("opine: ") == true, "opine \(command): the failure is not one line of ours: \(o.stderr.prefix(300))")
        }
        if o.status != 64 {
            for line in lines where !line.hasPrefix("opine: ") && !line.hasPrefix("\r") && !line.hasPrefix("  ") {
                Issue.record("opine \(command): a line that is not Opine's: \(line.prefix(200))")
            }
        }
    }

    /// Writes the corpus: `count` generated files and the extremes; returns their names.
    static func writeCorpus(_ folder: String, count: Int, data: inout HostileData) throws -> [String] {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var names: [String] = []
        for (name, bytes) in (0..<count).map({ data.file($0) }) + data.extremes() {
            try Data(bytes).write(to: URL(fileURLWithPath: folder + "/" + name))
            names.append(name)
            // The analyzer's invariants on the text as the readers will see it.
            let text = String(decoding: bytes, as: UTF8.self)
            if bytes.count < 1 << 20 { Self.checkAnalyzer(text, name) }
        }
        return names
    }

    /// Every token of `text`, in every mode: whole scalars of at most 64 bytes, ranges inside it.
    static func checkAnalyzer(_ text: String, _ name: String) {
        let count = text.utf8.count
        for mode in [AnalysisMode.document, .query, .prefix] {
            for t in Analyzer().tokens(text, mode: mode) {
                if t.term.utf8.count > Analyzer.maximumTermBytes || t.term.isEmpty
                    || (t.term.contains("\u{FFFD}") && !text.contains("\u{FFFD}"))
                    || t.range.lowerBound < 0 || t.range.upperBound > count || t.range.isEmpty {
                    Issue.record("\(name): the analyzer broke an invariant with \(t.term.debugDescription) at \(t.range)")
                    return
                }
            }
        }
    }

    @Test(.enabled(if: Binaries.path("opine") != nil && Binaries.path("opine-serve") != nil, "needs the built opine and opine-serve (swift build)"))
    func hostileDataNeverCrashesAnythingOrAnswersFiveHundred() throws {
        // OPINE_FUZZ_KEEP=DIR keeps the corpus and index there, to replay a failure by hand.
        let kept = ProcessInfo.processInfo.environment["OPINE_FUZZ_KEEP"]
        let root = kept ?? NSTemporaryDirectory() + "/opine-fuzz-" + UUID().uuidString
        defer { if kept == nil { try? FileManager.default.removeItem(atPath: root) } }
        let (docs, index) = (root + "/docs", root + "/index.sqlite")
        var data = HostileData(seed: Self.seed)
        let files = try Self.writeCorpus(docs, count: 150, data: &data)
        let tally = Tally()
        func run(_ arguments: [String], _ allowed: Set<Int32>) throws -> Outcome {
            let o = try Self.opine(arguments, tally: tally)
            Self.check(o, arguments, allowed: allowed)
            return o
        }
        // Index: every file read or refused in a line; the run finishes (0, or 3 with failures).
        _ = try run(["index", "--index", index, docs], [0, 3])
        _ = try run(["index", "--index", index, docs], [0, 3])
        _ = try run(["check", "--index", index], [0])
        _ = try run(["stats", "--index", index, "--json"], [0])
        try Self.searches(&data, index: index, run: run)
        try Self.trends(&data, index: index, root: root, run: run)
        try Self.articles(files: files, docs: docs, index: index, run: run)
        try Self.serve(&data, index: index, tally: tally)
        print("hostile data (seed \(Self.seed)): \(files.count) files, \(tally.commands) commands, \(tally.requests) requests")
        for (seconds, what) in tally.slowest { print(String(format: "  %6.2f s  ", seconds) + what) }
    }

    static func searches(_ data: inout HostileData, index: String, run: ([String], Set<Int32>) throws -> Outcome) throws {
        let flags: [[String]] = [[], ["--json"], ["--csv"], ["--explain"], ["-l"], ["-c"], ["-n", "3", "--snippets", "3"],
                                 ["--json", "--explain", "-n", "50"], ["--limit", "10000"]]
        for i in 0..<120 {
            var arguments = ["search", "--index", index] + data.random.pick(flags)
            if data.random.chance(25) { arguments += ["--since", data.random.pick(["1000-01-01", "2999-12-31", "2025-01-01"])] }
            if data.random.chance(25) { arguments += ["--until", data.random.pick(["1000-01-01", "2999-12-31", "2025-12-31"])] }
            if data.random.chance(20) { arguments += ["--author", data.name()] }
            if data.random.chance(10) { arguments += ["--outlet", data.word()] }
            // A filter alone, now and then: a listing.
            arguments += i % 15 == 0 ? [] : ["--", data.query()]
            _ = try run(arguments, [0, 1, 2, 64])
        }
        for text in HostileData.words + HostileData.compounds {
            let o = try run(["analyze", text], [0, 1])
            #expect(!o.stdout.contains("\u{FFFD}") || text.contains("\u{FFFD}"), "analyze \(text): \(o.stdout.prefix(200))")
        }
    }

    static func trends(_ data: inout HostileData, index: String, root: String, run: ([String], Set<Int32>) throws -> Outcome) throws {
        for by in ["", "day", "week", "month", "quarter", "year"] {
            for _ in 0..<4 {
                let svg = root + "/chart-\(UUID().uuidString).svg"
                var arguments = ["trend", "--index", index]
                if !by.isEmpty { arguments += ["--by", by] }
                arguments += data.random.pick([["--svg", svg], ["--json"], ["--csv"], []])
                if data.random.chance(30) { arguments += ["--since", data.random.pick(["1000-01-01", "2999-01-01", "2024-01-01"])] }
                arguments += ["--", data.query(), data.query()]
                let o = try run(arguments, [0, 1, 2, 64])
                if o.status == 0, FileManager.default.fileExists(atPath: svg) {
                    let parser = XMLParser(data: try Data(contentsOf: URL(fileURLWithPath: svg)))
                    #expect(parser.parse(), "trend \(arguments.joined(separator: " ")): the SVG is not well-formed")
                }
            }
        }
    }

    static func articles(files: [String], docs: String, index: String, run: ([String], Set<Int32>) throws -> Outcome) throws {
        for name in files {
            _ = try run(["parse", "--json", docs + "/" + name], [0, 2, 3])
        }
        for id in ["1", "2", "17", "99", "0", "-1", "999999999999", "x-huge.txt", "x-many.txt", docs + "/x-authors.md", "no-such"] {
            _ = try run(["show", "--index", index, "--json", "--", id], [0, 2])
            _ = try run(["show", "--index", index, "--", id], [0, 2])
        }
    }

    static func serve(_ data: inout HostileData, index: String, tally: Tally) throws {
        let server = try ServerProcess(arguments: ["--index", index])
        func get(_ path: String, _ parameters: [(String, String)]) {
            var components = URLComponents()
            components.path = path
            components.queryItems = parameters.map { URLQueryItem(name: $0.0, value: $0.1) }
            // `+` and other reserved bytes of a value sent as a browser sends them.
            let target = (components.percentEncodedPath.isEmpty ? path : components.percentEncodedPath)
                + (parameters.isEmpty ? "" : "?" + (components.percentEncodedQuery ?? "").replacingOccurrences(of: "+", with: "%2B"))
            let started = Date()
            let answer = RawHTTP.get(server.port, target)
            tally.requests += 1
            tally.timed(Date().timeIntervalSince(started), "GET " + target)
            #expect(answer != nil, "GET \(target.prefix(120)): no answer")
            if let answer { #expect(answer.status < 500, "GET \(target.prefix(120)): \(answer.status) \(answer.body.prefix(200))") }
        }
        get("/", [])
        get("/api/stats", [])
        for _ in 0..<60 {
            // A NUL reaches a query only through the web (argv cannot hold one).
            var parameters = [("q", data.random.chance(15) ? data.query() + "\u{0}" + data.query() : data.query())]
            if data.random.chance(25) { parameters.append(("since", data.random.pick(["1000-01-01", "2999-12-31", "0000-01-01", "x"]))) }
            if data.random.chance(25) { parameters.append(("until", data.random.pick(["1000-01-01", "2999-12-31", "2025-02-30"]))) }
            if data.random.chance(20) { parameters.append(("author", data.name())) }
            if data.random.chance(20) { parameters.append(("page", data.random.pick(["1", "2", "1000", "0", "-1", "99999999999"]))) }
            if data.random.chance(20) { parameters.append(("by", data.random.pick(["day", "week", "month", "quarter", "year", "century"]))) }
            get(data.random.pick(["/search", "/api/search", "/api/trend", "/trend.svg"]), parameters)
        }
        for id in ["1", "2", "3", "50", "0", "999999999999999999", "abc"] {
            get("/article/" + id, [("q", data.query())])
            get("/api/article/" + id, [])
        }
        let stopped = server.stop()
        #expect(stopped.status == 0, "the server did not stop cleanly: it died? \(stopped.stderr.suffix(400))")
    }
}
