import OpineIndex
import OpineText

/// `Isis`, the Guardian's and Dawn's style for ISIS, stems to isi: the lowercase term of the ISI,
/// Pakistan's intelligence agency, and the query `Isis` found every op-ed on the ISI. In the
/// articles a capitalised `Isis` inside a sentence also carries ISIS (the analyzer's house-style
/// rule); so a capitalised query word of that shape whose stem is another acronym's term, in an
/// index where the word is mostly written as its acronym, is searched as its all-caps form.
extension QueryCompiler {
    /// The house style's shape: one capital and three lowercase ASCII letters (`Isis`, `Nato`).
    static func hasHouseStyleShape(_ word: String) -> Bool {
        let b = Array(word.utf8)
        return b.count == 4 && (0x41...0x5A).contains(b[0]) && b.dropFirst().allSatisfy { (0x61...0x7A).contains($0) }
    }

    /// `word` as its all-caps form when it is a house style of an acronym whose stem is another
    /// acronym's term: the stem's acronym is in the index (ISI), and at least half of the
    /// articles with the stem but not that acronym have the word's acronym (ISIS: written so, or
    /// a capitalised Isis). `News` stays a word: NEW (shouted headlines) is in reuters-21578's
    /// 3,014 articles, NEWS in 61 of the 3,263 others with new.
    static func acronymForm(of word: String, documentFrequency: (String) throws -> Int) throws -> String? {
        guard hasHouseStyleShape(word) else { return nil }
        let lower = word.lowercased()
        guard let stem = Analyzer().terms(lower, mode: .query).first, stem != lower, stem.count >= 2 else { return nil }
        let other = try documentFrequency(stem.uppercased())
        guard other > 0 else { return nil }
        let acronym = word.uppercased()
        let written = try documentFrequency(acronym)
        let rest = try documentFrequency(stem) - other
        return written > 0 && 2 * written >= rest ? acronym : nil
    }

    /// The clauses with each such word (alone, or an alternative of an OR) as its acronym.
    func houseStyleAcronyms(_ clauses: [QueryClause], documentFrequency: (String) throws -> Int) throws -> [QueryClause] {
        try clauses.map { clause in
            switch clause {
            case .word(let word, false):
                return try QueryCompiler.acronymForm(of: word, documentFrequency: documentFrequency).map { .word($0, prefix: false) } ?? clause
            case .anyOf(let alternatives):
                return .anyOf(try houseStyleAcronyms(alternatives, documentFrequency: documentFrequency))
            default:
                return clause
            }
        }
    }
}
