/// Text as the index can keep it: no NUL.
///
/// GRDB binds a Swift `String` to SQLite as a C string, so a NUL (from a page's JSON-LD
/// `"\u0000"`, a CSV cell, a text file) cut the stored passage there while FTS5 had indexed,
/// or not, the rest: the full-text index no longer matched the passages (`opine check`:
/// "full-text integrity: FAILED"), and the text after the NUL was lost. A NUL becomes a
/// space, one byte for one, so byte ranges and offsets are unchanged.
public enum StoredText {
    public static func safe(_ text: String) -> String {
        guard text.utf8.contains(0) else { return text }
        return String(decoding: text.utf8.map { $0 == 0 ? 0x20 : $0 }, as: UTF8.self)
    }

    /// Every text field of `article` and every passage made safe; authors left empty dropped.
    public static func safe(_ article: Article) -> Article {
        var a = article
        a.title = safe(a.title)
        a.authors = a.authors.map { safe($0).trimmingCharacters(in: " ") }.filter { !$0.isEmpty }
        (a.outlet, a.url, a.standfirst, a.caption, a.bio) = (safe(a.outlet), safe(a.url), safe(a.standfirst), safe(a.caption), safe(a.bio))
        a.body = a.body.map(safe)
        for i in a.passages.indices { a.passages[i].text = safe(a.passages[i].text) }
        return a
    }
}
