import ArgumentParser
import Foundation

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

/// How highlights are drawn: bold colour on a terminal, `[brackets]` otherwise.
struct HighlightStyle {
    var color: Bool

    static let on = "\u{1B}[1;31m"
    static let off = "\u{1B}[0m"
    static let bold = "\u{1B}[1m"

    func render(_ text: String, highlights: [Range<Int>]) -> String {
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        var cursor = 0
        for h in highlights.sorted(by: { $0.lowerBound < $1.lowerBound }) where h.lowerBound >= cursor && h.upperBound <= bytes.count {
            out += bytes[cursor..<h.lowerBound]
            out += Array((color ? HighlightStyle.on : "[").utf8)
            out += bytes[h]
            out += Array((color ? HighlightStyle.off : "]").utf8)
            cursor = h.upperBound
        }
        out += bytes[cursor...]
        return String(decoding: out, as: UTF8.self)
    }

    func strong(_ s: String) -> String { color ? HighlightStyle.bold + s + HighlightStyle.off : s }
}
