import ArgumentParser
import Foundation
import Opine
import OpineRanking
import OpineRender
import OpineText

struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Index op-eds below the given folders: text, Markdown and web pages (incremental).",
        discussion: """
            Unchanged files are skipped (size and modification time, then content hash), changed files re-indexed, deleted files removed, renamed files moved without re-reading.

            With no PATH: the folders this index was built from, else Corpus/.

            Exit codes: 0 every file indexed, 3 finished but some files were skipped (each named in a warning on stderr), 2 the run stopped on an error (work committed so far is kept), 64 usage error (an unknown option, a missing argument).
            """)

    @OptionGroup var location: IndexOptions

    @Argument(help: ArgumentHelp("Folders or files to index.", valueName: "path"))
    var paths: [String] = []

    @Option(help: ArgumentHelp("For CSV and JSON Lines files given as paths: which column holds which field (remembered).",
                               valueName: "title=headline,text=body,…"))
    var fields: String?

    @Flag(help: "Drop the index and build it again from its folders.")
    var rebuild = false

    @Flag(name: .shortAndLong, help: "Print no warnings or summary.")
    var quiet = false

    @Option(name: .shortAndLong, help: "Threads that read, parse and analyze files while one writes; by default, this machine's cores.")
    var jobs: Int = Engine.defaultJobs

    func validate() throws {
        guard (1...256).contains(jobs) else { throw ValidationError("--jobs must be from 1 to 256") }
    }

    func run() throws {
        // A path that does not exist is an error before anything is created.
        for path in paths where !FileManager.default.fileExists(atPath: path) {
            throw EngineError.unreadableFile(path: path, detail: "no such file or folder; nothing was indexed")
        }
        let where_ = try location.locations()
        var engine: Engine
        do {
            engine = try Engine(indexPath: where_.index, rebuild: rebuild)
        } catch let e as IndexError {
            guard case .versionMismatch = e else { throw e }
            if !quiet { Output.error("opine: the index was built by another version; rebuilding it") }
            engine = try Engine(indexPath: where_.index, rebuild: true)
        }
        if let fields {
            guard !paths.isEmpty else { throw ValidationError("--fields names the columns of the files given as paths") }
            try engine.setRecordFields(fields, for: paths)
        }
        var roots = paths
        if roots.isEmpty {
            roots = try engine.roots()
            if roots.isEmpty, let corpus = where_.corpus { roots = [corpus] }
        }
        let showProgress = Output.stderrIsTerminal && !quiet
        let report = try engine.index(roots: roots, clock: monotonicSeconds, jobs: jobs) { done, total in
            if showProgress { Output.progress("\rindexing \(done)/\(total) files…") }
        }
        if showProgress { Output.progress("\r\u{1B}[K") }
        if !quiet {
            for w in report.warnings { Output.error("opine: warning: \(w)") }
            if let skipped = IndexCommand.skippedLine(report.skippedTypes) { Output.error("opine: \(skipped)") }
            Output.line(IndexCommand.summary(report))
        }
        if report.failed > 0 { throw ExitCode(ExitStatus.partial) }
    }

    /// "skipped 12 files of other types: .pdf 10, .docx 2" (most common first), or nil.
    static func skippedLine(_ types: [String: Int]) -> String? {
        let total = types.values.reduce(0, +)
        guard total > 0 else { return nil }
        let parts = types.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { "\($0.key) \($0.value)" }
        return "skipped \(total) file\(total == 1 ? "" : "s") of other types: " + parts.joined(separator: ", ")
    }

    static func summary(_ r: SyncReport) -> String {
        var parts = ["\(r.added) added", "\(r.updated) updated", "\(r.removed) removed", "\(r.unchanged) unchanged"]
        if r.moved > 0 { parts.insert("\(r.moved) moved", at: 2) }
        parts.append("\(r.failed) failed")
        return parts.joined(separator: ", ") + String(format: " in %.2f s", r.seconds)
    }
}
