import ArgumentParser
import Foundation
import Opine
import OpineRanking
import OpineRender
import OpineText

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the index: SQLite and FTS5 integrity, and the index against the files.",
        discussion: "Exit 0 when the index is sound (files changed since indexing are listed, not errors), 2 otherwise.")

    @OptionGroup var location: IndexOptions

    func run() throws {
        let where_ = try location.locations()
        guard FileManager.default.fileExists(atPath: where_.index) else {
            throw ValidationError("no index at \(where_.index)")
        }
        // FTS5's integrity-check is spelled as an INSERT, so the index is opened writable.
        let engine = try Engine(indexPath: where_.index)
        let r = try engine.check()
        Output.line("database integrity:  \(r.databaseOK ? "ok" : "FAILED")")
        Output.line("full-text integrity: \(r.fullTextOK ? "ok" : "FAILED")")
        Output.line("articles:            \(r.articles)")
        Output.line("files gone:          \(r.missingFiles.count)")
        Output.line("files changed:       \(r.changedFiles.count)")
        Output.line("collection figures:  \(r.staleFigures ? "out of date (a run stopped before writing them)" : "ok")")
        for p in r.problems { Output.line("problem: \(p)") }
        for p in r.missingFiles.prefix(20) { Output.line("gone: \(Paths.display(p))") }
        for p in r.changedFiles.prefix(20) { Output.line("changed: \(Paths.display(p))") }
        if !r.missingFiles.isEmpty || !r.changedFiles.isEmpty || r.staleFigures {
            Output.line("run `opine index` to bring the index up to date")
        }
        if !r.isHealthy { throw ExitCode(ExitStatus.error) }
    }
}
