import Foundation
import OpineText

/// Where the index and the corpus are, following the documented order:
/// `--index`/`--corpus`, then `OPINE_INDEX`, then the package root found by walking up from the
/// current folder (or from the executable, for a binary run from elsewhere), then, for an
/// installed `opine` outside any package, the user's own index:
/// `$XDG_DATA_HOME/opine/opine.sqlite`, else `~/.local/share/opine/opine.sqlite`.
public struct Locations: Sendable, Equatable {
    public var index: String
    /// The default corpus (`Corpus/` at the package root), when one was found.
    public var corpus: String?
    /// True when the index is the package's default one, which is kept in sync with `Corpus/`
    /// automatically before a search.
    public var isDefaultIndex: Bool

    public static let defaultIndexName = "Index/opine.sqlite"
    public static let corpusName = "Corpus"

    public enum Failure: OpineError {
        case noIndex

        public var description: String {
            "no index given and no Opine package found here; pass --index FILE or set OPINE_INDEX"
        }
    }

    public static func resolve(
        index: String?, corpus: String?, environment: [String: String], currentDirectory: String,
        executable: String?
    ) throws -> Locations {
        let root = packageRoot(from: currentDirectory) ?? executable.flatMap { packageRoot(from: ($0 as NSString).deletingLastPathComponent) }
        let defaultCorpus = corpus ?? root.map { $0 + "/" + corpusName }
        if let index { return Locations(index: index, corpus: defaultCorpus, isDefaultIndex: false) }
        if let env = environment["OPINE_INDEX"], !env.isEmpty {
            return Locations(index: env, corpus: defaultCorpus, isDefaultIndex: false)
        }
        guard let root else {
            guard let user = userIndex(environment) else { throw Failure.noIndex }
            return Locations(index: user, corpus: nil, isDefaultIndex: false)
        }
        return Locations(index: root + "/" + defaultIndexName, corpus: defaultCorpus, isDefaultIndex: true)
    }

    /// The index of a user running an installed `opine` (XDG base directories).
    public static func userIndex(_ environment: [String: String]) -> String? {
        if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") { return data + "/opine/opine.sqlite" }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.local/share/opine/opine.sqlite"
    }

    /// The nearest folder at or above `start` holding both `Package.swift` and `Corpus/`.
    public static func packageRoot(from start: String) -> String? {
        var dir = (start as NSString).standardizingPath
        let fm = FileManager.default
        while true {
            var isDir: ObjCBool = false
            if fm.fileExists(atPath: dir + "/Package.swift"),
                fm.fileExists(atPath: dir + "/" + corpusName, isDirectory: &isDir), isDir.boolValue
            {
                return dir
            }
            let parent = (dir as NSString).deletingLastPathComponent
            if parent == dir || parent.isEmpty { return nil }
            dir = parent
        }
    }
}
