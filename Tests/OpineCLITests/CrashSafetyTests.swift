import Foundation
import Testing

/// Real kills: `kill -9` of the built `opine index` at several moments, then integrity checks
/// and searches on what was committed, then a final run that finishes the job.
struct CrashSafetyTests {
    /// A folder of `count` small articles, each with one word found nowhere else.
    static func makeCorpus(_ dir: String, count: Int) throws {
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let filler = "Pakistan and China discussed trade, tariffs and the corridor while markets watched. "
        for i in 0..<count {
            let text = "Article number \(i)\nBy Writer \(i % 7)\nMarch \(1 + i % 28), 2024\n\n"
                + String(repeating: filler, count: 8) + "The marker is uniq\(Self.letters(i)).\n\n" + String(repeating: filler, count: 6)
            try text.write(toFile: dir + "/a\(i).txt", atomically: false, encoding: .utf8)
        }
    }

    /// A letters-only name for `i` (digits inside a word would split it).
    static func letters(_ i: Int) -> String {
        var n = i
        var s = ""
        repeat {
            s.append(Character(Unicode.Scalar(UInt8(97 + n % 26))))
            n /= 26
        } while n > 0
        return s
    }

    /// Starts `opine index --quiet` in the background.
    static func startIndexing(index: String, dir: String) throws -> Process {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: try #require(BinaryTests.binary))
        p.arguments = ["index", "--quiet", "--index", index, dir]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        return p
    }

    /// Starts `opine index`, kills it with SIGKILL after `delay` seconds (if still running).
    static func indexAndKill(index: String, dir: String, after delay: Double) throws -> Bool {
        let p = try startIndexing(index: index, dir: dir)
        Thread.sleep(forTimeInterval: delay)
        let killed = p.isRunning
        if killed { kill(p.processIdentifier, SIGKILL) }
        p.waitUntilExit()
        return killed
    }

    @Test func killNineNeverCorruptsAndLosesNothingCommitted() throws {
        let root = NSTemporaryDirectory() + "/opine-crash-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        let docs = root + "/docs"
        let index = root + "/index.sqlite"
        let total = 3000
        try Self.makeCorpus(docs, count: total)
        var kills = 0
        var previous = 0
        for delay in [0.15, 0.4, 0.7, 1.0] {
            if try Self.indexAndKill(index: index, dir: docs, after: delay) { kills += 1 }
            guard FileManager.default.fileExists(atPath: index) else { continue }
            let check = try BinaryTests.run(["check", "--index", index])
            #expect(check.status == 0, "check after a kill at \(delay) s: \(check.stdout)")
            let stats = try BinaryTests.run(["stats", "--index", index, "--json"])
            let figures = try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any]
            let articles = figures?["articles"] as? Int ?? -1
            #expect(articles >= previous, "articles went from \(previous) to \(articles)")
            previous = articles
            // Committed articles are searchable: sample a few by their unique word.
            let listed = try BinaryTests.run(["search", "--index", index, "-l", "marker"])
            let paths = listed.stdout.split(separator: "\n")
            #expect(paths.count == articles)
            for path in paths.prefix(3) {
                let name = (String(path) as NSString).lastPathComponent
                let i = Int(name.dropFirst().dropLast(4)) ?? 0
                let found = try BinaryTests.run(["search", "--index", index, "-l", "uniq" + Self.letters(i)])
                #expect(found.stdout.contains(name))
            }
        }
        let final = try BinaryTests.run(["index", "--index", index])
        #expect(final.status == 0)
        let stats = try BinaryTests.run(["stats", "--index", index, "--json"])
        let figures = try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any]
        #expect(figures?["articles"] as? Int == total)
        #expect(try BinaryTests.run(["check", "--index", index]).status == 0)
        #expect(kills >= 1, "no run was still going when killed; the corpus is too small for this machine")
    }

    /// Searches from other processes while one indexes: each answers (never "locked", never an
    /// error), counts at least what was committed before the run and at most everything, and at
    /// least a few of them ran while the writer was at work. A second indexer at the same time
    /// is refused, or finds nothing left to do.
    @Test func searchWhileIndexingAnswersAndTwoIndexersDoNotCorrupt() throws {
        let root = NSTemporaryDirectory() + "/opine-concurrent-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        let docs = root + "/docs"
        let index = root + "/index.sqlite"
        try Self.makeCorpus(docs + "/first", count: 300)
        #expect(try BinaryTests.run(["index", "--index", index, docs + "/first"]).status == 0)
        try Self.makeCorpus(docs + "/second", count: 2000)
        let writer = try Self.startIndexing(index: index, dir: docs)
        // The second indexer starts once the first is visibly at work (it committed a batch).
        _ = InterruptionTests.wait(for: writer) { InterruptionTests.committed(index) > 300 }
        let second = try BinaryTests.run(["index", "--quiet", "--index", index, docs])
        var during = 0
        while writer.isRunning {
            let r = try BinaryTests.run(["search", "--index", index, "-c", "marker"])
            let stillRunning = writer.isRunning
            #expect(r.status == 0, "search during indexing: \(r.stderr)")
            #expect(!r.stderr.contains("locked"))
            let count = Int(r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
            #expect((300...2300).contains(count), "\(count)")
            if stillRunning { during += 1 }
        }
        writer.waitUntilExit()
        #expect(writer.terminationStatus == 0)
        #expect(during >= 1, "no search ran while the writer was at work (second: \(second.status) \(second.stderr))")
        #expect([0, 2].contains(second.status), "second indexer: \(second.stderr)")
        if second.status == 2 { #expect(second.stderr.contains("being updated by another")) }
        #expect(try BinaryTests.run(["check", "--index", index]).status == 0)
        let count = try BinaryTests.run(["search", "--index", index, "-c", "marker"])
        #expect(count.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "2300")
    }
}
