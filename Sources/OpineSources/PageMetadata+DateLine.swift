import OpineText

/// A date the page prints near its headline or by-line (`Nov. 19, 2019 3:04 p.m.`, `19 de
/// noviembre de 2019`, `2019年11月19日`), for pages that state none in their markup.
extension PageMetadata {
    /// Elements looked at before and after the headline: a date line sits beside the title or
    /// the by-line, not a page away (where a comment's or another story's date is).
    static let dateLineBefore = 60
    static let dateLineAfter = 250
    /// A date line is short; a longer text is a paragraph that mentions a date.
    static let maximumDateLineCharacters = 100

    /// The date of the short element nearest the first `<h1>` (else the first by-line
    /// element), after it or before it (a line before counting twice as far: a site's header,
    /// with today's date, comes before); an
    /// update's line ("Updated …") only when there is no other. Numeric dates (`08/01/2014`)
    /// are read in the order of the page's language (day first but in American English).
    static func visibleDate(_ tree: DOMTree) -> ArticleDate? {
        guard let anchor = tree.elements("h1").first ?? tree.nodes.indices.first(where: { isByline(tree, $0) }) else {
            return nil
        }
        let dayFirst = isDayFirst(language: tree.root.flatMap { tree.nodes[$0].attribute("lang") } ?? "")
        var outside = OutsideArticle(tree)
        var update: ArticleDate?
        // Nearest first, a line before the headline counting twice as far (a site's header is).
        let after = anchor..<min(tree.nodes.count, anchor + dateLineAfter)
        let before = max(0, anchor - dateLineBefore)..<anchor
        let order = (after.map { ($0, $0 - anchor) } + before.map { ($0, 2 * (anchor - $0)) }).sorted { $0.1 < $1.1 }.map(\.0)
        for i in order where isLine(tree, i) && !outside.contains(i) {
            guard let (date, updated) = dateLine(tree.text(of: i), dayFirst: dayFirst) else { continue }
            if !updated { return date }
            if update == nil { update = date }
        }
        return update
    }

    /// The date of a short line, and whether the line is an update's.
    static func dateLine(_ text: String, dayFirst: Bool) -> (ArticleDate, Bool)? {
        guard text.utf8.count <= maximumDateLineCharacters * 4, text.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }),
            text.count <= maximumDateLineCharacters,
            let date = DateFinder.find(in: text) ?? DateFinder.findNumeric(in: text, dayFirst: dayFirst)
        else { return nil }
        let lower = text.lowercased()
        return (date, ["updated", "modified", "aktualisiert", "actualizado", "mis à jour"].contains { lower.contains($0) })
    }

    /// American English writes the month first (`11/19/2019`); the other languages of the web,
    /// British English included, the day. A page without a language is read as American.
    static func isDayFirst(language: String) -> Bool {
        let lang = language.lowercased().replacingOccurrences(of: "_", with: "-")
        return !(lang.isEmpty || lang == "en" || lang.hasPrefix("en-us"))
    }

    /// Not date lines: a headline may name a date ("What happened on January 6, 2021").
    static let skippedTags: Set<String> = ["script", "style", "head", "title", "option", "h1", "h2", "h3", "h4", "h5", "h6"]

    /// An element whose children are all text or inline elements (a line of the page, read once).
    static func isLine(_ tree: DOMTree, _ i: Int) -> Bool {
        let node = tree.nodes[i]
        guard !node.isText, !node.children.isEmpty, !skippedTags.contains(node.name) else {
            return false
        }
        return node.children.allSatisfy { c in
            let child = tree.nodes[c]
            return child.isText || (!ArticleExtractor.blockTags.contains(child.name) && child.children.count <= 3)
        }
    }
}
