import GRDB
import OpineRanking
import OpineText

/// The vocabulary: index terms with their article counts, the lexicon of written words, and a
/// passage that holds a term (how "did you mean" shows a word as written).
extension IndexSnapshot {
    /// Articles containing each term exactly (0 when it is not in the index).
    public func documentFrequencies(_ terms: [String]) throws -> [Int] {
        try read { db in
            let statement = try db.cachedStatement(sql: "SELECT doc FROM article_vocab WHERE term = ?")
            return try terms.map { try Int.fetchOne(statement, arguments: [$0]) ?? 0 }
        }
    }

    /// Index terms beginning with one of `letters` whose length in bytes is within `lengths`,
    /// with their article counts. fts5vocab counts a term's articles by reading its doclist: a
    /// letter's range of terms is a small part of the index; every term is all of it (1.4 s for
    /// one mistyped word at 190k articles).
    public func terms(beginningWith letters: [Unicode.Scalar], lengths: ClosedRange<Int>) throws -> [(term: String, documents: Int)] {
        try read { db in
            var out: [(term: String, documents: Int)] = []
            for letter in letters {
                guard let next = Unicode.Scalar(letter.value + 1) else { continue }
                out += try Row.fetchAll(db.cachedStatement(sql: """
                    SELECT term, doc FROM article_vocab
                    WHERE term >= ? AND term < ? AND length(term) BETWEEN ? AND ? AND term <> char(30)
                    """), arguments: [String(letter), String(next), lengths.lowerBound, lengths.upperBound]).map { ($0[0], $0[1]) }
            }
            return out
        }
    }

    /// For each prefix (lowercase), the stems of the written words it begins, from the lexicon:
    /// `immigra` → `immigr` (immigration, immigrants). At most `limit` each.
    public func stems(ofWordsStartingWith prefixes: [String], limit: Int = 64) throws -> [String: [String]] {
        try read { db in
            var out: [String: [String]] = [:]
            for prefix in prefixes {
                // Lowercase ASCII letters only, so the last one has a successor (at most `{`).
                guard let last = prefix.utf8.last, prefix.utf8.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else {
                    out[prefix] = []
                    continue
                }
                let upper = String(prefix.dropLast()) + String(UnicodeScalar(last + 1))
                out[prefix] = try String.fetchAll(db.cachedStatement(sql: """
                    SELECT DISTINCT term FROM lexicon WHERE word >= ? AND word < ? ORDER BY term LIMIT ?
                    """), arguments: [prefix, upper, limit])
            }
            return out
        }
    }

    /// The words among `words` (lowercase) some article has written out, of those whose term
    /// is a stem; nil when the index has no lexicon (built by an Opine that kept none).
    public func writtenWords(among words: [String]) throws -> Set<String>? {
        try read { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM lexicon LIMIT 1") ?? false else { return nil }
            let statement = try db.cachedStatement(sql: "SELECT 1 FROM lexicon WHERE word = ? LIMIT 1")
            return Set(try words.filter { try Bool.fetchOne(statement, arguments: [$0]) ?? false })
        }
    }

    /// For each term, a passage holding it: the first body passage of the first article that
    /// has it there, else its first head passage (titles are often set in capitals: "OIL PRICES
    /// RISE"). The matches are read in id order until one is found.
    public func passagesHolding(_ terms: [String]) throws -> [String: PassageRecord] {
        var ids: [String: Int64] = [:]
        for term in terms {
            let plan = MatchPlan.term(term)
            var builder = EvidenceBuilder(plan.evidenceRules(positions: false))
            var head: Int64?
            var body: Int64?
            do {
                try forEachMatch(.anyClause(plan)) { article, layout, instances in
                    builder.add(article: article, articleLength: 0, layout: layout, instances: instances)
                    let evidence = builder.takeEvidence()
                    if head == nil { head = evidence.filter(\.isHead).map(\.passageID).min() }
                    body = evidence.filter { !$0.isHead }.map(\.passageID).min()
                    if body != nil { throw FoundPassage() }
                }
            } catch is FoundPassage {}
            if let id = body ?? head { ids[term] = id }
        }
        let records = try passages(Array(ids.values))
        return ids.compactMapValues { records[$0] }
    }
}

/// Ends a read of matches early: the passage sought is found.
private struct FoundPassage: Error {}
