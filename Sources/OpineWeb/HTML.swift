import OpineRender

/// Writing HTML on the server: every piece of user and article text goes through `text` (or
/// `marked`, which escapes around its `<mark>`s); markup is only ever our own literals.
enum HTML {
    /// Escaped for element text and quoted attribute values.
    static func text(_ s: String) -> String { Highlighter.escapeHTML(s) }

    /// `s` escaped, the byte ranges `marks` wrapped in `<mark>`.
    static func marked(_ s: String, _ marks: [Range<Int>]) -> String {
        Highlighter(.html).render(s, highlights: marks)
    }

    /// A link's address, escaped for the attribute (the parts were escaped for the URL).
    static func href(_ url: String) -> String { text(url) }

    /// An article's address on this server, with the query to mark and the passage to open at.
    static func articleLink(_ id: Int64, form: SearchForm?, passage: Int? = nil) -> String {
        var url = "/article/\(id)"
        if let form, !form.query.isEmpty { url += "?q=" + SearchForm.escape(form.query) }
        if let passage { url += "#p\(passage)" }
        return href(url)
    }

    /// "Javid Husain · Dawn · 20 September 2025", the parts that are known.
    static func byline(authors: [String], outlet: String, date: String?) -> String {
        var parts: [String] = []
        if !authors.isEmpty { parts.append(text(authors.joined(separator: ", "))) }
        if !outlet.isEmpty { parts.append("<span class=\"outlet\">" + text(outlet) + "</span>") }
        if let date { parts.append("<time datetime=\"\(text(date))\">\(text(date))</time>") }
        return parts.joined(separator: " · ")
    }

    /// A number with thousands separated: 21578 → "21,578".
    static func count(_ n: Int) -> String {
        let digits = String(n)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += "," }
            out.append(c)
        }
        return out
    }

    static func plural(_ n: Int, _ one: String, _ many: String) -> String { "\(count(n)) \(n == 1 ? one : many)" }
}
