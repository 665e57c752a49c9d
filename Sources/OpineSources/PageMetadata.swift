import Foundation
import OpineText

/// An op-ed's fields from where sites put them, in order of trust: JSON-LD (`NewsArticle` and
/// kin), then Open Graph and `article:*` meta tags, then `<meta name=author>` and the page's
/// own elements (`rel=author`, by-line elements, `<time datetime>`, a date line near the
/// title, `<title>`, `<h1>`), then a date in the URL. Every candidate passes the same checks
/// before it is taken: a title is decoded and must look like the page's headline
/// (`PageMetadata+Title`), authors are ``Byline``'s names (`PageMetadata+Authors`), a date is
/// the publication's and plausible (`PageMetadata+Date`).
struct PageMetadata: Equatable {
    var title = ""
    var authors: [String] = []
    var date: ArticleDate?
    var outlet = ""
    /// The dek or summary the page gives (`og:description`, JSON-LD `description`).
    var description = ""
    /// The page's own address (`og:url`, canonical link), for the host and a dated path.
    var url = ""
    /// The article's text as the page's JSON-LD states it (`articleBody`), entities decoded.
    var statedBody = ""

    static let articleTypes: Set<String> = [
        "newsarticle", "opinionnewsarticle", "article", "reportagenewsarticle", "blogposting", "analysisnewsarticle",
        "backgroundnewsarticle", "reviewnewsarticle", "socialmediaposting", "report", "scholarlyarticle", "techarticle",
        "liveblogposting", "posting", "askpublicnewsarticle", "satiricalarticle",
    ]

    init() {}

    /// The fields of `tree`; a date after `latestDate` (a day after the reader's today) is not
    /// the page's publication date.
    init(_ tree: DOMTree, latestDate: ArticleDate? = nil) {
        let meta = PageMetadata.metaTags(tree)
        let ld = LinkedData(tree)
        url = ld?.string("url") ?? meta["og:url"] ?? PageMetadata.canonical(tree) ?? ""
        let publisher = ld?.publisherName
        outlet = PageMetadata.firstNonEmpty([
            meta["og:site_name"], publisher, meta["application-name"], meta["twitter:site"].map { $0.hasPrefix("@") ? String($0.dropFirst()) : $0 },
        ]) ?? PageMetadata.host(url)
        title = PageMetadata.title(ld: ld, meta: meta, tree: tree, outlet: outlet)
        let siteNames = [outlet, publisher ?? "", meta["og:site_name"] ?? "", PageMetadata.host(url)].filter { !$0.isEmpty }
        authors = PageMetadata.authors(ld: ld, meta: meta, tree: tree, siteNames: siteNames)
        date = PageMetadata.date(ld: ld, meta: meta, tree: tree, url: url, latest: latestDate)
        statedBody = HTMLEntities.decoded(ld?.string("articleBody") ?? "")
        description = HTMLEntities.decoded(
            PageMetadata.firstNonEmpty([ld?.string("description"), meta["og:description"], meta["description"]]) ?? "")
    }

    static func firstNonEmpty(_ values: [String?]) -> String? {
        for v in values {
            if let t = v.map(DOMTree.collapsed), !t.isEmpty { return t }
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

    /// `example.com` from `https://www.example.com/…`.
    static func host(_ url: String) -> String {
        guard let h = URL(string: url)?.host else { return "" }
        return h.hasPrefix("www.") ? String(h.dropFirst(4)) : h
    }
}
