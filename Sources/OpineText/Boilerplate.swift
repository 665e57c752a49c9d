/// Recognizers for the parts of a page that are not the op-ed's text.
enum Boilerplate {
    /// Paragraphs after which nothing belongs to the article (site navigation).
    static let articleEnders = ["next story", "previous story", "more from opinion", "more from",
                                "related stories", "related articles", "recommended"]

    /// Lines a site adds around every article.
    static let prefixes = ["disclaimer:", "disclaimer -", "share this", "share on", "subscribe to",
                           "subscribe now", "follow us on", "follow us", "click here to", "read more:",
                           "also read:", "read also:", "copyright ©", "© copyright", "all rights reserved",
                           "sign up for", "download the app", "published in", "comments are moderated"]

    /// Openings of an author's bio.
    static let bioOpenings = ["the writer is", "the writer was", "the writers are", "the author is",
                              "the author was", "the authors are", "the columnist is", "the writer, a",
                              "the author, a"]

    /// The opening of a paragraph, lowercased, without leading decoration (`— The writer is`,
    /// `*The writer is`, `(The writer is`): at most 64 bytes. Works on the first bytes only and
    /// on bytes, not Strings: it runs on every paragraph ingested.
    static func normalized(_ text: String) -> [UInt8] {
        var copy = text
        return copy.withUTF8 { bytes in
            var out = [UInt8](repeating: 0, count: min(64, bytes.count))
            var n = 0
            var started = false
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                i += 1
                if !started {
                    // Leading punctuation: ASCII, Latin-1 (C2 xx: « · ©) and U+2000–U+2FFF (E2 xx xx:
                    // dashes, curly quotes, bullets).
                    if b == 0xC2 || b == 0xE2 {
                        i += b == 0xC2 ? 1 : 2
                        continue
                    }
                    let isAlphanumeric = (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) || (b >= 0x30 && b <= 0x39) || b >= 0x80
                    guard isAlphanumeric else { continue }
                    started = true
                }
                out[n] = b >= 0x41 && b <= 0x5A ? b | 0x20 : b
                n += 1
                if n == out.count { break }
            }
            out.removeLast(out.count - n)
            return out
        }
    }

    /// Words of a bare share line ("Share", "Tweet", "Email", or a run of them), and of the
    /// lines of galleries, players and teasers ("Caption", "Close", "Back to Gallery",
    /// "Continue Reading Below", "You may also like", "DON'T MISS").
    static let chrome: Set<String> = ["share", "tweet", "email", "print", "whatsapp", "facebook",
                                      "twitter", "linkedin", "comments", "comment", "copy", "link",
                                      // galleries, players and teasers
                                      "caption", "hide", "show", "close", "back", "to", "gallery", "advert",
                                      "advertisement", "trending", "breaking", "news", "don", "t", "miss", "you",
                                      "may", "also", "like", "these", "posts", "continue", "reading", "below",
                                      "story", "continues", "photo", "photos", "video", "image", "enlarge",
                                      "expand", "toggle", "replay", "play", "view", "more", "sponsored", "ad",
                                      "next", "previous", "prev", "slide", "of", "this", "article", "on", "the",
                                      "pinterest", "reddit", "telegram", "messenger", "sms", "save", "subscribe",
                                      "related", "explore", "further", "content", "links", "topics"]

    static let enderBytes = articleEnders.map { Array($0.utf8) }
    static let disclaimerBytes = [Array("disclaimer".utf8)]
    static let prefixBytes = prefixes.map { Array($0.utf8) }
    static let bioBytes = bioOpenings.map { Array($0.utf8) }
    static let bioPhraseBytes = bioPhrases.map { Array($0.utf8) }

    /// Byte-wise prefix test (String.hasPrefix compares by canonical equivalence, far slower).
    static func starts(_ n: [UInt8], withAnyOf list: [[UInt8]]) -> Bool {
        guard let first = n.first else { return false }
        for p in list where p[0] == first && p.count <= n.count {
            var i = 1
            while i < p.count && n[i] == p[i] { i += 1 }
            if i == p.count { return true }
        }
        return false
    }

    static func endsArticle(_ text: String) -> Bool {
        guard text.utf8.count <= 60 else { return false }
        return starts(normalized(text), withAnyOf: enderBytes)
    }

    /// A disclaimer may run to a paragraph of this many bytes; other site lines are shorter.
    static let longestDisclaimer = 800

    static func isBoilerplate(_ text: String) -> Bool {
        if text.utf8.count <= longestDisclaimer && starts(normalized(text), withAnyOf: disclaimerBytes) { return true }
        guard text.utf8.count <= 400 else { return false }  // site lines are short
        let n = normalized(text)
        if starts(n, withAnyOf: prefixBytes) || isNotice(text, opening: n) || isDateLine(text) { return true }
        if text.utf8.count <= 40 {
            // Words are runs of letters; in ASCII, runs of a–z (the opening is lowercased).
            var words: [String] = []
            if n.contains(where: { $0 >= 0x80 }) {
                words = String(decoding: n, as: UTF8.self).split(whereSeparator: { !$0.isLetter }).map(String.init)
            } else {
                var start = 0
                for i in 0...n.count where i == n.count || !(n[i] >= 0x61 && n[i] <= 0x7A) {
                    if i > start { words.append(String(decoding: n[start..<i], as: UTF8.self)) }
                    start = i + 1
                }
            }
            if !words.isEmpty && words.allSatisfy({ chrome.contains($0) }) { return true }
        }
        return false
    }

    /// Phrases only an author's bio says, wherever they stand (`… is out now. Follow him on
    /// Twitter`, `Have a tip? Ann Lee may be reached at …`).
    static let bioPhrases = ["follow him on", "follow her on", "follow them on", "you can follow", "can be reached at",
                             "may be reached at", "can be contacted at", "email him at", "email her at", "reach him at",
                             "reach her at"]

    static func isBio(_ text: String) -> Bool {
        guard text.utf8.count <= 800 else { return false }
        if starts(normalized(text), withAnyOf: bioBytes) { return true }
        return text.utf8.count <= longestNotice && contains(text, anyOf: bioPhraseBytes)
    }

    /// A photo caption ends with an agency credit after a dash: `… July 25, 2025. — Reuters`,
    /// `— AFP/File`, `– APP`. Only the last bytes are looked at: the credit is short.
    static func isCaption(_ text: String) -> Bool {
        let bytes = Array(text.utf8.suffix(48))
        guard text.utf8.count <= 800, bytes.count >= 4 else { return false }
        // The last em dash (E2 80 94) or en dash (E2 80 93).
        var dash: Int?
        var i = bytes.count - 3
        while i >= 0 {
            if bytes[i] == 0xE2 && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0x94 || bytes[i + 2] == 0x93) { dash = i; break }
            i -= 1
        }
        guard let d = dash else { return false }
        var credit = String(decoding: bytes[(d + 3)...], as: UTF8.self).trimmingSpaces()
        while credit.hasSuffix(".") { credit.removeLast() }
        let words = credit.split(separator: " ")
        guard !credit.isEmpty, credit.count <= 30, words.count <= 3, let first = credit.first, first.isUppercase else {
            return false
        }
        return credit.allSatisfy { $0.isLetter || $0 == "/" || $0 == " " || $0 == "." || $0 == "-" }
    }
}
