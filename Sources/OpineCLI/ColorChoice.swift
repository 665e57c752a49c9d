import ArgumentParser
import Foundation
import OpineRender

/// `--color auto|always|never`; `auto` colours a terminal unless `NO_COLOR` is set.
enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never

    func enabled(environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        switch self {
        case .always: true
        case .never: false
        case .auto: Output.stdoutIsTerminal && (environment["NO_COLOR"] ?? "").isEmpty
        }
    }
}

extension ColorChoice {
    /// How highlights are drawn: bold colour on a terminal, `[brackets]` otherwise.
    func highlighter(environment: [String: String] = ProcessInfo.processInfo.environment) -> Highlighter {
        Highlighter(enabled(environment: environment) ? .ansi : .plain)
    }
}
