import ArgumentParser
import Opine
import OpineText

/// A first argument that names no command (`opine serch climate`): said as such, with the
/// closest command, as git and cargo say it, instead of ArgumentParser's "2 unexpected
/// arguments: 'serch', 'climate'". A usage error (64).
enum UnknownCommand {
    /// The names `opine` takes first: its commands and `help`.
    static var commandNames: [String] {
        OpineCommand.configuration.subcommands.compactMap { $0.configuration.commandName } + ["help"]
    }

    /// Misspellings of at most this many edits are corrected ("serch", "seach", "saerch").
    static let maximumDistance = 2

    /// The message for `args`, or nil when its first argument is an option or a command.
    static func message(_ args: [String]) -> String? {
        guard let first = args.first, !first.hasPrefix("-"), !commandNames.contains(first) else { return nil }
        let word = Array(first.lowercased().utf8)
        let closest = commandNames.map { (name: $0, distance: EditDistance.damerau(word, Array($0.utf8), limit: maximumDistance)) }
            .filter { $0.distance <= maximumDistance }
            .min { $0.distance < $1.distance }
        let quoted = EngineError.quoted(first)
        if let closest { return "opine: \(quoted) is not a command; did you mean '\(closest.name)'? (opine --help lists them)" }
        return "opine: \(quoted) is not a command; the commands: " + commandNames.dropLast().joined(separator: ", ")
    }
}
