import OpineText

/// Whether what was kept of a page's article is the whole of it, measured against what the
/// page says it could be: the text of its JSON-LD `articleBody`, and the text of all its
/// paragraphs once navigation, sidebars, comments and the like are left out. A page whose body
/// was missed is never silent: its JSON-LD text stands in when Opine's is far shorter, and a
/// warning names what was kept and what the page holds.
struct ArticleCompleteness {
    /// Characters of the body kept.
    var kept: Int
    /// Characters of the page's JSON-LD `articleBody` (0 when none).
    var stated: Int
    /// Characters of the page's paragraphs after cleaning.
    var paragraphs: Int

    /// A stated body stands in when it has at least this many characters (sites cut a teaser
    /// `articleBody` at 500)…
    static let statedMinimum = 600
    /// …and the kept body is shorter than this share of it.
    static let statedShare = 0.5
    /// A warning when the kept body is below this share of the page's paragraphs…
    static let paragraphShare = 1.0 / 3.0
    /// …and this many characters or more of them were left out (a page of short teasers
    /// beside a short article is not a missed article).
    static let leftOutMinimum = 1500

    /// The stated body is the better reading of the article.
    var prefersStated: Bool {
        stated >= ArticleCompleteness.statedMinimum && Double(kept) < Double(stated) * ArticleCompleteness.statedShare
    }

    /// The warning for a page whose kept body is much shorter than its paragraphs, else nil.
    var shortfall: SourceWarning? {
        guard kept > 0 else { return nil }  // the empty body has its own warning
        let leftOut = paragraphs - kept
        guard leftOut >= ArticleCompleteness.leftOutMinimum,
            Double(kept) < Double(paragraphs) * ArticleCompleteness.paragraphShare
        else { return nil }
        return .articleMayBeIncomplete(kept: kept, paragraphs: paragraphs)
    }
}
