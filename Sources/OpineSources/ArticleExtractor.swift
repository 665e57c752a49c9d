/// Finds a page's article and returns its text blocks, leaving the page's clutter out.
///
/// Written on what Mozilla's Readability and trafilatura taught the field:
/// 1. **Clean**: scripts, styles, forms, navigation, asides, footers, hidden elements, and
///    elements whose class or id says comments, sharing, related links, newsletters, cookies,
///    sidebars… (unless it also says article, body, content, main) are left out.
/// 2. **Score**: every paragraph of 25+ characters scores 1 + its commas + one per 100
///    characters (at most 3); its parent gets the score, its grandparent half, further
///    ancestors a third per level. Containers start from their tag and class hints (±25).
///    A container's score is scaled by 1 − its link density.
/// 3. **Choose**: the best container, or an `itemprop=articleBody` element with enough text;
///    its siblings join when they score close to it or are plain paragraphs.
/// 4. **Collect**: the chosen elements' blocks in order: paragraphs, headings, list items,
///    quotes, table cells, captions; link-heavy blocks and "Read more"-style lines left out.
/// 5. **Retry** (Readability's): when the article is short, again without leaving out unlikely
///    elements (class names mislead: `Page-ad-margins` can wrap a whole page); then every
///    remaining paragraph of the page; the longest wins.
///
/// - Complexity: O(n) over the page's nodes, a few passes.
struct ArticleExtractor {
    /// One block of the article's text.
    struct Block: Equatable {
        enum Role: Equatable { case paragraph, heading, caption }
        var text: String
        var role: Role
        /// Page lines the block came from.
        var lines: ClosedRange<Int>
    }

    let tree: DOMTree
    /// Each element's class, id and role, lowercased, as bytes (``DOMTree/hints``).
    let hints: [[UInt8]]
    /// Nodes left out, with everything below them.
    private(set) var removed: [Bool]
    /// Leave out elements whose class or id says furniture (off on the retry).
    let stripsUnlikely: Bool

    /// Below this many characters, the article is looked for again more loosely (Readability's 500).
    static let shortArticle = 500
    /// A paragraph counts from this many characters.
    static let minimumParagraph = 25

    init(_ tree: DOMTree, stripsUnlikely: Bool = true) {
        self.tree = tree
        self.stripsUnlikely = stripsUnlikely
        hints = tree.hints
        removed = [Bool](repeating: false, count: tree.nodes.count)
        clean()
    }

    /// The article's blocks in reading order (looked for again more loosely when short), and
    /// the characters of the page's paragraphs once cleaned (`p` of ``minimumParagraph``+
    /// characters, at most half links): the most the article could be, for
    /// ``ArticleCompleteness``. The text lengths of the tree are measured once.
    func extract() -> (blocks: [Block], paragraphCharacters: Int) {
        guard let root = tree.root else { return ([], 0) }
        let lengths = textLengths()
        let paragraphs = paragraphCharacters(lengths)
        var blocks = chooseContainers(root, lengths: lengths).flatMap { collect($0) }
        guard characters(blocks) < ArticleExtractor.shortArticle else { return (blocks, paragraphs) }
        let loose = ArticleExtractor(tree, stripsUnlikely: false)
        let retried = loose.chooseContainers(root, lengths: loose.textLengths()).flatMap { loose.collect($0) }
        if characters(retried) > characters(blocks) { blocks = retried }
        guard characters(blocks) < ArticleExtractor.shortArticle else { return (blocks, paragraphs) }
        let fallback = collect(root, onlyParagraphs: true)
        return (characters(fallback) > characters(blocks) ? fallback : blocks, paragraphs)
    }

    func characters(_ blocks: [Block]) -> Int { blocks.reduce(0) { $0 + $1.text.unicodeScalars.count } }

    func paragraphCharacters(_ lengths: (text: [Int], linked: [Int])) -> Int {
        var total = 0
        for (i, node) in tree.nodes.enumerated() where node.name == "p" && !removed[i] {
            let text = lengths.text[i]
            if text >= ArticleExtractor.minimumParagraph && lengths.linked[i] * 2 <= text { total += text }
        }
        return total
    }

