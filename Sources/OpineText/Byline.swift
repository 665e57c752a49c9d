/// Author names from a by-line: the one rule for every source of authors (a text file's `By …`
/// line, a page's by-line element, its meta tags, its JSON-LD, a dataset's author column).
///
/// A by-line is read as sites print it: labels dropped (`By`, `Written by:`, `Posted by`,
/// `von`), a date or time after the names cut off (`Poppy Reid Feb 21, 2020`), the names split
/// on commas, `and`, `&`, `;` and `|`, an agency after the last comma taken as the outlet
/// (`By Rowena Whelan, Reuters`), shouted names made readable (`By HAMILTON` → Hamilton). Every
/// name then passes ``Byline/name(_:siteNames:)``: placeholders, desks, the site's own name,
/// e-mail addresses, handles and commenters (`Art Edwards says:`) are not authors.
public struct Byline: Equatable, Sendable {
    /// The people (or the organisation) the by-line names, in its order, without repeats.
    public var authors: [String] = []
    /// The agency or outlet the by-line signs with (`Reuters` in `By Rowena Whelan, Reuters`).
    public var outlet: String?

    /// A by-line longer than this is a paragraph, not a by-line.
    static let maximumBytes = 300

    /// Reads `text`, with or without its `By`. `siteNames` are the page's own names (its site
    /// name, publisher, host): a by-line naming only the site names no author.
    public init(_ text: String, siteNames: [String] = []) {
        var line = Byline.normalizedSpaces(text)
        guard line.utf8.count <= Byline.maximumBytes, !Byline.isCommentHeader(line) else { return }
        line = Byline.withoutLabels(Byline.withoutParentheses(line))
        line = Byline.beforeDate(line)
        if let signed = Byline.agency(in: line) {
            line = signed.names
            outlet = signed.agency
        }
        let pieces = Byline.pieces(line)
        for piece in pieces {
            // `Tom Watkins, CNN`: initials beside names are the outlet's.
            if pieces.count > 1 && Byline.isInitialism(piece) {
                outlet = outlet ?? piece
                continue
            }
            // `Robert Burns, AP National Security Writer`: a role after a name is no one.
            if piece != pieces.first && piece.lowercased().split(separator: " ").contains(where: { Byline.roleWords.contains(String($0)) }) {
                continue
            }
            let display = Byline.isInitialism(piece) ? piece : Byline.displayName(piece)
            guard let name = Byline.name(display, siteNames: siteNames), !authors.contains(name) else { continue }
            authors.append(name)
        }
    }

    /// Names from several candidates (a JSON-LD `author` array, a dataset's list): each read as
    /// a by-line, in order, without repeats.
    public init(candidates: [String], siteNames: [String] = []) {
        for candidate in candidates {
            let one = Byline(candidate, siteNames: siteNames)
            authors += one.authors.filter { !authors.contains($0) }
            if outlet == nil { outlet = one.outlet }
        }
    }
}

// MARK: - Splitting

