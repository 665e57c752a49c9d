import Foundation
import Testing

/// End-to-end: the built `opine` binary, run as a user runs it.
struct BinaryTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var binary: String? {
        for config in ["debug", "release"] {
            let candidate = root.appendingPathComponent(".build/\(config)/opine").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    struct Run { var status: Int32; var stdout: String; var stderr: String }

    static func run(_ args: [String], cwd: String? = nil, env: [String: String] = [:]) throws -> Run {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: try #require(binary, "build the opine executable first (swift build)"))
        p.arguments = args
        if let cwd { p.currentDirectoryURL = URL(fileURLWithPath: cwd) }
        var environment = ProcessInfo.processInfo.environment
        environment["OPINE_INDEX"] = nil
        for (k, v) in env { environment[k] = v }
        p.environment = environment
        let out = Pipe()
        let err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Run(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    func temporaryIndex() -> String {
        NSTemporaryDirectory() + "/opine-cli-" + UUID().uuidString + "/index.sqlite"
    }

    @Test func searchTheCorpusEndToEnd() throws {
        let index = temporaryIndex()
        let corpus = Self.root.appendingPathComponent("Corpus").path
        let built = try Self.run(["index", "--index", index, corpus])
        #expect(built.status == 0)
        #expect(built.stdout.contains("1 added"))
        let again = try Self.run(["index", "--index", index])
        #expect(again.stdout.contains("0 added, 0 updated, 0 removed, 1 unchanged"))

        let text = try Self.run(["search", "--index", index, "CPEC"])
        #expect(text.status == 0)
        #expect(text.stdout.contains("There are limits to bonhomie"))
        #expect(text.stdout.contains("Javid Husain"))
        #expect(text.stdout.contains("2025-09-20"))
        #expect(text.stdout.contains("The launch of [CPEC] 2.0"))

        let json = try Self.run(["search", "--index", index, "--json", "CPEC"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.split(separator: "\n")[0].utf8)) as? [String: Any])
        #expect(object["title"] as? String == "There are limits to bonhomie")
        #expect(object["authors"] as? [String] == ["Javid Husain"])
        #expect(object["date"] as? String == "2025-09-20")
        #expect(object["complete"] as? Bool == true)
        let snippet = try #require(object["snippet"] as? String)
        let highlights = try #require(object["highlights"] as? [[Int]])
        #expect(highlights.map { String(decoding: Array(snippet.utf8)[$0[0]..<$0[1]], as: UTF8.self) } == ["CPEC"])

        let show = try Self.run(["show", "--index", index, "--json", "2025-09-20-there-are-limits-to-bonhomie.txt"])
        let article = try #require(try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any])
        #expect(article["standfirst"] as? String == "Several developments since June have helped improve climate of relations between Pakistan and US")
        let body = (article["body"] as? [String] ?? []).joined(separator: " ")
        for absent in ["Rueyers", "The writer is", "Disclaimer", "Next Story", "More From Opinion"] { #expect(!body.contains(absent)) }

        let stats = try Self.run(["stats", "--index", index, "--json"])
        let figures = try #require(try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any])
        #expect(figures["articles"] as? Int == 1)
        #expect((figures["passages"] as? Int ?? 0) > 10)

        #expect(try Self.run(["check", "--index", index]).status == 0)

        // -c counts matching articles (no article read), -l lists their files.
        let counted = try Self.run(["search", "--index", index, "-c", "CPEC", "Pakistan"])
        #expect((counted.status, counted.stdout) == (0, "1\n"))
        #expect(try Self.run(["search", "--index", index, "-c", "zzzyzzx"]).status == 1)
        let listed = try Self.run(["search", "--index", index, "-l", "CPEC"])
        #expect(listed.stdout.hasSuffix("2025-09-20-there-are-limits-to-bonhomie.txt\n"))
    }

    /// Help asked for in every way ArgumentParser takes it: the usage on standard output, exit 0.
    @Test(arguments: [(["--help"], "USAGE: opine <subcommand>"), (["-h"], "USAGE: opine <subcommand>"),
                      (["help"], "USAGE: opine <subcommand>"), (["help", "search"], "USAGE: opine search"),
                      (["search", "--help"], "USAGE: opine search"), (["search", "-h"], "USAGE: opine search"),
                      (["index", "--help"], "USAGE: opine index"), (["trend", "-h"], "USAGE: opine trend")])
    func helpIsPrinted(_ args: [String], _ usage: String) throws {
        let run = try Self.run(args)
        #expect(run.status == 0, "opine \(args.joined(separator: " ")): \(run.stderr)")
        #expect(run.stdout.contains(usage))
        #expect(run.stderr.isEmpty)
    }

    @Test func exitCodesAndHostileQueries() throws {
        let index = temporaryIndex()
        _ = try Self.run(["index", "--index", index, Self.root.appendingPathComponent("Corpus").path])
        #expect(try Self.run(["search", "--index", index, "zzzyzzx"]).status == 1)
        #expect(try Self.run(["search", "--index", index, "CPEC", "-India"]).status == 1)
        #expect(try Self.run(["search", "--index", index, "CPEC", "-Zanzibar"]).status == 0)
        let suggestion = try Self.run(["search", "--index", index, "Rubeo"])
        #expect(suggestion.stderr.contains("Rubio"))
        #expect(try Self.run(["search", "--index", index, "--since", "2025-09-01", "CPEC"]).status == 0)
        #expect(try Self.run(["search", "--index", index, "--until", "2025-01-01", "CPEC"]).status == 1)
        for q in ["U.S.", "Pakistan's", "counter-terrorism", "\"half", "AND", "*", "'; DROP TABLE x", "NEAR(", ":", "(((", "-", "\u{1}",
                  "sqlite_master", "fts5(passage_fts)", "x syntax error", "no such column: y", "passage_fts MATCH 'a'"] {
            let r = try Self.run(["search", "--index", index, q])
            #expect([0, 1, 2].contains(r.status), "\(q)")
            let all = (r.stdout + r.stderr).lowercased()
            for leak in ["fts5", "sqlite", "syntax error", "no such column"] { #expect(!all.contains(leak), "\(q): \(all)") }
        }
        #expect(try Self.run(["search", "--index", index, "--limit", "0", "x"]).status == 64)
        let notAnIndex = try Self.run(["search", "--index", Self.root.appendingPathComponent("Package.swift").path, "x"])
        #expect(notAnIndex.status == 2)
        #expect(notAnIndex.stderr.contains("not an Opine index"))
    }

    @Test func defaultIndexIsBuiltFromCorpusInAPackageCopy() throws {
        // A copy of the package layout (Package.swift + Corpus/) in a temporary folder.
        let dir = NSTemporaryDirectory() + "/opine-pkg-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir + "/Corpus", withIntermediateDirectories: true)
        try "// stand-in".write(toFile: dir + "/Package.swift", atomically: false, encoding: .utf8)
        try FileManager.default.copyItem(atPath: Self.root.appendingPathComponent("Corpus/2025-09-20-there-are-limits-to-bonhomie.txt").path,
                                         toPath: dir + "/Corpus/seed.txt")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let first = try Self.run(["search", "CPEC"], cwd: dir)
        #expect(first.status == 0)
        #expect(first.stderr.contains("built the default index"))
        #expect(FileManager.default.fileExists(atPath: dir + "/Index/opine.sqlite"))
        let second = try Self.run(["search", "CPEC"], cwd: dir)
        #expect(second.stderr.isEmpty)
    }

    /// A result's heading: its rank, a full stop, a space ("3. Title").
    static func isResultLine(_ line: Substring) -> Bool {
        guard let dot = line.firstIndex(of: ".") else { return false }
        return !line[..<dot].isEmpty && line[..<dot].allSatisfy(\.isNumber) && line[line.index(after: dot)...].hasPrefix(" ")
    }

    /// Issue 11's checks, as a user types them.
    @Test func limitsAndErrorsAsTyped() throws {
        let index = temporaryIndex()
        let corpus = (index as NSString).deletingLastPathComponent + "/docs"
        defer { try? FileManager.default.removeItem(atPath: (index as NSString).deletingLastPathComponent) }
        try CrashSafetyTests.makeCorpus(corpus, count: 5)  // every article mentions tariffs
        _ = try Self.run(["index", "--index", index, corpus])
        let all = try Self.run(["search", "--index", index, "tariffs"])
        #expect(all.stdout.split(separator: "\n").filter(Self.isResultLine).count == 5)
        for limit in [["-n1"], ["--limit=1"], ["-n", "1"]] {
            let r = try Self.run(["search", "--index", index] + limit + ["tariffs"])
            #expect(r.status == 0)
            #expect(r.stdout.split(separator: "\n").filter(Self.isResultLine).count == 1, "\(limit)")
        }
        let missing = try Self.run(["eval", "--queries", "/nonexistent.tsv", "--docs", corpus, "--qrels", "/nonexistent.qrels"])
        #expect(missing.status == 2)
        #expect(missing.stderr == "opine: /nonexistent.tsv: no such file\n")
        let nan = try Self.run(["eval", "--set", "k1=nan", "--queries", "q", "--docs", "d", "--qrels", "r"])
        #expect(nan.status == 64)
        #expect(nan.stderr.contains("k1 must be a number from 0 to 1000000"))
    }

    /// The seed op-ed saved as a Geo.tv-like page, beside files of other types.
    @Test func aSavedPageIsSearchedAsTheOpEd() throws {
        let index = temporaryIndex()
        let folder = (index as NSString).deletingLastPathComponent + "/pages"
        defer { try? FileManager.default.removeItem(atPath: (index as NSString).deletingLastPathComponent) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try GeoPage.html().write(toFile: folder + "/there-are-limits-to-bonhomie.html", atomically: false, encoding: .utf8)
        for name in ["a.pdf", "b.pdf", "c.docx"] { try "x".write(toFile: folder + "/" + name, atomically: false, encoding: .utf8) }
        let built = try Self.run(["index", "--index", index, folder])
        #expect(built.status == 0)
        #expect(built.stdout.contains("1 added"))
        #expect(built.stderr.contains("skipped 3 files of other types: .pdf 2, .docx 1"))
        let found = try Self.run(["search", "--index", index, "--color", "never", "CPEC"])
        #expect(found.status == 0)
        #expect(found.stdout.contains("1. There are limits to bonhomie"))
        #expect(found.stdout.contains("Javid Husain · 2025-09-20 · Geo.tv"))
        #expect(found.stdout.contains("[CPEC] 2.0"))
        let json = try Self.run(["search", "--index", index, "--json", "CPEC"])
        #expect(json.stdout.contains("\"outlet\":\"Geo.tv\""))
        #expect(try Self.run(["search", "--index", index, "--outlet", "geo", "CPEC"]).status == 0)
        #expect(try Self.run(["search", "--index", index, "--outlet", "Dawn", "CPEC"]).status == 1)
        for clutter in ["tracking", "Quetta", "cricket", "newsletter", "rsquo", "Copyright"] {
            #expect(try Self.run(["search", "--index", index, clutter]).status == 1, "\(clutter) is searchable")
        }
        #expect(try Self.run(["stats", "--index", index]).stdout.contains("outlets:   Geo.tv 1"))
        let parsed = try Self.run(["parse", folder + "/there-are-limits-to-bonhomie.html"])
        #expect(parsed.stdout.contains("outlet:  Geo.tv"))
        #expect(parsed.stdout.contains("[caption] US Secretary of State Marco Rubio"))
    }
}