    /// Paragraph blocks of a text stated apart from the page's markup (JSON-LD's
    /// `articleBody`): one per line, white space collapsed, or the blocks of its own markup
    /// when it holds some (`<p>…</p>`); no page lines (range 0).
    static func blocks(ofText text: String) -> [Block] {
        if text.contains("</"), let tree = try? DOMTree.parse(Array(text.utf8), encoding: "UTF-8"), let root = tree.root {
            return ArticleExtractor(tree, stripsUnlikely: false).collect(root).map { Block(text: $0.text, role: $0.role, lines: 0...0) }
        }
        return text.split(whereSeparator: \.isNewline).map { DOMTree.collapsed(String($0)) }.filter { !$0.isEmpty }
            .map { Block(text: $0, role: .paragraph, lines: 0...0) }
    }
}

// MARK: - Cleaning

extension ArticleExtractor {
    static let droppedTags: Set<String> = [
        "script", "style", "noscript", "template", "svg", "iframe", "button", "select", "textarea", "input",
        "nav", "footer", "aside", "menu", "dialog", "object", "embed", "canvas", "map", "head", "title", "meta", "link",
        "label", "audio", "video", "source", "picture", "img",
    ]
    /// Class or id words of page furniture (Readability's list, with trafilatura's additions).
    static let unlikelyHints = [
        "-ad-", "ad-break", "agegate", "banner", "breadcrumb", "combx", "comment", "community", "cover-wrap", "disqus",
        "extra", "footer", "gdpr", "cookie", "consent", "header", "legends", "menu", "related", "remark", "replies", "rss",
        "shoutbox", "sidebar", "skyscraper", "social", "sponsor", "supplemental", "pagination", "pager", "popup",
        "notification-bar",
        "newsletter", "subscribe", "signup", "sign-up", "share", "sharing", "promo", "recommend", "trending", "outbrain",
        "taboola", "read-more", "readmore", "more-from", "most-popular", "login", "toolbar", "masthead",
        "navbar", "nav-", "-nav", "widget", "tags",
    ]
    /// Class or id words of a hover card: the box of links a name or term opens, left out
    /// unless the element holds text of its own (the name it is attached to).
    static let hoverHints = ["rollover", "tooltip", "popover", "hovercard"]
    /// Class or id words that keep an element despite an unlikely one.
    static let maybeHints = ["and", "article", "body", "column", "content", "main", "shadow", "story", "entry", "post-",
                             "embed"]

    /// Marks what is left out: dropped tags, hidden elements, and unlikely ones (not `body`,
    /// `article`, `main`, nor anything holding an `h1`… a whole article is not furniture).
    mutating func clean() {
        for (i, node) in tree.nodes.enumerated() where !node.isText && !removed[i] {
            if ArticleExtractor.droppedTags.contains(node.name) || isHidden(node) || (stripsUnlikely && isUnlikely(i))
                || (node.name == "form" && !holdsParagraphs(i))
            {
                for d in tree.descendants(of: i) { removed[d] = true }
            }
        }
    }

    /// A form is a search box or a sign-up, unless it wraps paragraphs (some sites put the
    /// whole page in one form).
    func holdsParagraphs(_ i: Int) -> Bool {
        tree.descendants(of: i).lazy.filter { tree.nodes[$0].name == "p" }.prefix(2).count == 2
    }

    func isHidden(_ node: DOMTree.Node) -> Bool {
        guard !node.attributes.isEmpty else { return false }
        if node.attribute("hidden") != nil || node.attribute("aria-hidden") == "true" { return true }
        guard let style = node.attribute("style") else { return false }
        let compact = ByteSearch.lowercased(style).filter { $0 != 0x20 }
        return ByteSearch.containsAny(compact, ArticleExtractor.hiddenStyles)
    }

