import ArgumentParser
import Foundation

/// Lets `opine search CPEC -India` exclude India without `--`: the arguments that are
/// `search`'s own options stay options, every other one (including `-India`) is a query word.
///
/// Which names are options, and which of them take a value, is `SearchCommand`'s own
/// declarations (ArgumentParser's JSON description of the command, `declarations(_:)`),
/// written out in `declared`: reading the JSON at every start cost 18 M instructions, a
/// quarter of a whole search. A test checks that the table is what the command declares. A
/// short option with a value may be joined to a number (`-n1`).
enum SearchArguments {
    struct Declared: Equatable {
        /// `--limit`, `-n`, …: names of options that take a value.
        var valued: Set<String> = []
        /// Names of flags (no value).
        var flags: Set<String> = []
    }

    /// The declarations of `search` (and its option groups): `declarations(SearchCommand._dumpHelp())`.
    static let declared = Declared(
        valued: ["--author", "--color", "--corpus", "--index", "--limit", "--outlet", "--since", "--snippets", "--until", "-n"],
        flags: ["--count", "--csv", "--exhaustive", "--explain", "--files-with-matches", "--help", "--json", "-c", "-h", "-l"])

    /// Parses ArgumentParser's `_dumpHelp()` JSON: every argument's kind and names.
    static func declarations(_ json: String) -> Declared {
        var out = Declared(flags: ["-h", "--help"])
        guard let data = json.data(using: .utf8),
            let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let command = root["command"] as? [String: Any],
            let arguments = command["arguments"] as? [[String: Any]]
        else { return out }
        for argument in arguments {
            let names = (argument["names"] as? [[String: Any]] ?? []).compactMap { n -> String? in
                guard let name = n["name"] as? String, let kind = n["kind"] as? String else { return nil }
                return (kind == "short" || kind == "longWithSingleDash" ? "-" : "--") + name
            }
            switch argument["kind"] as? String {
            case "option": out.valued.formUnion(names)
            case "flag": out.flags.formUnion(names)
            default: break
            }
        }
        return out
    }

    /// `search`'s arguments as options, then `--`, then the query words; other commands unchanged.
    static func split(_ args: [String], declared: Declared = declared) -> [String] {
        guard args.first == "search" else { return args }
        var options: [String] = []
        var words: [String] = []
        var i = 1
        while i < args.count {
            let a = args[i]
            i += 1
            if a == "--" {
                words += args[i...]
                break
            }
            let name = a.split(separator: "=", maxSplits: 1).first.map(String.init) ?? a
            if declared.valued.contains(name) {
                options.append(a)
                if !a.contains("="), i < args.count {
                    options.append(args[i])
                    i += 1
                }
            } else if declared.flags.contains(a) {
                options.append(a)
            } else if let joined = joinedShort(a, declared: declared) {
                options += joined
            } else if a.hasPrefix("--") && a.count > 2 {
                options.append(a)  // an unknown long option: ArgumentParser says so
            } else {
                words.append(a)
            }
        }
        return ["search"] + options + (words.isEmpty ? [] : ["--"] + words)
    }

    /// `-n1` → `-n 1`: a short option with a value joined to a number. `-nuclear` stays a word.
    static func joinedShort(_ a: String, declared: Declared) -> [String]? {
        guard a.count > 2, a.hasPrefix("-"), !a.hasPrefix("--") else { return nil }
        let name = String(a.prefix(2))
        let value = String(a.dropFirst(2))
        guard declared.valued.contains(name), Int(value) != nil else { return nil }
        return [name, value]
    }
}
