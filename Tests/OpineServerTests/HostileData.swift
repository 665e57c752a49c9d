import Foundation

/// A seeded source of hostile article data: the same files for the same seed, in every format
/// Opine reads, with fields at and past every edge the readers know (dates at the ends of the
/// represented years and outside them, 10,000 authors, a 5 MB paragraph, 100,000 paragraphs,
/// NUL and control characters, lone surrogates, right-to-left text, combining marks, 200-byte
/// compounds of Cyrillic, Devanagari and emoji, 10,000 nested elements, JSON-LD of the wrong
/// types).
struct HostileData {
    /// SplitMix64: small, fast, and the same sequence everywhere.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { n <= 0 ? 0 : Int(next() % UInt64(n)) }
        mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
        mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
    }

    var random: Random

    init(seed: UInt64) { random = Random(state: seed) }

    static let dates = [
        "1000-01-01", "2999-12-31", "2999-06-01", "0000-01-01", "9999-12-31", "2025-02-30", "2024-02-29", "2023-02-29",
        "1999-12-31", "September 20, 2025", "20 September 2025", "Sept. 20 2025", "26-FEB-1987", "2025/09/20",
        "19/07/2013", "07/19/2013", "03/04/2020", "2025-09-20T10:00:00Z", "2999-12-31T23:59:59+14:00", "1000-01-01T00:00:00-12:00",
        "", "yesterday", "Saturday, October 27, 1787", "2025年9月20日", "-0001-01-01", "99999-01-01", "1800-01-01", "0",
        "2025-13-01", "2025-00-10", "31 February 2024", "١٤ مارس ٢٠٢٤", "Mar 3, 999", "Dec 31, 3000",
    ]

    /// Words of many scripts and shapes, a few of them searchable English.
    static let words = [
        "CPEC", "tariffs", "corridor", "Pakistan", "China", "U.S.", "counter-terrorism", "Isis", "ISI", "NATO", "oil",
        "prices", "Müller", "café", "naïve", "Ångström", "Straße", "жизнь", "Москва", "नमस्ते", "क्षत्रिय", "مُحَمَّد", "שָׁלוֹם",
        "中文", "日本語", "한국어", "🙂", "👨‍👩‍👧‍👦", "e\u{301}\u{302}\u{303}", "\u{301}mark", "zero\u{200B}width", "soft\u{AD}hyphen",
        "١٢٣", "१२३", "1,234,567.89", "2.0", "x\u{7}bell", "tab\there", "ﬁnance", "Ⅻ", "\u{202E}reversed\u{202C}",
        "\u{FEFF}bom", "'s", "—", "…", "«quoted»", "“curly”", "a-b-c-d-e-f", "O'Brien", "l'État",
    ]

    static let compounds = [
        String(repeating: "ж", count: 60) + "-" + String(repeating: "я", count: 60),
        String(repeating: "क्ष", count: 25) + "-" + String(repeating: "त्र", count: 25),
        String(repeating: "🙂", count: 30) + "-" + String(repeating: "😀", count: 30),
        "жжжжжжжжжжжжжжжжжжжж-aжжжжжжжжжжжжжжжжжжжж",
    ]

    mutating func word() -> String {
        random.chance(4) ? random.pick(Self.compounds) : random.pick(Self.words)
    }

    mutating func sentence(_ words: Int) -> String {
        (0..<words).map { _ in word() }.joined(separator: " ") + "."
    }

    mutating func name() -> String {
        random.pick(["Javid Husain", "Ann Lee", "José Müller", "Иван Петров", "राम शर्मा", "محمد علی", "李明", "O'Brien",
                     "By Staff", "Unknown", "@handle", "a@b.c", "\u{202E}Reversed", "X" + String(repeating: "y", count: 300), ""])
    }

    mutating func date() -> String { random.pick(Self.dates) }

    /// One file: its name and bytes, of a format chosen by `n`.
    mutating func file(_ n: Int) -> (name: String, bytes: [UInt8]) {
        switch n % 5 {
        case 0: return ("t\(n).txt", Array(text().utf8))
        case 1: return ("m\(n).md", Array(markdown().utf8))
        case 2: return ("p\(n).html", Array(page().utf8))
        case 3: return ("d\(n).csv", Array(csv().utf8))
        default: return ("j\(n).jsonl", Array(jsonLines().utf8))
        }
    }

    mutating func paragraphs(_ count: Int) -> String {
        (0..<count).map { _ in sentence(3 + random.below(30)) }.joined(separator: "\n\n")
    }

    mutating func text() -> String {
        var lines = [random.chance(10) ? String(repeating: "T", count: 10_000) : sentence(4)]
        if random.chance(70) { lines.append("By " + name() + (random.chance(30) ? " and " + name() : "")) }
        if random.chance(70) { lines.append(date()) }
        return lines.joined(separator: "\n") + "\n\n" + paragraphs(1 + random.below(8))
    }

    mutating func markdown() -> String {
        let authors = (0..<(1 + random.below(4))).map { _ in name() }.joined(separator: ", ")
        return "---\ntitle: \(sentence(3))\nauthors: [\(authors)]\ndate: \(date())\noutlet: \(word())\n---\n\n# \(sentence(4))\n\n"
            + paragraphs(1 + random.below(6))
    }

    mutating func page() -> String {
        let ld = random.pick([
            #"{"@type":"NewsArticle","headline":5,"author":{"@type":"Person","name":["x",{"y":1}]},"datePublished":[]}"#,
            ##"{"@graph":[{"@id":"#a","@type":"Person","name":"Ann Lee"},{"@type":"Article","author":{"@id":"#a"},"datePublished":"2999-06-01"}]}"##,
            #"{"@type":["Article",7],"headline":{"x":"y"},"author":"\u0000","datePublished":"0000-00-00"}"#,
            #"[1,2,"three",null,{"@type":"NewsArticle","headline":"Ok&#8217;s","datePublished":"1000-01-01T00:00:00Z"}]"#,
            #"{"@type":"NewsArticle","headline":"\ud800 lone","author":[null,[],{}],"datePublished":"9999-12-31"}"#,
            "not json at all {{{",
        ])
        let nested = random.chance(15) ? 10_000 : random.below(5)
        let open = String(repeating: "<div>", count: nested), close = String(repeating: "</div>", count: nested)
        let body = (0..<(1 + random.below(6))).map { _ in "<p>\(sentence(5 + random.below(40)))</p>" }.joined()
        return """
            <html><head><title>\(sentence(4))</title><meta property="article:published_time" content="\(date())">
            <meta name="author" content="\(name())"><script type="application/ld+json">\(ld)</script></head>
            <body>\(open)<article><h1>\(sentence(4))</h1><p class="byline">By \(name())</p>\(body)</article>\(close)</body></html>
            """
    }

    static func csvField(_ s: String) -> String { "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

    mutating func csv() -> String {
        var rows = ["title,author,date,text,url"]
        for _ in 0..<(1 + random.below(6)) {
            let authors = name() + (random.chance(40) ? "; " + name() : "")
            rows.append([sentence(3), authors, date(), sentence(10) + "\n" + sentence(5), "https://example.com/\(random.below(99))"]
                .map(Self.csvField).joined(separator: ","))
        }
        if random.chance(20) { rows.append("\"unclosed,quote") }
        return rows.joined(separator: random.chance(50) ? "\r\n" : "\n") + "\n"
    }

    static func jsonString(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    mutating func jsonLines() -> String {
        var lines: [String] = []
        for _ in 0..<(1 + random.below(6)) {
            let title = random.chance(10) ? "\"\\ud800 lone surrogate \\udfff\"" : Self.jsonString(sentence(3))
            let author = random.pick([Self.jsonString(name()), "[\(Self.jsonString(name())), 7, null]", "42", "{}", "null"])
            let date = random.pick([Self.jsonString(self.date()), "20250920", "null", "[]", "true"])
            lines.append(#"{"title":\#(title),"author":\#(author),"date":\#(date),"text":\#(Self.jsonString(paragraphs(2))),"n":\#(random.below(9))}"#)
        }
        if random.chance(20) { lines.append("{not json") }
        if random.chance(10) { lines.append("{\"text\":\"nul \\u0000 inside\",\"title\":\"\\u0000\"}") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The extremes, once each: 10,000 authors, a 5 MB paragraph, 100,000 paragraphs, a 10 KB
    /// title, NUL and control bytes, a file that is not UTF-8.
    mutating func extremes() -> [(name: String, bytes: [UInt8])] {
        let authors = (0..<10_000).map { "Author \($0)" }.joined(separator: ", ")
        let huge = String(repeating: "tariffs corridor Москва 🙂 ", count: 5 * 1024 * 1024 / 36)
        let many = (0..<100_000).map { "Paragraph \($0) on CPEC." }.joined(separator: "\n\n")
        var control = Array("Control\n\nNUL \u{0} bell \u{7} escape \u{1B}[31m red \u{1}\u{2}\u{1E}\u{1F} CPEC.".utf8)
        control += [0xFF, 0xFE, 0x00, 0xC3, 0x28]
        return [
            ("x-authors.md", Array("---\ntitle: Ten thousand authors\nauthors: [\(authors)]\ndate: 2999-12-31\n---\n\nCPEC and tariffs.".utf8)),
            ("x-huge.txt", Array("A huge paragraph\n1000-01-01\n\n\(huge)".utf8)),
            ("x-many.txt", Array("Many paragraphs\nBy Ann Lee\n\n\(many)".utf8)),
            ("x-title.txt", Array((String(repeating: "Title ", count: 2_000) + "\n\nCPEC body.").utf8)),
            ("x-control.txt", control),
            ("x-latin1.txt", [0x43, 0x61, 0x66, 0xE9, 0x0A, 0x0A, 0x4D, 0xFC, 0x6C, 0x6C, 0x65, 0x72, 0x20, 0x43, 0x50, 0x45, 0x43]),
            ("x-empty.txt", []),
            ("x-nested.html", Array(("<html><body>" + String(repeating: "<div><span>", count: 10_000) + "CPEC deep"
                                     + String(repeating: "</span></div>", count: 10_000) + "</body></html>").utf8)),
        ]
    }

    /// Queries: words of the data, and the query language at its edges.
    mutating func query() -> String {
        random.pick([
            word(), word() + " " + word(), "\"" + word() + " " + word() + "\"", word() + " OR " + word(), "-" + word(), "NEAR(\(word()) \(word()), 3)",
            String(word().prefix(2)) + "*", "title:" + word(), "author:" + name(), "\"", "(", ")", "NEAR(", "NEAR(a b, 999999999)",
            "*", "a*", "-", "--", "OR", "AND NOT", String(repeating: "x ", count: 300), String(repeating: "(", count: 500),
            "title:", "author:", "\u{202E}CPEC", "🙂", "CPEC \u{1}", "\\", "'", "\"unclosed phrase", "1000-01-01", "ж*",
        ])
    }
}