    static let hiddenStyles = ByteSearch.words(["display:none", "visibility:hidden"])
    static let unlikelyBytes = ByteSearch.words(unlikelyHints)
    static let maybeBytes = ByteSearch.words(maybeHints)

    static let hoverBytes = ByteSearch.words(hoverHints)

    func isUnlikely(_ i: Int) -> Bool {
        let h = hints[i]
        guard h.count > 3 else { return false }
        let node = tree.nodes[i]
        guard !["body", "html", "article", "main", "a"].contains(node.name) else { return false }
        if node.attribute("itemprop")?.lowercased() == "articlebody" { return false }
        if ByteSearch.containsAny(h, ArticleExtractor.hoverBytes) {
            return !node.children.contains { tree.nodes[$0].isText && DOMTree.visibleLength(tree.nodes[$0].text) > 0 }
        }
        guard ByteSearch.containsAny(h, ArticleExtractor.unlikelyBytes) else { return false }
        return !ByteSearch.containsAny(h, ArticleExtractor.maybeBytes)
    }
}

// MARK: - Scoring and choosing

extension ArticleExtractor {
    static let positiveHints = ["article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "post", "text",
                                "blog", "story"]
    static let negativeHints = ["-ad-", "hidden", "banner", "combx", "comment", "com-", "contact", "foot", "footer",
                                "footnote", "gdpr", "masthead", "media", "meta", "outbrain", "promo", "related", "scroll",
                                "share", "shoutbox", "sidebar", "skyscraper", "sponsor", "shopping", "tags", "tool", "widget"]
    /// Elements whose text is scored as a paragraph.
    static let scoredTags: Set<String> = ["p", "pre", "td", "blockquote"]

    static let positiveBytes = ByteSearch.words(positiveHints)
    static let negativeBytes = ByteSearch.words(negativeHints)

    /// Class and id hints as a score: +25 for article words, −25 for furniture words.
    func classWeight(_ i: Int) -> Double {
        let h = hints[i]
        guard !h.isEmpty else { return 0 }
        var w = 0.0
        if ByteSearch.containsAny(h, ArticleExtractor.negativeBytes) { w -= 25 }
        if ByteSearch.containsAny(h, ArticleExtractor.positiveBytes) { w += 25 }
        return w
    }

    func tagScore(_ name: String) -> Double {
        switch name {
        case "div", "article", "main", "section": 5
        case "pre", "td", "blockquote": 3
        case "address", "ol", "ul", "dl", "dd", "dt", "li", "form": -3
        case "h1", "h2", "h3", "h4", "h5", "h6", "th": -5
        default: 0
        }
    }

    /// Text length and linked text length below each node: which nodes are inside a link,
    /// parents first; then the lengths, children before parents (nodes are in document order).
    func textLengths() -> (text: [Int], linked: [Int]) {
        var inLink = [Bool](repeating: false, count: tree.nodes.count)
        for (i, node) in tree.nodes.enumerated() {
            inLink[i] = node.name == "a" || (node.parent >= 0 && inLink[node.parent])
        }
        var text = [Int](repeating: 0, count: tree.nodes.count)
        var linked = text
        for i in tree.nodes.indices.reversed() where !removed[i] {
            let node = tree.nodes[i]
            if node.isText {
                text[i] = DOMTree.visibleLength(node.text)
                linked[i] = inLink[i] ? text[i] : 0
            }
            guard node.parent >= 0 else { continue }
            text[node.parent] += text[i]
            linked[node.parent] += linked[i]
        }
        return (text, linked)
    }