extension Byline {
    /// No-break and other Unicode spaces as one ASCII space, zero-width characters dropped,
    /// runs collapsed, none at the ends.
    static func normalizedSpaces(_ text: String) -> String {
        var out = ""
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar == "\u{200B}" || scalar == "\u{200C}" || scalar == "\u{200D}" || scalar == "\u{FEFF}" { continue }
            if scalar.properties.isWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.unicodeScalars.append(" ") }
            pendingSpace = false
            out.unicodeScalars.append(scalar)
        }
        return out
    }

    /// The by-line without what it says in parentheses (`Anna Ūdre (LTV news editor)`,
    /// `Ann Lee (Reuters)`): a role or an outlet, never a name.
    static func withoutParentheses(_ line: String) -> String {
        guard line.contains("(") else { return line }
        var out = ""
        var depth = 0
        for c in line {
            if c == "(" { depth += 1 } else if c == ")" { depth = max(0, depth - 1) } else if depth == 0 { out.append(c) }
        }
        return normalizedSpaces(out)
    }

    /// A comment's header (`Art Edwards says:`): a by-line never says "says".
    static func isCommentHeader(_ line: String) -> Bool {
        let lower = line.lowercased()
        return lower.hasSuffix(" says:") || lower.hasSuffix(" says") || lower.hasSuffix(" said:")
            || lower.hasSuffix(" wrote:") || lower.hasSuffix(" commented:")
    }

    /// Labels before the names, in any case and with or without a colon, repeated as they come
    /// (`By: Written by Ann`), and any few words before a lowercase `by` (`Analysis by`).
    /// Nouns count only with a colon (`Author: Ann Lee`; `Writer 7` is a name), and labels of
    /// other languages only in lowercase or with a colon (`Von Miller`, `Di Maria` are names).
    static let labels = ["by", "article by", "posted by", "written by", "words by", "story by", "text by", "report by",
                         "reporting by", "opinion by", "column by"]
    static let nounLabels = ["posted", "author", "authors", "byline", "writer", "writers"]
    static let foreignLabels = ["von", "por", "par", "di", "door", "av", "autor", "autorin", "auteur", "autore", "texto",
                                "text", "redacción", "escrito por", "publicado por", "geschrieben von", "autori", "autores",
                                "auteurs", "autoren", "autorzy", "tekst"]

    static let allLabels = labels + nounLabels + foreignLabels

    static func withoutLabels(_ line: String) -> String {
        var rest = Substring(line)
        // `Analysis by`, `Photographs and text by`: up to three words before a lowercase `by`.
        let words = line.split(separator: " ")
        if let by = words.prefix(4).firstIndex(where: { $0 == "by" || $0 == "by:" }), by > 0 {
            rest = Substring(words[(by + 1)...].joined(separator: " "))
        }
        while true {
            let lower = rest.lowercased()
            guard let label = allLabels.filter({ lower.hasPrefix($0) }).max(by: { $0.count < $1.count }) else { break }
            var after = rest.dropFirst(label.count)
            let colon = after.first == ":"
            if colon { after = after.dropFirst() }
            guard colon || after.first == " " || after.isEmpty else { break }
            if foreignLabels.contains(label) && !colon && rest.first?.isUppercase == true { break }
            if nounLabels.contains(label) && !colon && !after.isEmpty { break }
            rest = Substring(after.trimmingSpaces())
        }
        return String(rest)
    }

    /// Words that start a date or time line after the names (`Updated 5:27 am`, `Published`).
    static let dateWords: Set<String> = ["published", "updated", "posted", "last", "on", "at", "am", "pm", "datum", "date",
                                         "fecha", "modified", "mis", "publié", "veröffentlicht", "aktualisiert"]

    /// The by-line up to the first date or time word: a date's or time's number (`21,`,
    /// `2:54pm`, `11/18/19`, `2020`, `19` beside a month's name), a month or weekday just
    /// before one, or a word of ``dateWords``. What is left has no trailing separators
    /// (`Justine Coleman -` → `Justine Coleman`). A number of no date stays (`Writer 7`).
    static func beforeDate(_ line: String) -> String {
        let words = line.split(separator: " ", omittingEmptySubsequences: true)
        let bare = words.map { $0.lowercased().trimmingCharacters(in: ",.:;•|-–—()") }
        var end = words.count
        for i in words.indices {
            let previous = i > 0 ? bare[i - 1] : ""
            let next = i + 1 < words.count ? bare[i + 1] : ""
            if dateWords.contains(bare[i]) || isDateNumber(bare[i], previous: previous, next: next) {
                end = i
                break
            }
            if MonthNames.isMonthOrWeekday(bare[i]), isDateNumber(next, previous: bare[i], next: "") {
                end = i
                break
            }
        }
        // `Jeff Foust Monday, November 18, 2019`: the weekday before the date goes with it.
        while end > 1, MonthNames.isMonthOrWeekday(words[end - 1].trimmingCharacters(in: ",.")) { end -= 1 }
        let kept = words.prefix(end).joined(separator: " ")
        return kept.trimmingCharacters(in: " ,:;•|-–—·/()")
    }

    /// A word of a date or a time: digits with `:`, `/`, `.` or `-` between them, a year, an
    /// hour (`9am`), an ordinal (`21st`), or a day beside a month's name or `am`/`pm`.
    static func isDateNumber(_ word: String, previous: String, next: String) -> Bool {
        guard let first = word.first, first.isNumber else { return false }
        let digits = word.filter(\.isNumber)
        if word.contains(where: { ":/.-".contains($0) }) && digits.count >= 2 { return true }
        if digits.count == 4 && digits.count == word.count { return true }
        let suffix = word.drop { $0.isNumber }
        if ["am", "pm", "h", "st", "nd", "rd", "th", "a.m", "p.m"].contains(String(suffix)) { return true }
        guard suffix.isEmpty, digits.count <= 2 else { return false }
        return MonthNames.isMonthOrWeekday(previous) || MonthNames.isMonthOrWeekday(next) || ["am", "pm", "a.m", "p.m"].contains(next)
    }

    /// News agencies that sign by-lines after a comma, by their name in lowercase, with the
    /// name as the agency writes it: one outlet whether a by-line says Reuters or REUTERS.
    static let agencies: [String: String] = [
        "reuters": "Reuters", "ap": "AP", "afp": "AFP", "associated press": "Associated Press",
        "the associated press": "The Associated Press", "agence france-presse": "Agence France-Presse",
        "bloomberg": "Bloomberg", "upi": "UPI", "dpa": "dpa", "xinhua": "Xinhua", "app": "APP", "pti": "PTI",
        "ians": "IANS", "anadolu": "Anadolu", "efe": "EFE", "ansa": "ANSA", "kyodo": "Kyodo", "tass": "TASS",
        "bernama": "Bernama", "nnp": "NNP", "inp": "INP",
    ]

    /// The agency after a by-line's last comma (or `|`), and the by-line without it.
    static func agency(in names: String) -> (names: String, agency: String)? {
        guard let comma = names.lastIndex(where: { $0 == "," || $0 == "|" }) else { return nil }
        let tail = names[names.index(after: comma)...].trimmingSpaces()
        guard let agency = agencies[tail.lowercased()] else { return nil }
        return (String(names[..<comma]).trimmingSpaces(), agency)
    }

    /// Separators between names; `,` is decided by ``commaPieces(_:)``.
    static let separators = [";", "|", "；", "、", "，", " and ", " AND ", " And ", " & ", " und ", " et "]

    /// The names of a by-line. Commas separate names when every piece is a full name, an
    /// outlet's initials or address (`Tom Watkins, CNN`, `Troy Smith, cleveland.com`), never in
    /// `Lee, Ann` or `brenckman,m.`. Single
    /// words joined by `&` are a section (`Jobs & Hire`), not two people.
    static func pieces(_ line: String) -> [String] {
        var parts = [line]
        for separator in separators { parts = parts.flatMap { $0.splitting(on: separator) } }
        parts = parts.flatMap(sentencePieces)
        parts = parts.map { $0.trimmingCharacters(in: " ,;:-–—|") }.filter { !$0.isEmpty }
        if line.contains(" & "), parts.count > 1, parts.allSatisfy({ !$0.contains(" ") }) { return [] }
        return parts.flatMap(commaPieces)
    }

    /// Abbreviated titles before a name (`Prof. Ann Lee`), never the end of one.
    static let honorifics: Set<String> = ["prof", "sen", "rep", "gov", "gen", "col", "capt", "sgt", "lt", "rev", "hon", "mrs"]

    /// `Finian Cunningham. Sputnik International`: a period after a word (not an initial,
    /// `James S.A. Corey`, `Ann B. Lee`) ends a name.
    static func sentencePieces(_ part: String) -> [String] {
        let words = part.split(separator: " ")
        guard words.count > 2, part.contains(". ") else { return [part] }
        var out: [String] = []
        var current: [Substring] = []
        for word in words {
            current.append(word)
            let letters = word.dropLast().filter(\.isLetter)
            if word.hasSuffix("."), letters.count >= 3, !word.dropLast().contains("."),
                !honorifics.contains(word.dropLast().lowercased())
            {
                out.append(current.joined(separator: " "))
                current = []
            }
        }
        if !current.isEmpty { out.append(current.joined(separator: " ")) }
        return out
    }

    static func commaPieces(_ part: String) -> [String] {
        let pieces = part.split(separator: ",").map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
        guard pieces.count > 1 else { return [part] }
        let full = pieces.dropFirst().allSatisfy { $0.contains(" ") || isInitialism($0) || isWebAddress($0.lowercased()) }
            && pieces[0].contains(" ")
        return full ? pieces : [part]
    }

    /// `CNN`, `BBC`: two to five capitals, an outlet's initials rather than a person.
    static func isInitialism(_ word: String) -> Bool {
        (2...5).contains(word.count) && word.allSatisfy { $0.isUppercase && $0.isLetter }
    }

    /// `HAMILTON` → `Hamilton`; names in mixed case are left alone.
    static func displayName(_ name: String) -> String {
        guard name.contains(where: \.isLetter), !name.contains(where: \.isLowercase) else { return name }
        return name.split(separator: " ").map { word in
            word.prefix(1) + word.dropFirst().lowercased()
        }.joined(separator: " ")
    }
}
