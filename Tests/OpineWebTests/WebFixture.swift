import Foundation
import Opine
import OpineWeb

/// A folder of op-eds indexed for the page tests: the seed, 24 dated notes on tariffs (so that
/// results run to three pages), and one whose text is markup an attacker wrote.
final class WebFixture: Sendable {
    static let seed = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Corpus/2025-09-20-there-are-limits-to-bonhomie.txt").path
    static let hostileMarkup = ["<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>"]
    static let tariffNotes = 24

    let folder: String
    let app: WebApp

    init() throws {
        folder = NSTemporaryDirectory() + "opine-web-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: WebFixture.seed, toPath: folder + "/seed.txt")
        for n in 1...WebFixture.tariffNotes {
            let day = String(format: "%02d", n)
            let repeats = Array(repeating: "Tariffs again.", count: n % 5).joined(separator: " ")
            try """
                Tariff note \(n)

                By Writer \(n)
                March \(day), 2024

                The tariffs on steel were discussed for the \(n)th time. \(repeats)

                A second paragraph about ports and shipping, with no other word of the query.
                """.write(toFile: folder + "/note-\(day).txt", atomically: true, encoding: .utf8)
        }
        try """
            Markup <b>in</b> a title

            By Mallory <script>
            April 1, 2024

            Attackers wrote <script>alert(1)</script> into this op-ed, and also "><img src=x onerror=alert(1)> beside it.

            The word zebra appears here once.
            """.write(toFile: folder + "/hostile.txt", atomically: true, encoding: .utf8)
        let engine = try Engine(indexPath: folder + "/index.sqlite")
        _ = try engine.index(roots: [folder], clock: { 0 })
        app = WebApp(engine: try Engine(indexPath: folder + "/index.sqlite", readOnly: true))
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    func get(_ target: String) throws -> WebResponse {
        guard let request = WebRequest(method: "GET", target: target) else { throw FixtureError.badTarget(target) }
        return app.respond(to: request)
    }

    func json(_ target: String) throws -> [String: Any] {
        let r = try get(target)
        guard let object = try JSONSerialization.jsonObject(with: Data(r.body.utf8)) as? [String: Any] else {
            throw FixtureError.notJSON(target)
        }
        return object
    }

    enum FixtureError: Error { case badTarget(String), notJSON(String) }
}

/// An independent check of a page's markup: every tag is one of the tags the pages write,
/// no attribute is an event handler, no URL is `javascript:`. Written apart from the pages, so
/// that escaped user text is the only way through.
enum MarkupOracle {
    static let allowedTags: Set<String> = [
        "!doctype", "html", "head", "meta", "title", "link", "body", "header", "a", "form", "div", "input", "button",
        "details", "summary", "label", "table", "tr", "td", "code", "p", "main", "section", "q", "figure", "svg",
        "rect", "text", "line", "polyline", "circle", "ol", "li", "h1", "h2", "span", "time", "mark", "nav", "footer",
        "article", "figcaption", "ul", "strong",
    ]

    /// The problems found: tags not in the list, `on…=` attributes, `javascript:` URLs.
    static func problems(_ html: String) -> [String] {
        var out: [String] = []
        let chars = Array(html.unicodeScalars)
        var i = 0
        while i < chars.count {
            guard chars[i] == "<" else { i += 1; continue }
            var j = i + 1
            if j < chars.count && chars[j] == "/" { j += 1 }
            let name = word(chars, &j)
            guard !name.isEmpty else { i += 1; continue }  // "<" before a space or digit: not a tag
            if !allowedTags.contains(name.lowercased()) { out.append("tag <\(name)>") }
            // Attributes: names outside quotes, values quoted or bare.
            while j < chars.count && chars[j] != ">" {
                if chars[j] == " " || chars[j] == "\n" || chars[j] == "/" { j += 1; continue }
                let attribute = word(chars, &j).lowercased()
                if attribute.isEmpty { j += 1; continue }
                if attribute.hasPrefix("on") { out.append("handler \(attribute) in <\(name)>") }
                guard j < chars.count, chars[j] == "=" else { continue }
                j += 1
                var value = ""
                if j < chars.count, chars[j] == "\"" || chars[j] == "'" {
                    let quote = chars[j]
                    j += 1
                    while j < chars.count && chars[j] != quote { value.unicodeScalars.append(chars[j]); j += 1 }
                    j += 1
                } else {
                    while j < chars.count && chars[j] != " " && chars[j] != ">" { value.unicodeScalars.append(chars[j]); j += 1 }
                }
                if value.lowercased().trimmingCharacters(in: .whitespaces).hasPrefix("javascript:") { out.append("javascript: URL in <\(name)>") }
            }
            i = j + 1
        }
        return out
    }

    /// A tag or attribute name at `j` (letters, digits, `!`, `-`, `:`), advancing past it.
    static func word(_ chars: [Unicode.Scalar], _ j: inout Int) -> String {
        var name = ""
        while j < chars.count, chars[j].properties.isAlphabetic || chars[j] == "!" || chars[j] == "-" || chars[j] == ":"
            || (name.count > 0 && ("0"..."9").contains(chars[j])) {
            name.unicodeScalars.append(chars[j]); j += 1
        }
        return name
    }
}