    /// The elements that hold the article, in page order.
    func chooseContainers(_ root: Int, lengths: (text: [Int], linked: [Int])) -> [Int] {
        let (text, linked) = lengths
        func density(_ i: Int) -> Double { text[i] == 0 ? 0 : Double(linked[i]) / Double(text[i]) }
        let marked = markedBodies()
        if marked.reduce(0, { $0 + text[$1] }) >= ArticleExtractor.shortArticle { return marked }
        let scores = paragraphScores(text: text)
        let ranked = scores.map { (node: $0.key, score: $0.value * (1 - density($0.key))) }
            .sorted { $0.score != $1.score ? $0.score > $1.score : $0.node < $1.node }
        guard let best = ranked.first, best.score > 0 else { return [tree.elements("body").first ?? root] }
        let top = commonContainer(best.node, alternatives: ranked.dropFirst().prefix(4).filter { $0.score >= best.score * 0.75 }.map(\.node))
        let chosen = withSiblings(top, score: top == best.node ? best.score : (scores[top] ?? 0) * (1 - density(top)),
                                  scores: scores, text: text, density: density)
        return withParts(chosen, top: top, text: text, density: density)
    }

    /// Every `itemprop=articleBody` element outside another one (an essay may come in several
    /// sections), in page order.
    func markedBodies() -> [Int] {
        var out: [Int] = []
        for (i, node) in tree.nodes.enumerated() where !removed[i] && node.attribute("itemprop")?.lowercased() == "articlebody" {
            if !out.contains(where: { isAncestor($0, of: i) }) { out.append(i) }
        }
        return out
    }

    /// Parts are looked for this many levels above the top container: a part sits in a wrapper
    /// of its own beside the others (a page's sections, a lead and the rest), not a page away.
    static let partLevels = 6
    /// A part is prose: at most this share of its text is links.
    static let partLinkDensity = 0.3

    /// The chosen containers and the other parts of the same article: elements near them with
    /// the top container's tag and class (a body split by ads, figures or related boxes, in
    /// wrappers of different depths), holding text, mostly not links, outside comments and
    /// sidebars; in page order.
    func withParts(_ chosen: [Int], top: Int, text: [Int], density: (Int) -> Double) -> [Int] {
        let node = tree.nodes[top]
        guard let signature = node.attribute("class"), !signature.isEmpty else { return chosen }
        var scope = top
        for _ in 0..<ArticleExtractor.partLevels {
            let parent = tree.nodes[scope].parent
            guard parent >= 0, !["body", "html"].contains(tree.nodes[parent].name) else { break }
            scope = parent
        }
        var outside = OutsideArticle(tree)
        var out = chosen
        for i in tree.descendants(of: scope) where tree.nodes[i].name == node.name && !removed[i] && i != top {
            guard tree.nodes[i].attribute("class") == signature, text[i] >= ArticleExtractor.minimumParagraph,
                density(i) <= ArticleExtractor.partLinkDensity,
                !out.contains(where: { $0 == i || isAncestor($0, of: i) || isAncestor(i, of: $0) }), !outside.contains(i)
            else { continue }
            out.append(i)
        }
        return out.sorted()
    }

    /// The article split in parts (chunks a page renders apart): when other candidates score
    /// nearly as high as the best, the nearest ancestor holding the best and them is chosen
    /// (Readability asks three such candidates; two parts of one article are common).
    func commonContainer(_ top: Int, alternatives: [Int]) -> Int {
        let others = alternatives.filter { !isAncestor(top, of: $0) && !isAncestor($0, of: top) }
        guard !others.isEmpty else { return top }
        var ancestor = tree.nodes[top].parent
        while ancestor >= 0 {
            if others.allSatisfy({ isAncestor(ancestor, of: $0) }) {
                return tree.nodes[ancestor].name == "body" ? top : ancestor
            }
            ancestor = tree.nodes[ancestor].parent
        }
        return top
    }

    func isAncestor(_ a: Int, of b: Int) -> Bool {
        var i = tree.nodes[b].parent
        while i >= 0 {
            if i == a { return true }
            i = tree.nodes[i].parent
        }
        return false
    }

