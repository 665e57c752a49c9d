import OpineText

/// The page's authors: JSON-LD's, else the meta tags', else a by-line element's, each read by
/// ``Byline`` with the page's own names (site, publisher, host), so that a candidate that is a
/// placeholder, a desk or the site passes to the next source. Comment sections, sidebars and
/// lists of other stories are never a source.
extension PageMetadata {
    /// Meta tags that name authors, in order of trust.
    static let authorTags = ["author", "article:author", "byl", "parsely-author", "dc.creator", "dcterms.creator",
                             "sailthru.author", "cxenseparse:author", "citation_author"]

    static func authors(ld: LinkedData?, meta: [String: String], tree: DOMTree, siteNames: [String]) -> [String] {
        if let candidates = ld?.authorCandidates, !candidates.isEmpty {
            let names = Byline(candidates: candidates, siteNames: siteNames).authors
            if !names.isEmpty { return names }
        }
        for tag in authorTags {
            guard let value = meta[tag].map(HTMLEntities.decoded), !value.hasPrefix("http") else { continue }
            let names = Byline(value, siteNames: siteNames).authors
            if !names.isEmpty { return names }
        }
        return bylineAuthors(tree, siteNames: siteNames)
    }

    static let bylineWord = Array("byline".utf8)
    static let authorWord = Array("author".utf8)
    static let bioWord = Array("bio".utf8)
    static let boxWord = Array("box".utf8)

    /// Authors from a by-line element: `rel=author`, `itemprop=author`, or a class or id with
    /// `byline` or `author` in it (short text only), outside comments, sidebars and lists.
    static func bylineAuthors(_ tree: DOMTree, siteNames: [String] = []) -> [String] {
        var outside = OutsideArticle(tree)
        for i in tree.nodes.indices where isByline(tree, i) {
            // An author box (`authorInfo`) may hold the name (`author-name`) beside a line about
            // the author: a by-line element holding others is read through them, never as a whole.
            if tree.descendants(of: i).dropFirst().contains(where: { isByline(tree, $0) }) { continue }
            if outside.contains(i) { continue }
            if let names = names(in: tree, at: i, siteNames: siteNames) { return names }
        }
        return []
    }

    static func isByline(_ tree: DOMTree, _ i: Int) -> Bool {
        let node = tree.nodes[i]
        guard !node.isText, !node.attributes.isEmpty else { return false }
        let hint = tree.hints[i]
        return node.attribute("rel")?.lowercased() == "author" || node.attribute("itemprop")?.lowercased() == "author"
            || ByteSearch.contains(hint, bylineWord)
            || (ByteSearch.contains(hint, authorWord) && !ByteSearch.containsAny(hint, [bioWord, boxWord]))
    }

    /// A by-line element's text is at most this long: longer is a bio or a paragraph.
    static let maximumBylineCharacters = 120

    /// The names a by-line element's text gives (short text only), nil when none.
    static func names(in tree: DOMTree, at i: Int, siteNames: [String]) -> [String]? {
        let text = HTMLEntities.decoded(tree.text(of: i))
        guard (3...maximumBylineCharacters).contains(text.count) else { return nil }
        let names = Byline(text, siteNames: siteNames).authors
        return names.isEmpty ? nil : names
    }
}

/// Which elements sit in a part of the page that is not the article: a comment section, a
/// sidebar, a list of other stories, the page's footer or navigation (by tag, or by a class
/// or id that says so). Answers are remembered per element, so a page is walked once.
struct OutsideArticle {
    let tree: DOMTree
    private var known: [Int: Bool] = [:]

    static let tags: Set<String> = ["aside", "footer", "nav"]
    /// Elements that wrap the article itself, whatever their classes say (`<body class="has-sidebar">`).
    static let wrappers: Set<String> = ["html", "body", "article", "main"]
    static let hints = ByteSearch.words(["comment", "sidebar", "side-bar", "related", "widget", "recent", "popular",
                                         "trending", "repl", "disqus", "more-from", "recommend", "rail", "most-read"])

    init(_ tree: DOMTree) { self.tree = tree }

    mutating func contains(_ index: Int) -> Bool {
        var path: [Int] = []
        var i = index
        var answer = false
        while i >= 0 {
            if let k = known[i] {
                answer = k
                break
            }
            path.append(i)
            if isOutside(i) {
                answer = true
                break
            }
            i = tree.nodes[i].parent
        }
        for p in path { known[p] = answer }
        return answer
    }

    func isOutside(_ i: Int) -> Bool {
        let node = tree.nodes[i]
        if OutsideArticle.tags.contains(node.name) { return true }
        guard !tree.hints[i].isEmpty, !OutsideArticle.wrappers.contains(node.name) else { return false }
        return ByteSearch.containsAny(tree.hints[i], OutsideArticle.hints)
    }
}
