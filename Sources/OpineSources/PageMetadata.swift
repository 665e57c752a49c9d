import Foundation
import OpineText

/// An op-ed's fields from where sites put them, in order of trust: JSON-LD (`NewsArticle` and
/// kin), then Open Graph and `article:*` meta tags, then `<meta name=author>` and the page's
/// own elements (`rel=author`, by-line elements, `<time datetime>`, `<title>`, `<h1>`), then a
/// date in the URL.
struct PageMetadata: Equatable {
    var title = ""
    var authors: [String] = []
    var date: ArticleDate?
    var outlet = ""
    /// The dek or summary the page gives (`og:description`, JSON-LD `description`).
    var description = ""
    /// The page's own address (`og:url`, canonical link), for the host and a dated path.
    var url = ""

    static let articleTypes: Set<String> = [
        "newsarticle", "opinionnewsarticle", "article", "reportagenewsarticle", "blogposting", "analysisnewsarticle",
        "backgroundnewsarticle", "reviewnewsarticle", "socialmediaposting", "report", "scholarlyarticle", "techarticle",
    ]

    init() {}

    init(_ tree: DOMTree) {
        let meta = PageMetadata.metaTags(tree)
        let ld = LinkedData(tree)
        url = ld?.string("url") ?? meta["og:url"] ?? PageMetadata.canonical(tree) ?? ""
        outlet = PageMetadata.firstNonEmpty([
            meta["og:site_name"], ld?.publisherName, meta["application-name"], meta["twitter:site"].map { $0.hasPrefix("@") ? String($0.dropFirst()) : $0 },
        ]) ?? PageMetadata.host(url)
        let rawTitle = PageMetadata.firstNonEmpty([ld?.string("headline"), meta["og:title"], meta["twitter:title"],
                                                   tree.elements("title").first.map { tree.text(of: $0) }]) ?? ""
        title = PageMetadata.withoutSiteName(rawTitle, outlet: outlet, h1: tree.elements("h1").first.map { tree.text(of: $0) })
        authors = ld?.authors ?? []
        if authors.isEmpty, let names = PageMetadata.firstNonEmpty([meta["author"], meta["article:author"], meta["byl"],
                                                                    meta["parsely-author"], meta["dc.creator"]]),
            !names.hasPrefix("http")
        {
            authors = ArticleParser.authors(fromByline: names)
        }
        if authors.isEmpty { authors = PageMetadata.bylineAuthors(tree) }
        date = PageMetadata.firstDate([ld?.string("datePublished"), meta["article:published_time"], meta["datepublished"],
                                       meta["date"], meta["pubdate"], meta["dc.date"], meta["dc.date.issued"],
                                       meta["parsely-pub-date"], meta["sailthru.date"], PageMetadata.timeElement(tree)])
            ?? PageMetadata.dateInPath(url)
        description = PageMetadata.firstNonEmpty([ld?.string("description"), meta["og:description"], meta["description"]]) ?? ""
    }

    static func firstNonEmpty(_ values: [String?]) -> String? {
        for v in values {
            if let t = v.map(DOMTree.collapsed), !t.isEmpty { return t }
        }
        return nil
    }

    static func firstDate(_ values: [String?]) -> ArticleDate? {
        for v in values {
            guard let v, !v.isEmpty else { continue }
            if let d = ArticleDate(iso: String(v.prefix(10))) ?? DateFinder.find(in: v) { return d }
        }
        return nil
    }

    /// `<meta>` values by lowercased `property`, `name` or `itemprop` (the first of each wins).
    static func metaTags(_ tree: DOMTree) -> [String: String] {
        var out: [String: String] = [:]
        for i in tree.elements("meta") {
            let node = tree.nodes[i]
            guard let content = node.attribute("content") else { continue }
            for key in ["property", "name", "itemprop"] {
                if let k = node.attribute(key)?.lowercased(), out[k] == nil { out[k] = content }
            }
        }
        return out
    }

    static func canonical(_ tree: DOMTree) -> String? {
        tree.elements("link").first { tree.nodes[$0].attribute("rel")?.lowercased() == "canonical" }
            .flatMap { tree.nodes[$0].attribute("href") }
    }

