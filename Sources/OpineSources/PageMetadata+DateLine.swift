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

    /// The first date of a short element near the first `<h1>` (else near the first by-line
    /// element), an update's line ("Updated …") only when there is no other.
    static func visibleDate(_ tree: DOMTree) -> ArticleDate? {
        guard let anchor = tree.elements("h1").first ?? tree.nodes.indices.first(where: { isByline(tree.nodes[$0]) }) else {
            return nil
        }
        var outside = OutsideArticle(tree)
        var update: ArticleDate?
        let window = max(0, anchor - dateLineBefore)..<min(tree.nodes.count, anchor + dateLineAfter)
        for i in window where isLine(tree, i) && !outside.contains(i) {
            let text = tree.text(of: i)
            guard text.utf8.count <= maximumDateLineCharacters * 4, text.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }),
                text.count <= maximumDateLineCharacters, let date = DateFinder.find(in: text)
            else { continue }
            let lower = text.lowercased()
            if lower.contains("updated") || lower.contains("modified") || lower.contains("aktualisiert") || lower.contains("actualizado") {
                if update == nil { update = date }
                continue
            }
            return date
        }
        return update
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
