/// What a name looks like: the checks every author candidate passes, from any source, in any
/// script.
extension Byline {
    /// A name is at most this many characters (`Mohammad bin Salman bin Abdulaziz Al Saud` is 41)…
    static let maximumNameCharacters = 60
    /// …and this many words: more is a sentence or a job title.
    static let maximumNameWords = 7

    /// Not names: what content systems print when no author was entered.
    static let placeholders: Set<String> = [
        "no author", "unknown", "unknown author", "admin", "administrator", "author", "authors", "guest", "guest author",
        "n/a", "na", "none", "null", "nil", "undefined", "anon", "user", "webmaster", "editor", "byline", "by", "name",
        "author name", "your name", "default", "test", "contributor", "contributors", "publisher", "facebook", "twitter",
    ]

    /// Words that make a desk or a staff of a name (`National Desk`, `Web Desk`, `BBC News`,
    /// `Redaktion MSM`), in lowercase.
    static let deskWords: Set<String> = [
        "desk", "newsdesk", "newsroom", "staff", "bureau", "team", "agencies", "news", "contributors", "redaktion",
        "redacción", "rédaction", "redazione", "redactie", "online", "digital", "media", "department", "office", "service",
        "comments",
    ]

    /// Words of a role printed after a name (`Robert Burns, AP National Security Writer`,
    /// `Chris Cillizza, CNN Editor-at-large`): not a name when they follow one.
    static let roleWords: Set<String> = [
        "writer", "writers", "reporter", "reporters", "correspondent", "correspondents", "contributor", "editor",
        "editor-at-large", "columnist", "producer", "analyst",
    ]

    /// `candidate` as an author's name, cleaned (surrounding punctuation and quotes dropped), or
    /// nil when it is not one: empty or too long, with a digit, an `@` or `_` (an e-mail
    /// address or a handle) or a web address, a placeholder, a desk or role, the site's own
    /// name, words of a sentence (`on December`, `updated`, `Syrian defense ministries`).
    public static func name(_ candidate: String, siteNames: [String] = []) -> String? {
        let name = withoutFinalPeriod(normalizedSpaces(candidate).trimmingCharacters(in: " ,;:-–—|•·\"'“”‘’()[]"))
        let folded = name.lowercased()
        let words = folded.split(separator: " ").map(String.init)
        guard !words.isEmpty, name.count <= maximumNameCharacters, words.count <= maximumNameWords,
            name.filter(\.isLetter).count >= 2 * name.filter(\.isNumber).count, name.contains(where: \.isLetter)
        else { return nil }
        guard !name.contains("@"), !name.contains("_"), !folded.contains("://"), !folded.hasPrefix("www."),
            !words.contains(where: isWebAddress)
        else { return nil }
        guard words.count == 1 || !hasLowercaseWords(name) else { return nil }
        // `gto`, `kei`: a single lowercase word of letters is a user name, not a person's.
        guard words.count > 1 || !name.allSatisfy({ $0.isASCII && $0.isLowercase }) else { return nil }
        guard !placeholders.contains(folded), !words.contains(where: deskWords.contains) else { return nil }
        // A sentence's first word (`on December`, `The Russian`), unless an initial (`A. O. Scott`).
        let initial = name.first?.isUppercase == true && (words.first?.filter(\.isLetter).count ?? 0) == 1
        guard let first = words.first, initial || (!StopWords.english.contains(first) && !dateWords.contains(first)) else {
            return nil
        }
        return isSiteName(folded, siteNames: siteNames) ? nil : name
    }

    /// Lowercase words that join the parts of a name (`Lauren del Valle`, `Ludwig van
    /// Beethoven`, `Mohammad bin Salman`).
    static let particles: Set<String> = [
        "de", "del", "della", "der", "den", "di", "da", "das", "do", "dos", "du", "la", "le", "van", "von", "ter", "ten",
        "bin", "ibn", "al", "el", "y", "e", "zu", "af", "av", "of", "and", "st", "d'", "l'",
    ]

    /// A Latin-script name whose words begin in lowercase and are not ``particles``: a
    /// sentence (`Syrian defense ministries`), not a name. Scripts without case pass.
    static func hasLowercaseWords(_ name: String) -> Bool {
        name.split(separator: " ").contains { word in
            guard let first = word.first, first.isLowercase else { return false }
            let lower = word.lowercased()
            return !particles.contains(lower) && !particles.contains(where: { $0.hasSuffix("'") && lower.hasPrefix($0) })
        }
    }

    /// A sentence's period dropped (`Ann Lee.`), an initial's or abbreviation's kept (`Ann
    /// Lee Jr.`, `brenckman,m.`): the last word, up to a space or comma, of three characters or less.
    static func withoutFinalPeriod(_ name: String) -> String {
        var s = Substring(name)
        while s.hasSuffix(".") {
            let lastWord = s.split(whereSeparator: { $0 == " " || $0 == "," }).last ?? ""
            guard lastWord.count > 3 else { break }
            s = s.dropLast()
        }
        return String(s).trimmingSpaces()
    }

    /// `nj.com`, `example.org`: a dot followed by two or more lowercase letters at the end of
    /// the word (`S.A.` and `Jr.` are parts of names).
    static func isWebAddress(_ word: String) -> Bool {
        guard let dot = word.lastIndex(of: "."), dot != word.startIndex else { return false }
        let tail = word[word.index(after: dot)...]
        return tail.count >= 2 && tail.allSatisfy { $0.isLetter && $0.isASCII }
    }

    /// The site itself (`BBC News` on a page whose site is BBC News, `LinkNaija` on linknaija.com).
    static func isSiteName(_ folded: String, siteNames: [String]) -> Bool {
        let compact = folded.filter { $0.isLetter || $0.isNumber }
        guard !compact.isEmpty else { return false }
        return siteNames.contains { site in
            let s = site.lowercased()
            let stem = s.split(separator: ".").first.map(String.init) ?? s
            let siteCompact = s.filter { $0.isLetter || $0.isNumber }
            let stemCompact = stem.filter { $0.isLetter || $0.isNumber }
            return compact == siteCompact || (stemCompact.count >= 3 && compact == stemCompact)
        }
    }
}
