import Foundation
import OpineText

/// A dataset record's fields as an ``Article``: title, by-line, standfirst (the description),
/// body paragraphs, outlet; and its identity in the file.
enum RecordArticle {
    /// The article of a record, or nil when it has neither title nor text. `date`: its date field
    /// as the file's order reads it (``RecordDate``).
    static func make(_ value: (FieldNames.Field) -> String?, date: ArticleDate?) -> Article? {
        let title = clean(value(.title))
        let paragraphs = RecordArticle.paragraphs(value(.text) ?? "")
        guard !title.isEmpty || !paragraphs.isEmpty else { return nil }
        var builder = ArticleBuilder()
        builder.article.title = title
        builder.article.authors = authors(value(.authors) ?? "")
        builder.article.date = date
        builder.article.outlet = clean(value(.outlet))
        builder.article.url = clean(value(.url))
        if !title.isEmpty { builder.addTitle() }
        builder.addByline()
        let description = clean(value(.description))
        if !description.isEmpty { builder.add(.standfirst, description) }
        for p in paragraphs { builder.add(.body, p) }
        return builder.build()
    }

    /// The authors of a by-line field: "Sarah Hinger; Sylvia Torres-Guillén" is two (Opine's own
    /// `--csv` joins authors with "; "), and each part is read as a page's by-line is ("A and
    /// B"). The one place records split authors: when the by-line rule splits on ";" itself,
    /// this is a call to it.
    static func authors(_ field: String) -> [String] {
        field.split(separator: ";").flatMap { part -> [String] in
            let name = clean(String(part))
            return name.isEmpty ? [] : ArticleParser.authors(fromByline: name)
        }
    }

    /// The record's identity in its file: its id, else its URL, else a hash of its content.
    static func identity(_ value: (FieldNames.Field) -> String?, hash: Int64) -> String {
        if let id = value(.id).map(clean), !id.isEmpty { return "id=" + id }
        if let url = value(.url).map(clean), !url.isEmpty { return "url=" + url }
        return "hash=" + String(UInt64(bitPattern: hash), radix: 16)
    }

    /// Paragraphs of a text field: separated by line breaks, or by runs of two or more spaces
    /// (how scrapers often join paragraphs into one cell).
    static func paragraphs(_ text: String) -> [String] {
        var out: [String] = []
        var current = ""
        var spaces = 0
        func flush() {
            let p = current.trimmingCharacters(in: .whitespaces)
            if !p.isEmpty { out.append(p) }
            current = ""
        }
        for c in text {
            if c == "\n" || c == "\r\n" || c == "\r" {
                flush()
                spaces = 0
            } else if c == " " || c == "\t" || c == "\u{A0}" {
                spaces += 1
                if spaces == 2 { flush() }
                if spaces == 1 { current.append(" ") }
            } else {
                spaces = 0
                current.append(c)
            }
        }
        flush()
        return out
    }

    static func clean(_ s: String?) -> String {
        StoredText.safe(s ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
