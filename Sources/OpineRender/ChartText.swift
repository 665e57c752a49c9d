import Foundation

/// Text on a chart drawn without a font at hand: widths estimated from Helvetica's advance
/// widths by kind of character (an SVG cannot wrap its own text), lines wrapped to a width,
/// numbers with thousands separated, every string escaped.
public enum ChartText {
    /// Advance widths in ems, Helvetica's (Arial's are the same): digits 0.556, space 0.278,
    /// capitals about 0.67, lowercase about 0.5; others (accents, other scripts) at 0.6.
    static func em(_ c: Unicode.Scalar) -> Double {
        switch c.value {
        case 0x30...0x39: 0.556
        case 0x20: 0.278
        case 0x41...0x5A: 0.667
        case 0x66, 0x69, 0x6A, 0x6C, 0x72, 0x74: 0.3  // f i j l r t
        case 0x6D, 0x77: 0.833  // m w
        case 0x61...0x7A: 0.53
        case 0x21...0x2F, 0x3A...0x40: 0.32
        default: 0.6
        }
    }

    /// The estimated width of `text` in pixels at `size` (bold text is about 6% wider).
    public static func width(_ text: String, size: Double, bold: Bool = false) -> Double {
        text.unicodeScalars.reduce(0) { $0 + em($1) } * size * (bold ? 1.06 : 1)
    }

    /// `text` in lines no wider than `width`, broken between words (a word longer than a line
    /// stands on its own line).
    public static func wrap(_ text: String, width: Double, size: Double, bold: Bool = false) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            let candidate = line.isEmpty ? String(word) : line + " " + word
            if !line.isEmpty && ChartText.width(candidate, size: size, bold: bold) > width {
                lines.append(line)
                line = String(word)
            } else {
                line = candidate
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    /// 19043 → "19,043".
    public static func count(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = n < 0 ? "-" : ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += "," }
            out.append(c)
        }
        return out
    }

    /// A share as a percentage with `decimals` decimals: 0.1184 → "11.8%".
    public static func percent(_ v: Double, decimals: Int) -> String {
        String(format: "%.\(max(0, decimals))f%%", v * 100)
    }

    static func escape(_ s: String) -> String { Highlighter.escapeHTML(s) }

    /// A coordinate with one decimal.
    static func f(_ v: Double) -> String { String(format: "%.1f", v) }
}
