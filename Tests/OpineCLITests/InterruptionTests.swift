import Foundation
import Opine
import Testing

/// Real signals to the built `opine index`: Ctrl-C and SIGTERM stop at a file's end, keep what
/// was committed, say what is left, and exit 130; the next run finishes the job.
struct InterruptionTests {
    /// Articles committed to `index` so far, read as another process reads them (0 while the
    /// index is being created).
    static func committed(_ index: String) -> Int {
        (try? Engine(indexPath: index, readOnly: true).stats().articles) ?? 0
    }

    /// Waits (up to a minute) until `condition` holds or `process` ends; true when it held
    /// while the process ran.
    static func wait(for process: Process, until condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(60)
        while process.isRunning && Date() < deadline {
            if condition() { return process.isRunning }
            Thread.sleep(forTimeInterval: 0.02)
        }
        return false
    }

    /// Starts `opine` with `arguments`; its stderr is read when it ends.
    static func start(_ arguments: [String]) throws -> (Process, Pipe) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: try #require(BinaryTests.binary))
        p.arguments = arguments
        let err = Pipe()
        p.standardOutput = FileHandle.nullDevice
        p.standardError = err
        try p.run()
        return (p, err)
    }

    /// Regression: Ctrl-C two seconds into a first index of 57,000 files ended the process in
    /// silence (and on slow pages, before a single batch was committed).
    @Test(.enabled(if: BinaryTests.binary != nil, "needs the built opine binary (swift build)"), arguments: [SIGINT, SIGTERM])
    func aSignalStopsAtAFileEndAndSaysWhatIsLeft(_ number: Int32) throws {
        let root = NSTemporaryDirectory() + "/opine-signal-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        let docs = root + "/docs", index = root + "/index.sqlite"
        let total = 2500
        try CrashSafetyTests.makeCorpus(docs, count: total)
        let (process, err) = try Self.start(["index", "--index", index, docs])
        let running = Self.wait(for: process) { Self.committed(index) > 0 }
        kill(process.processIdentifier, number)
        process.waitUntilExit()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        try #require(running, "the run ended before a batch was committed: the corpus is too small for this machine")
        #expect(process.terminationStatus == 130, "\(stderr)")
        let numbers = try #require(stderr.firstMatch(of: /interrupted: (\d+) files? indexed, (\d+) left; `opine index` finishes the job/),
                                   "\(stderr)")
        let (indexed, left) = (Int(numbers.1) ?? -1, Int(numbers.2) ?? -1)
        #expect(indexed + left == total)
        #expect(indexed >= 1 && left >= 1)
        #expect(try BinaryTests.run(["check", "--index", index]).status == 0)
        #expect(Self.committed(index) == indexed, "what it said it indexed is what the index holds")
        let rest = try BinaryTests.run(["index", "--index", index, docs])
        #expect(rest.status == 0)
        #expect(rest.stdout.contains("\(left) added, 0 updated, 0 removed, \(indexed) unchanged"), "\(rest.stdout)")
        #expect(try BinaryTests.run(["search", "--index", index, "-c", "marker"]).stdout == "\(total)\n")
    }

    /// Regression: `--rebuild` dropped the tables first, and searches run meanwhile from another
    /// terminal found nothing (7 of 139 during a rebuild of reuters-21578).
    @Test(.enabled(if: BinaryTests.binary != nil, "needs the built opine binary (swift build)"))
    func searchesDuringARebuildSeeTheWholeIndex() throws {
        let root = NSTemporaryDirectory() + "/opine-rebuild-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        let docs = root + "/docs", index = root + "/index.sqlite"
        try CrashSafetyTests.makeCorpus(docs, count: 2000)
        #expect(try BinaryTests.run(["index", "--index", index, docs]).status == 0)
        let (rebuild, err) = try Self.start(["index", "--rebuild", "--index", index])
        var during = 0
        while rebuild.isRunning {
            let r = try BinaryTests.run(["search", "--index", index, "-c", "marker"])
            let stillRunning = rebuild.isRunning
            #expect(r.status == 0 && r.stdout == "2000\n", "a search during the rebuild: \(r.status) \(r.stdout) \(r.stderr)")
            if stillRunning { during += 1 }
        }
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(rebuild.terminationStatus == 0, "\(stderr)")
        #expect(during >= 3, "only \(during) searches ran during the rebuild")
        #expect(try BinaryTests.run(["check", "--index", index]).status == 0)
        #expect(try BinaryTests.run(["search", "--index", index, "-c", "marker"]).stdout == "2000\n")
        #expect(!FileManager.default.fileExists(atPath: index + ".rebuild"), "the side index is removed")
    }

    /// A rebuild killed at any moment leaves the old index whole; the next one finishes.
    @Test(.enabled(if: BinaryTests.binary != nil, "needs the built opine binary (swift build)"))
    func aKillDuringARebuildLeavesTheOldIndexWhole() throws {
        let root = NSTemporaryDirectory() + "/opine-rebuildkill-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        let docs = root + "/docs", index = root + "/index.sqlite"
        try CrashSafetyTests.makeCorpus(docs, count: 2000)
        #expect(try BinaryTests.run(["index", "--index", index, docs]).status == 0)
        var killed = 0
        for fraction in [0.3, 0.7] {
            let (rebuild, _) = try Self.start(["index", "--rebuild", "--index", index])
            // Killed once the side index holds about this share of the articles.
            let side = index + ".rebuild"
            if Self.wait(for: rebuild, until: { Double(Self.committed(side)) >= fraction * 2000 }) {
                kill(rebuild.processIdentifier, SIGKILL)
                killed += 1
            }
            rebuild.waitUntilExit()
            #expect(try BinaryTests.run(["check", "--index", index]).status == 0)
            #expect(try BinaryTests.run(["search", "--index", index, "-c", "marker"]).stdout == "2000\n")
        }
        #expect(killed >= 1, "the rebuilds ended before they were killed")
        let again = try BinaryTests.run(["index", "--rebuild", "--index", index])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("2000 added"))
        #expect(try BinaryTests.run(["search", "--index", index, "-c", "marker"]).stdout == "2000\n")
    }
}
