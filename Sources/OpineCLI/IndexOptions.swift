import ArgumentParser
import Foundation
import Opine
import OpineRanking
import OpineRender
import OpineText

/// Where the index is: shared by every command that opens one.
public struct IndexOptions: ParsableArguments {
    public init() {}

    @Option(name: .long, help: ArgumentHelp("The index database (default: $OPINE_INDEX, else Index/opine.sqlite in the Opine package).", valueName: "file"))
    public var index: String?

    @Option(name: .long, help: ArgumentHelp("The folder the default index is kept in sync with (default: Corpus/ in the Opine package).", valueName: "dir"))
    public var corpus: String?

    func locations() throws -> Locations {
        try Locations.resolve(
            index: index, corpus: corpus, environment: ProcessInfo.processInfo.environment,
            currentDirectory: FileManager.default.currentDirectoryPath,
            executable: CommandLine.arguments.first.map { Self.absolute($0) })
    }

    static func absolute(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        if path.contains("/") { return FileManager.default.currentDirectoryPath + "/" + path }
        return Bundle.main.executablePath ?? path
    }

    /// Opens the engine for writing (rebuilding an index of another version), with the folder
    /// fetched pages go to by default: the default index's `Corpus/`, else a folder beside the
    /// index (`news.sqlite` keeps them in `news-pages/`).
    func openForWriting() throws -> (Engine, String?) {
        let where_ = try locations()
        let pages = where_.isDefaultIndex ? where_.corpus : Paths.pagesFolder(besideIndex: Paths.absolute(where_.index))
        do {
            return (try Engine(indexPath: where_.index), pages)
        } catch let e as IndexError {
            guard case .versionMismatch = e else { throw e }
            Output.error("opine: the index was built by another version; rebuilding it")
            return (try Engine(indexPath: where_.index, rebuild: true), pages)
        }
    }

    /// Opens the engine for reading. The default index is first brought up to date with
    /// `Corpus/` (built when missing, re-synced when a file changed), with a notice on stderr.
    public func openForSearch() throws -> Engine {
        let where_ = try locations()
        if where_.isDefaultIndex, let corpus = where_.corpus {
            let exists = FileManager.default.fileExists(atPath: where_.index)
            let engine: Engine
            do {
                engine = try Engine(indexPath: where_.index)
            } catch let e as IndexError {
                guard case .versionMismatch = e else { throw e }
                Output.error("opine: the default index was built by another version; rebuilding it from \(Paths.display(corpus))")
                engine = try Engine(indexPath: where_.index, rebuild: true)
            }
            do {
                let report = try engine.index(roots: [corpus], clock: monotonicSeconds)
                let changed = report.added + report.updated + report.removed + report.moved
                if !exists || changed > 0 {
                    Output.error("opine: \(exists ? "updated" : "built") the default index from \(Paths.display(corpus))/: \(IndexCommand.summary(report))")
                }
            } catch IndexError.busy {
                // Another opine is updating it: search what is committed.
            }
            return engine
        }
        return try Engine(indexPath: where_.index, readOnly: true)
    }
}

/// Paths as shown to people: relative to the current folder when below it.
public enum Paths {
    /// `path` from the root: relative paths are taken from the current folder.
    public static func absolute(_ path: String) -> String {
        let full = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return (full as NSString).standardizingPath
    }

    /// Where fetched pages of a private index are kept unless `--into` says otherwise:
    /// `/tmp/news.sqlite` → `/tmp/news-pages`.
    public static func pagesFolder(besideIndex index: String) -> String {
        let name = ((index as NSString).lastPathComponent as NSString).deletingPathExtension
        return (index as NSString).deletingLastPathComponent + "/" + (name.isEmpty ? "opine" : name) + "-pages"
    }

    public static func display(_ path: String) -> String {
        let cwd = FileManager.default.currentDirectoryPath
        let prefix = cwd.hasSuffix("/") ? cwd : cwd + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}