    /// Content scores of the containers of scored paragraphs.
    func paragraphScores(text: [Int]) -> [Int: Double] {
        var scores: [Int: Double] = [:]
        for (i, node) in tree.nodes.enumerated() where !removed[i] && isScoredParagraph(i) {
            let content = tree.text(of: i)
            let length = content.unicodeScalars.count
            guard length >= ArticleExtractor.minimumParagraph else { continue }
            // A table's cell counts when it is prose (a page laid out in a table), not a list
            // of names or figures (an open letter's signatories outscored its letter).
            if node.name == "td" && !ArticleExtractor.endsSentence(content) { continue }
            let commas = content.unicodeScalars.count { $0 == "," || $0 == "，" || $0 == "،" }
            let score = 1 + Double(commas) + min(Double(length / 100), 3)
            var ancestor = node.parent
            var level = 0
            while ancestor >= 0 && level < 5 {
                let divider = level == 0 ? 1.0 : level == 1 ? 2.0 : Double(level * 3)
                scores[ancestor, default: tagScore(tree.nodes[ancestor].name) + classWeight(ancestor)] += score / divider
                ancestor = tree.nodes[ancestor].parent
                level += 1
            }
        }
        return scores
    }

    /// True when `text` ends as a sentence does (`.`, `!`, `?`, `…`, a closing quote).
    static func endsSentence(_ text: String) -> Bool {
        guard let last = text.last else { return false }
        return ".!?…\"”»。！？".contains(last)
    }

    /// A `p`, `pre`, `td` or `blockquote`, or a `div` holding only inline content.
    func isScoredParagraph(_ i: Int) -> Bool {
        let node = tree.nodes[i]
        if ArticleExtractor.scoredTags.contains(node.name) { return true }
        guard node.name == "div" else { return false }
        return !node.children.contains { c in ArticleExtractor.blockTags.contains(tree.nodes[c].name) }
    }

    /// The top container and the siblings that belong with it.
    func withSiblings(_ top: Int, score: Double, scores: [Int: Double], text: [Int], density: (Int) -> Double) -> [Int] {
        let parent = tree.nodes[top].parent
        guard parent >= 0 else { return [top] }
        let threshold = max(10, score * 0.2)
        var out: [Int] = []
        for s in tree.nodes[parent].children where !removed[s] && !tree.nodes[s].isText {
            if s == top {
                out.append(s)
                continue
            }
            let siblingScore = (scores[s] ?? 0) * (1 - density(s))
            if siblingScore >= threshold {
                out.append(s)
            } else if tree.nodes[s].name == "p" {
                let content = tree.text(of: s)
                let d = density(s)
                let length = content.unicodeScalars.count
                if (length > 80 && d < 0.25) || (d == 0 && length > 0 && content.hasSuffix(".")) { out.append(s) }
            }
        }
        return out
    }
}

// MARK: - Collecting blocks

extension ArticleExtractor {
    /// Elements that start a new block of text.
    static let blockTags: Set<String> = [
        "address", "article", "aside", "blockquote", "dd", "details", "div", "dl", "dt", "fieldset", "figcaption",
        "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "li", "main", "nav", "ol", "p",
        "pre", "section", "table", "tbody", "thead", "tfoot", "tr", "td", "th", "ul", "caption", "summary", "center",
    ]
    static let headingTags: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6"]
    /// Short lines of page furniture that can sit inside an article's markup.
    static let furniturePrefixes = [
        "advertisement", "read more", "read also", "also read", "related:", "related articles", "related stories",
        "recommended", "share this", "share on", "follow us", "sign up", "subscribe", "click here", "newsletter",
        "more from", "see also", "© ", "copyright ", "all rights reserved", "next story", "previous story", "tags:",
        "loading", "watch:", "listen to this", "skip to",
    ]

    static let captionBytes = ByteSearch.words(["caption", "credit"])

    /// A `figcaption`, or an element whose class or id says caption or credit (`newsCaption`,
    /// `thumbnail-credit`): its text is a caption, never the body.
    func isCaption(_ i: Int) -> Bool {
        tree.nodes[i].name == "figcaption" || (hints[i].count > 5 && ByteSearch.containsAny(hints[i], ArticleExtractor.captionBytes))
    }

