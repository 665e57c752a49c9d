import ArgumentParser
import Foundation
import Opine
import OpineRanking
import OpineRender
import OpineText

/// `--date-format`: a closed choice, mapped to the engine's value.
enum DateFormatOption: String, ExpressibleByArgument, CaseIterable {
    case dayFirst = "dd/mm/yyyy"
    case monthFirst = "mm/dd/yyyy"
    case auto

    var dates: DatasetDates {
        switch self {
        case .dayFirst: .order(.dayFirst)
        case .monthFirst: .order(.monthFirst)
        case .auto: .decidedByFile
        }
    }
}

struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Index op-eds below the given folders: text, Markdown, web pages (also saved as .mhtml) and dataset exports (incremental).",
        discussion: """
            Unchanged files are skipped (size and modification time, then content hash), changed files re-indexed, deleted files removed, renamed files moved without re-reading.

            With no PATH: the folders this index was built from, else Corpus/.

            --rebuild builds the new index beside the old one (`<index>.rebuild`) and swaps it in when it is complete: searches meanwhile read the old one.

            Ctrl-C (or SIGTERM) stops at the next file's end and keeps what was indexed; the next run finishes the job. A second Ctrl-C quits at once.

            Exit codes: 0 every file indexed, 3 finished but some files were skipped (each named in a warning on stderr), 2 the run stopped on an error (work committed so far is kept), 64 usage error (an unknown option, a missing argument), 130 interrupted (work committed so far is kept).
            """)

    @OptionGroup var location: IndexOptions

    @Argument(help: ArgumentHelp("Folders or files to index.", valueName: "path"))
    var paths: [String] = []

    @Option(help: ArgumentHelp("For CSV and JSON Lines files given as paths: which column holds which field (remembered).",
                               valueName: "title=headline,text=body,…"))
    var fields: String?

    @Option(help: ArgumentHelp("For CSV and JSON Lines files given as paths: the order of numeric dates like 03/04/2020 (remembered); auto: the order the file's dates decide (a day above 12).",
                               valueName: "dd/mm/yyyy|mm/dd/yyyy|auto"))
    var dateFormat: DateFormatOption?

    @Flag(help: "Build the index again from its folders (and the paths given), beside it; swapped in when complete.")
    var rebuild = false

    @Flag(name: .shortAndLong, help: "Print no warnings or summary.")
    var quiet = false

    @Option(name: .shortAndLong, help: "Threads that read, parse and analyze files while one writes; by default, this machine's cores.")
    var jobs: Int = Engine.defaultJobs

    func validate() throws {
        guard (1...256).contains(jobs) else { throw ValidationError("--jobs must be from 1 to 256") }
        if paths.isEmpty && fields != nil { throw ValidationError("--fields names the columns of the files given as paths") }
        if paths.isEmpty && dateFormat != nil { throw ValidationError("--date-format names the date order of the files given as paths") }
    }

    func run() throws {
        // A path that does not exist is an error before anything is created.
        for path in paths where !FileManager.default.fileExists(atPath: path) {
            throw EngineError.unreadableFile(path: path, detail: "no such file or folder; nothing was indexed")
        }
        let where_ = try location.locations()
        var engine: Engine
        // A rebuild is built beside the index and swapped in; one of another version, which this
        // Opine cannot search anyway, is dropped and built in place.
        var rebuildBeside = rebuild
        do {
            engine = try Engine(indexPath: where_.index)
        } catch let e as IndexError {
            guard case .versionMismatch = e else { throw e }
            if !quiet { Output.error("opine: the index was built by another version; rebuilding it") }
            engine = try Engine(indexPath: where_.index, rebuild: true)
            rebuildBeside = false
        }
        if fields != nil || dateFormat != nil {
            try engine.setDatasetSettings(fields: fields, dates: dateFormat?.dates, for: paths)
        }
        var roots = paths
        if roots.isEmpty {
            roots = try engine.roots()
            if roots.isEmpty, let corpus = where_.corpus { roots = [corpus] }
        }
        let showProgress = Output.stderrIsTerminal && !quiet
        let progress = { (done: Int, total: Int) in
            if showProgress { Output.progress("\rindexing \(done)/\(total) files…") }
        }
        let report = try Interruption.during { stop in
            rebuildBeside
                ? try engine.rebuild(roots: roots, clock: monotonicSeconds, jobs: jobs, progress: progress, stop: stop)
                : try engine.index(roots: roots, clock: monotonicSeconds, jobs: jobs, progress: progress, stop: stop)
        }
        if showProgress { Output.progress("\r\u{1B}[K") }
        if !quiet {
            for w in report.warnings { Output.error("opine: warning: \(w)") }
            if let skipped = IndexCommand.skippedLine(report.skippedTypes) { Output.error("opine: \(skipped)") }
            if !report.interrupted { Output.line(IndexCommand.summary(report)) }
        }
        if report.interrupted {
            Output.error("opine: " + IndexCommand.interruptedLine(report, rebuild: rebuildBeside))
            throw ExitCode(ExitStatus.interrupted)
        }
        if report.failed > 0 { throw ExitCode(ExitStatus.partial) }
    }

    /// What an interrupted run says (always, even with --quiet: the run did not finish).
    static func interruptedLine(_ r: SyncReport, rebuild: Bool) -> String {
        if rebuild { return "interrupted: the rebuild was abandoned and the index is as it was; `opine index --rebuild` starts it again" }
        return "interrupted: \(r.indexed) file\(r.indexed == 1 ? "" : "s") indexed, \(r.left) left; `opine index` finishes the job"
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