    /// The first `<time datetime>` of the page.
    static func timeElement(_ tree: DOMTree) -> String? {
        tree.elements("time").lazy.compactMap { tree.nodes[$0].attribute("datetime") }.first
    }

    /// `example.com` from `https://www.example.com/…`.
    static func host(_ url: String) -> String {
        guard let h = URL(string: url)?.host else { return "" }
        return h.hasPrefix("www.") ? String(h.dropFirst(4)) : h
    }

    /// A date written in the path, `/2025/09/20/`.
    static func dateInPath(_ url: String) -> ArticleDate? {
        let parts = (URL(string: url)?.path ?? "").split(separator: "/")
        for i in parts.indices.dropLast(2) {
            guard parts[i].count == 4, let y = Int(parts[i]), let m = Int(parts[i + 1]), parts[i + 1].count == 2 else { continue }
            let dayPart = parts[i + 2].prefix(2)
            if let d = Int(dayPart), let date = ArticleDate(year: y, month: m, day: d) { return date }
        }
        return nil
    }

    /// The title without the site's name: " - Geo.tv", " | Opinion | Dawn". A piece is dropped
    /// when it is the outlet (or its host name) or when the rest equals the page's `<h1>`.
    static func withoutSiteName(_ title: String, outlet: String, h1: String?) -> String {
        if let h1, !h1.isEmpty, title.hasPrefix(h1) || title.hasSuffix(h1) { return h1 }
        let separators = [" | ", " - ", " – ", " — ", " :: ", " » "]
        var pieces = [title]
        for s in separators { pieces = pieces.flatMap { $0.components(separatedBy: s) } }
        guard pieces.count > 1 else { return title }
        let site = outlet.lowercased()
        let siteStem = site.split(separator: ".").first.map(String.init) ?? site
        let kept = pieces.filter { piece in
            let p = piece.lowercased().trimmingCharacters(in: .whitespaces)
            return !(p == site || p == siteStem || (!site.isEmpty && (p.contains(site) || site.contains(p) && p.count > 2))
                     || ["opinion", "opinions", "editorial", "op-ed", "comment", "news", "columns", "column"].contains(p))
        }
        // The longest remaining piece is the headline.
        return kept.max { $0.count < $1.count }?.trimmingCharacters(in: .whitespaces) ?? title
    }

    static let bylineWord = Array("byline".utf8)
    static let authorWord = Array("author".utf8)
    static let bioWord = Array("bio".utf8)
    static let boxWord = Array("box".utf8)

    /// Authors from a by-line element: `rel=author`, `itemprop=author`, or a class or id with
    /// `byline` or `author` in it (short text only).
    static func bylineAuthors(_ tree: DOMTree) -> [String] {
        for (i, node) in tree.nodes.enumerated() where isByline(node) {
            // An author box (`authorInfo`) may hold the name (`author-name`) beside a line about
            // the author: a by-line element holding others is read through them, never as a whole.
            if tree.descendants(of: i).dropFirst().contains(where: { isByline(tree.nodes[$0]) }) { continue }
            if let names = names(in: tree, at: i) { return names }
        }
        return []
    }

    static func isByline(_ node: DOMTree.Node) -> Bool {
        guard !node.isText, !node.attributes.isEmpty else { return false }
        let hint = ByteSearch.lowercased((node.attribute("class") ?? "") + " " + (node.attribute("id") ?? ""))
        return node.attribute("rel")?.lowercased() == "author" || node.attribute("itemprop")?.lowercased() == "author"
            || ByteSearch.contains(hint, bylineWord)
            || (ByteSearch.contains(hint, authorWord) && !ByteSearch.containsAny(hint, [bioWord, boxWord]))
    }

    /// The names a by-line element's text gives (short text only), nil when none.
    static func names(in tree: DOMTree, at i: Int) -> [String]? {
        let text = tree.text(of: i)
        guard (3...80).contains(text.count) else { return nil }
        let names = ArticleParser.authors(fromByline: text)
        return names.isEmpty ? nil : names
    }
}
