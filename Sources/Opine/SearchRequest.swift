import OpineRanking
import OpineText

/// What a search asks for: the plain value a command builds from its arguments.
public struct SearchRequest: Sendable {
    public var query: String
    /// Articles to return.
    public var limit = 10
    /// Ranked articles to pass over first (a page of results beyond the first).
    public var offset = 0
    public var since: ArticleDate?
    public var until: ArticleDate?
    /// Author name fragments, each required (`--author`, plus `author:` in the query).
    public var authors: [String] = []
    /// Outlet name fragments, each required (`--outlet`).
    public var outlets: [String] = []
    /// Snippets per article (1…3; 0 for none).
    public var snippets = 1
    public var parameters = RankingParameters()
    /// Look for a close word of the index ("did you mean") for each word no article has. It
    /// scans the vocabulary (milliseconds a word): evaluations, which never show it, turn it off.
    public var suggests = true
    /// Only articles that satisfy the whole query (every clause): `opine search -l`.
    public var completeOnly = false
    /// Read and score every matching article, even when the top can be found among fewer
    /// (the reference that tests and benchmarks compare the shortcut with).
    public var exhaustive = false
    /// The articles the first phase hands the full ranking (nil: ``SearchRanking/window(for:)``);
    /// for benchmarks that choose the window.
    public var rescoreWindow: Int?

    public init(query: String, limit: Int = 10) {
        self.query = query
        self.limit = limit
    }
}

/// One ranked article.
public struct SearchResult: Sendable {
    public var rank: Int
    public var article: ArticleSummary
    /// The best passage.
    public var passage: PassageView
    public var snippets: [Snippet]
    public var explanation: ScoreExplanation
    public var score: Double { explanation.total }
    /// True when the article matches every query clause.
    public var isComplete: Bool { explanation.isComplete }
}

public struct ArticleSummary: Hashable, Sendable {
    public var id: Int64
    public var path: String
    public var title: String
    public var authors: [String]
    public var date: ArticleDate?
    /// The site or paper that published it; empty when unknown.
    public var outlet: String = ""
    /// Where it was published, when known.
    public var url: String? = nil
    /// The dataset file (CSV, JSON Lines) this article is a record of, whose `path` is
    /// `file#identity`; nil for an article that is a file of its own.
    public var recordFile: String? = nil

    /// The file that holds the article: the dataset file of a record, else its path.
    public var file: String { recordFile ?? path }

    /// A record's identity in its file (`id=7`, `url=…`, `hash=…`); nil for a file.
    public var recordIdentity: String? {
        guard let recordFile, path.count > recordFile.count + 1 else { return nil }
        return String(path.dropFirst(recordFile.count + 1))
    }

    /// The outlet as a by-line shows it: empty when an author already names it (an editorial
    /// "by Dawn" in Dawn reads "Dawn · 2025-05-16", not "Dawn · 2025-05-16 · Dawn").
    public var bylineOutlet: String {
        authors.contains { $0.lowercased() == outlet.lowercased() } ? "" : outlet
    }
}

public struct PassageView: Hashable, Sendable {
    public var ordinal: Int
    public var kind: PassageKind
    public var text: String
    /// UTF-8 byte range of the passage in its source file.
    public var range: Range<Int>
}

/// A search's answer.
public struct SearchResponse: Sendable {
    public var results: [SearchResult]
    /// Articles that matched any clause (after filters), of which `results` are the first.
    public var matchedArticles: Int
    /// Articles (after filters) that satisfy the whole query: every clause, as `rg -l` with
    /// all the words. What `-c`, `-l` and "N matching articles" count.
    public var completeArticles: Int = 0
    /// Index in `results` of the first article that does not match every clause.
    public var firstPartial: Int? { results.firstIndex { !$0.isComplete } }
    /// Query words that no article of the index has, as typed.
    public var unmatchedWords: [String]
    /// When the filters left no article that the words alone would find (or, for filters
    /// alone, none of the index): how many there were, and the filters that leave none of them
    /// on their own ("by 'Nobody'", "from 'Dawn'", "dated … "), all of them when only together.
    public var filteredOut: (articles: Int, filters: [String])?
    /// For words that match nothing: a close word of the index ("did you mean").
    public var suggestions: [(word: String, suggestion: String)]
    /// The clauses as understood, for `--explain` and errors.
    public var clauses: [QueryClause]
    /// Words that few articles have beside a close spelling that many have ("Volker" 1,
    /// "Volcker" 108): a likely typo, said beside the results it found.
    public var commonerSpellings: [CommonerSpelling] = []
    /// Words no article has as written, found only through their stem ("Trending" as trend,
    /// which "trends" gives): they matched, so they are not among `unmatchedWords`.
    public var throughStem: [StemMatch] = []
    /// What the first phase read (nil for `--exhaustive`, counts alone and listings): for
    /// benchmarks, and to see how much of the matches a search skipped.
    public var firstPhase: FirstPhaseFigures?

    /// Each word no article has, with its suggestion when there is one.
    public var unmatched: [(word: String, suggestion: String?)] {
        unmatchedWords.map { word in (word, suggestions.first { $0.word == word }?.suggestion) }
    }
}

/// How much of the matches a search's first phase read.
public struct FirstPhaseFigures: Hashable, Sendable {
    /// Blocks of article ids read, of those where some clause may match.
    public var blocksRead: Int
    public var blocks: Int
    /// Matching articles read.
    public var articlesRead: Int
}

/// The full parsed fields of one article, for `opine show`.
public struct ArticleDetail: Sendable {
    public var summary: ArticleSummary
    public var standfirst: String
    public var caption: String
    public var body: [String]
    public var bio: String
    public var encoding: String
    public var passages: [PassageView]
}

/// A query word that few articles have, and a close word of the index that many more have.
public struct CommonerSpelling: Hashable, Sendable {
    public var word: String
    public var articles: Int
    public var suggestion: String
    public var suggestionArticles: Int

    public init(word: String, articles: Int, suggestion: String, suggestionArticles: Int) {
        self.word = word
        self.articles = articles
        self.suggestion = suggestion
        self.suggestionArticles = suggestionArticles
    }
}

/// A query word that no article has as written, matched through its stem: "'Trending'
/// matched as 'trend…' in 1 article".
public struct StemMatch: Hashable, Sendable {
    public var word: String
    /// The index term it matched.
    public var stem: String
    /// Articles that have the stem.
    public var articles: Int
    /// The closest word the articles do write ("Hilary" → Hillary), when there is one.
    public var suggestion: String?

    public init(word: String, stem: String, articles: Int, suggestion: String?) {
        (self.word, self.stem, self.articles, self.suggestion) = (word, stem, articles, suggestion)
    }
}
