/// Lines a site prints inside the article's markup that are not the op-ed: notices (affiliate
/// and advertiser disclosures, paywall and subscription prompts, copyright lines), date and
/// update lines, and the words of galleries and players (`Caption`, `Close`, `Back to Gallery`).
extension Boilerplate {
    /// Openings of disclosures and paywall or subscription notices, lowercased.
    static let noticeOpenings = [
        "advertiser disclosure", "editorial disclosure", "affiliate disclosure", "disclosure:", "if you buy something",
        "if you purchase something", "we may earn a commission", "we may receive a commission", "we may earn an affiliate",
        "this post may contain affiliate", "this article contains affiliate", "this story contains affiliate",
        "this post contains affiliate", "when you buy through links", "when you buy through our links",
        "subscribe to continue", "subscribe to read", "subscribe for full access", "to continue reading",
        "continue reading with", "already a subscriber", "already have an account", "you have reached your",
        "you've reached your", "you have read your", "this article is for subscribers", "this content is for subscribers",
        "this article is exclusive to", "exclusive to subscribers", "for subscribers only", "subscribers only",
        "create a free account", "register to continue", "sign in to continue", "log in to continue", "login to continue",
        "become a member", "get unlimited access", "unlimited digital access", "start your free trial", "to read the full",
        "to read this article", "free articles remaining", "remaining free article", "the contents of this site are",
        "get the latest updates right in your inbox", "sign up for our newsletter", "sign up to our newsletter",
        // comment and share prompts
        "tell us what you think", "leave a comment", "leave a reply", "join the conversation", "what do you think?",
        "share your thoughts", "have your say", "this slideshow requires javascript", "please enable javascript",
        "join our", "join the discussion", "this document is subject to copyright", "this material may not be",
        "citation:", "cite this article",
    ]

    /// Openings of a date or update line (`Updated 3:27 am PST`, `Posted: 18 Nov 2019`).
    static let dateLineOpenings = ["updated", "last updated", "posted", "published", "first published", "modified",
                                   "last modified", "actualizado", "publicado", "aktualisiert", "veröffentlicht",
                                   "mis à jour", "publié", "pubblicato", "aggiornato"]

    /// Words of a line of date and time alone, besides numbers and month and weekday names.
    static let timeWords: Set<String> = ["am", "pm", "a", "m", "p", "at", "on", "est", "edt", "cst", "cdt", "mst", "mdt",
                                         "pst", "pdt", "gmt", "utc", "bst", "cet", "cest", "ist", "jst", "aest", "et", "pt",
                                         "h", "hrs", "ago", "hours", "minutes", "hour", "minute", "days", "day"]

    /// Phrases of paywall notices and page prompts wherever they stand in a short block, in
    /// the languages of the web (Japanese, French, German, Spanish, Portuguese, Italian).
    static let noticePhrases = [
        "会員限定", "続きをお読みいただけます", "有料会員", "réservé aux abonnés", "nur für abonnenten", "exclusivo para suscriptores",
        "exclusivo para assinantes", "riservato agli abbonati", "already a subscriber", "ctrl+enter",
    ]

    static let noticeBytes = noticeOpenings.map { Array($0.utf8) }
    static let noticePhraseBytes = noticePhrases.map { Array($0.utf8) }
    static let dateLineBytes = dateLineOpenings.map { Array($0.utf8) }

    /// A notice opening with one of ``noticeOpenings`` is a sentence or two: at most this many bytes…
    static let longestNotice = 400
    /// …one holding a phrase of ``noticePhrases`` or a `©` anywhere, shorter (a paragraph may
    /// mention either).
    static let longestPhraseNotice = 300
    /// A date line is a line, not a paragraph that opens with a date.
    static let longestDateLine = 120
    /// `Šodien, 17:40`: a time and a word or two.
    static let longestTimeLine = 40

    /// A disclosure, a paywall notice or a prompt (short: a notice is a sentence or two), a
    /// copyright line, or a content system's code left unrendered (`[button link=…]…[/button]`).
    static func isNotice(_ text: String, opening n: [UInt8]) -> Bool {
        guard text.utf8.count <= longestNotice else { return false }
        if text.hasPrefix("["), text.contains("[/"), text.hasSuffix("]") { return true }
        let short = text.utf8.count <= longestPhraseNotice
        if short && contains(text, anyOf: noticePhraseBytes) { return true }
        return starts(n, withAnyOf: noticeBytes) || (short && hasCopyrightSign(text))
    }

    /// A line of a date or time alone (ASCII digits), with a month's name or a time (`NOVEMBER 20, 2019 10:43`;
    /// never numbers alone, a table's cells), or one that opens with
    /// `Updated`, `Posted`, `Published` and holds a date, a time or "ago".
    public static func isDateLine(_ text: String) -> Bool {
        guard text.utf8.count <= longestDateLine, text.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return false }
        let n = normalized(text)
        if starts(n, withAnyOf: dateLineBytes) {
            return DateFinder.find(in: text) != nil || hasTime(text) || text.lowercased().contains(" ago")
        }
        let words = text.lowercased().split { !$0.isLetter && !$0.isNumber }
        // `Šodien, 17:40`, `Today 9:05 AM`: a time and a word or two.
        if hasTime(text) && words.filter({ $0.first?.isLetter == true }).count <= 2 && text.utf8.count <= longestTimeLine { return true }
        // Numbers alone are a table's cells, not a date.
        guard hasTime(text) || words.contains(where: { MonthNames.isMonthOrWeekday($0) }) else { return false }
        return words.allSatisfy { w in
            w.allSatisfy(\.isNumber) || timeWords.contains(String(w)) || MonthNames.isMonthOrWeekday(w)
                || (w.first?.isNumber == true && ["st", "nd", "rd", "th", "am", "pm"].contains(String(w.suffix(2))))
        }
    }

    /// True when `text`, ASCII letters lowercased, holds one of `phrases` (lowercase UTF-8):
    /// on bytes, as this runs on every short block of every page.
    static func contains(_ text: String, anyOf phrases: [[UInt8]]) -> Bool {
        let bytes = text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        for phrase in phrases {
            guard let first = phrase.first, phrase.count <= bytes.count else { continue }
            var i = 0
            while i + phrase.count <= bytes.count {
                if bytes[i] == first && bytes[i..<(i + phrase.count)].elementsEqual(phrase) { return true }
                i += 1
            }
        }
        return false
    }

    /// `©` (C2 A9), found on bytes.
    static func hasCopyrightSign(_ text: String) -> Bool {
        var previous: UInt8 = 0
        for b in text.utf8 {
            if previous == 0xC2 && b == 0xA9 { return true }
            previous = b
        }
        return false
    }

    /// `6:55`, `10:43`: one or two digits, a colon, two digits.
    static func hasTime(_ text: String) -> Bool {
        let b = Array(text.utf8)
        guard b.count >= 4 else { return false }
        func digit(_ i: Int) -> Bool { i >= 0 && i < b.count && b[i] >= 0x30 && b[i] <= 0x39 }
        return b.indices.contains { i in b[i] == UInt8(ascii: ":") && digit(i - 1) && digit(i + 1) && digit(i + 2) }
    }
}
