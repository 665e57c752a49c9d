/// Draws highlighted byte ranges of a text: plain (`[word]`), ANSI colour, or escaped HTML
/// (`<mark>`). Pure: the CLI and a server share it.
///
/// Highlights are UTF-8 byte ranges into `text` (as ``SnippetBuilder`` cuts them); ranges out
/// of bounds, overlapping an earlier one, or splitting a character are skipped.
public struct Highlighter: Sendable {
    public enum Style: Sendable, Equatable {
        /// `[word]`, for pipes and files.
        case plain
        /// Bold red on a terminal.
        case ansi
        /// `<mark>word</mark>`, every other character escaped for HTML text and attributes.
        case html
    }

    public var style: Style

    public init(_ style: Style) { self.style = style }

    static let ansiOn = "\u{1B}[1;31m"
    static let ansiOff = "\u{1B}[0m"
    static let ansiBold = "\u{1B}[1m"

    public func render(_ text: String, highlights: [Range<Int>]) -> String {
        let bytes = Array(text.utf8)
        var out = ""
        var cursor = 0
        for h in highlights.sorted(by: { $0.lowerBound < $1.lowerBound })
        where h.lowerBound >= cursor && h.upperBound <= bytes.count && !h.isEmpty
            && Highlighter.isBoundary(bytes, h.lowerBound) && Highlighter.isBoundary(bytes, h.upperBound) {
            out += escape(bytes[cursor..<h.lowerBound])
            out += open + escape(bytes[h]) + close
            cursor = h.upperBound
        }
        return out + escape(bytes[cursor...])
    }

    /// Emphasis for a heading (bold on a terminal, `<strong>` in HTML).
    public func strong(_ s: String) -> String {
        switch style {
        case .plain: s
        case .ansi: Highlighter.ansiBold + s + Highlighter.ansiOff
        case .html: "<strong>" + Highlighter.escapeHTML(s) + "</strong>"
        }
    }

    var open: String {
        switch style {
        case .plain: "["
        case .ansi: Highlighter.ansiOn
        case .html: "<mark>"
        }
    }

    var close: String {
        switch style {
        case .plain: "]"
        case .ansi: Highlighter.ansiOff
        case .html: "</mark>"
        }
    }

    func escape(_ bytes: ArraySlice<UInt8>) -> String {
        let s = String(decoding: bytes, as: UTF8.self)
        return style == .html ? Highlighter.escapeHTML(s) : s
    }

    /// `&`, `<`, `>`, `"` and `'` as entities: safe in text and in quoted attributes. A
    /// character XML 1.0 forbids even as an entity (a C0 control but tab and line breaks,
    /// U+FFFE, U+FFFF: `CPEC \u{1}` typed as a query) becomes U+FFFD, so an SVG chart naming the
    /// query stays well-formed (the hostile-data fuzzer found one that was not).
    public static func escapeHTML(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\u{0}"..."\u{8}", "\u{B}", "\u{C}", "\u{E}"..."\u{1F}", "\u{FFFE}", "\u{FFFF}": out += "\u{FFFD}"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// True when `i` does not fall inside a UTF-8 sequence.
    static func isBoundary(_ bytes: [UInt8], _ i: Int) -> Bool {
        i == bytes.count || bytes[i] & 0xC0 != 0x80
    }
}