    /// The blocks below `container`: a block is the inline text between two block boundaries.
    func collect(_ container: Int, onlyParagraphs: Bool = false) -> [Block] {
        var walker = BlockWalker(extractor: self)
        walker.walk(container, onlyParagraphs: onlyParagraphs)
        return walker.blocks.filter(keeps)
    }

    /// A block is kept unless it is mostly links, or a short line of page furniture.
    func keeps(_ block: Block) -> Bool {
        let lower = block.text.lowercased()
        if block.text.utf8.count < 80 && ArticleExtractor.furniturePrefixes.contains(where: lower.hasPrefix) { return false }
        return true
    }
}

/// Walks a container in document order, gathering inline text into blocks and noting how
/// much of each block is link text.
struct BlockWalker {
    let extractor: ArticleExtractor
    var blocks: [ArticleExtractor.Block] = []
    private var buffer = ""
    private var linked = 0
    private var role = ArticleExtractor.Block.Role.paragraph
    private var firstLine = 0
    private var lastLine = 0

    init(extractor: ArticleExtractor) { self.extractor = extractor }

    /// A block of this many letters, ending as a sentence, with some words not linked, is
    /// prose even when most of it is a link (headline links are shorter and end bare).
    static let linkedProse = 100

    /// Visits `container` with an explicit stack; `nil` entries close an element.
    mutating func walk(_ container: Int, onlyParagraphs: Bool) {
        let tree = extractor.tree
        var stack: [(node: Int, closing: Bool)] = [(container, false)]
        var inLink = 0
        var paragraphDepth = 0
        var captionDepth = 0
        while let (i, closing) = stack.popLast() {
            let node = tree.nodes[i]
            if closing {
                if node.name == "a" { inLink -= 1 }
                if ArticleExtractor.blockTags.contains(node.name) { flush(minimum: onlyParagraphs && paragraphDepth == 0) }
                if node.name == "p" { paragraphDepth -= 1 }
                if extractor.isCaption(i) { captionDepth -= 1 }
                continue
            }
            guard !extractor.removed[i] else { continue }
            if node.isText {
                if buffer.isEmpty && captionDepth > 0 { role = .caption }
                append(node.text, linked: inLink > 0, line: node.line == 0 ? lastLine : node.line)
                continue
            }
            if ArticleExtractor.blockTags.contains(node.name) { flush(minimum: onlyParagraphs && paragraphDepth == 0) }
            if node.name == "br" { buffer += " " }
            if node.name == "a" { inLink += 1 }
            if node.name == "p" { paragraphDepth += 1 }
            if extractor.isCaption(i) { captionDepth += 1 }
            if ArticleExtractor.headingTags.contains(node.name) && captionDepth == 0 { role = .heading }
            if node.line > 0 { lastLine = node.line }
            stack.append((i, true))
            for c in node.children.reversed() { stack.append((c, false)) }
        }
        flush(minimum: false)
    }

    mutating func append(_ text: String, linked isLinked: Bool, line: Int) {
        if buffer.isEmpty { firstLine = line }
        buffer += text
        if isLinked { linked += DOMTree.visibleLength(text) }
        lastLine = max(lastLine, line)
    }

    /// Ends the current block. With `minimum` (the fallback), text outside a paragraph is dropped.
    mutating func flush(minimum: Bool) {
        defer {
            buffer = ""
            linked = 0
            role = .paragraph
        }
        let text = DOMTree.collapsed(buffer)
        guard !text.isEmpty, !minimum || text.unicodeScalars.count >= ArticleExtractor.minimumParagraph else { return }
        let letters = DOMTree.visibleLength(text)
        // Mostly links: a list of related stories, a tag cloud, a menu; not a paragraph whose
        // linked words are its own sentence (a digest's items open with their story's link).
        let prose = letters >= BlockWalker.linkedProse && ArticleExtractor.endsSentence(text) && linked < letters
        if letters > 0 && Double(linked) / Double(letters) > 0.5 && !prose { return }
        blocks.append(ArticleExtractor.Block(text: text, role: role, lines: firstLine...max(firstLine, lastLine)))
    }
}
