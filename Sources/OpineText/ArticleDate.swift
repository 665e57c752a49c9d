/// A calendar date as op-eds print it; no time zone, no time of day.
public struct ArticleDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Always a valid day of ``years``: the fields are set only through the checked initializer
    /// (and ``firstOfMonth``), so period arithmetic never meets a February 30.
    public private(set) var year: Int
    public private(set) var month: Int
    public private(set) var day: Int

    /// The years Opine represents: an op-ed archive's, with room for a typo's century either side.
    /// A date outside them is refused where it is read (the article is indexed without one).
    public static let years = 1000...2999
    /// The first and last dates Opine represents; period arithmetic stops at them.
    public static let earliest = ArticleDate(validYear: years.lowerBound, month: 1, day: 1)
    public static let latest = ArticleDate(validYear: years.upperBound, month: 12, day: 31)

    public init?(year: Int, month: Int, day: Int) {
        guard ArticleDate.years.contains(year), (1...12).contains(month),
            (1...ArticleDate.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.init(validYear: year, month: month, day: day)
    }

    private init(validYear year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The first day of this date's month, or of the given month of its year (1...12, else
    /// this date's): always a valid date, no check to fail.
    public func firstOfMonth(_ month: Int? = nil) -> ArticleDate {
        let m = month.map { (1...12).contains($0) ? $0 : self.month } ?? self.month
        return ArticleDate(validYear: year, month: m, day: 1)
    }

    /// Parses `YYYY-MM-DD` exactly (the stored form and the `--since`/`--until` form).
    public init?(iso: String) {
        var text = iso
        guard let date = text.withUTF8({ ArticleDate(isoBytes: $0) }) else { return nil }
        self = date
    }

    /// Parses `YYYY-MM-DD` from UTF-8 bytes (a stored column read in place), as ``init(iso:)``.
    public init?(isoBytes bytes: UnsafeBufferPointer<UInt8>) {
        // Bytes and three counters, no arrays: every stored date of the index is read through
        // here when the collection figures are written.
        var fields = (0, 0, 0), widths = (0, 0, 0)
        var field = 0
        for b in bytes {
            if b == UInt8(ascii: "-") {
                field += 1
                guard field < 3 else { return nil }
            } else if b >= 0x30 && b <= 0x39 {
                let digit = Int(b - 0x30)
                switch field {
                case 0: fields.0 = fields.0 * 10 + digit; widths.0 += 1
                case 1: fields.1 = fields.1 * 10 + digit; widths.1 += 1
                default: fields.2 = fields.2 * 10 + digit; widths.2 += 1
                }
                guard widths.0 <= 4, widths.1 <= 4, widths.2 <= 4 else { return nil }
            } else {
                return nil
            }
        }
        guard field == 2, widths.0 == 4, (1...2).contains(widths.1), (1...2).contains(widths.2) else { return nil }
        self.init(year: fields.0, month: fields.1, day: fields.2)
    }

    /// The warning for a date field that holds no date Opine represents (`9999-01-01`,
    /// `2025-02-30`, `yesterday`): the article is indexed without a date.
    public static func refusal(_ value: String) -> String {
        let shown = value.unicodeScalars.count > 40 ? String(String.UnicodeScalarView(value.unicodeScalars.prefix(40))) + "…" : value
        return "date \(shown.debugDescription) is not a day of the years \(years.lowerBound)–\(years.upperBound); indexed without a date"
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        func pad(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public static func < (a: ArticleDate, b: ArticleDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

/// Finds a date in a line of text, in the forms papers print (month names of ``MonthNames``).
///
/// Accepted: `September 20, 2025`, `Sep 20, 2025`, `Sept. 20 2025`, `20 September 2025`,
/// `2025-09-20`, `26-FEB-1987`, with anything around them (`Saturday, October 27, 1787`,
/// `For the Independent Journal. Saturday, October 27, 1787`, `Published: …`), and the forms of
/// `DateFinder+Forms` (`19 de noviembre de 2019`, `2019年11月19日`).
public enum DateFinder {
    public static func find(in line: some StringProtocol) -> ArticleDate? {
        let words = split(line)
        guard !words.isEmpty else { return nil }
        for i in words.indices {
            // 2025-09-20 arrives as three numeric words with a 4-digit first.
            if let y = year(words[i]), i + 2 < words.count, words[i].count == 4,
                let m = Int(words[i + 1]), let d = Int(words[i + 2]),
                let date = ArticleDate(year: y, month: m, day: d)
            {
                return date
            }
            if let m = month(words[i]) {
                // Month Day Year
                if i + 2 < words.count, let d = day(words[i + 1]), let y = year(words[i + 2]),
                    let date = ArticleDate(year: y, month: m, day: d)
                {
                    return date
                }
                // Day Month Year
                if i >= 1, i + 1 < words.count, let d = day(words[i - 1]), let y = year(words[i + 1]),
                    let date = ArticleDate(year: y, month: m, day: d)
                {
                    return date
                }
            }
        }
        return findWithConnector(words) ?? findEastAsian(in: line)
    }

    /// Letters and digits runs (on UTF-8 bytes; header lines are short but every article has
    /// some); ordinal suffixes (`20th`) stay attached and are handled by `day`.
    static func split(_ line: some StringProtocol) -> [Substring] {
        var out: [Substring] = []
        var current: [UInt8] = []
        for b in line.utf8 {
            if (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) || (b >= 0x30 && b <= 0x39) || b >= 0x80 {
                current.append(b)
            } else if !current.isEmpty {
                out.append(Substring(String(decoding: current, as: UTF8.self)))
                current.removeAll(keepingCapacity: true)
                if out.count > 64 { return out }
            }
        }
        if !current.isEmpty { out.append(Substring(String(decoding: current, as: UTF8.self))) }
        return out
    }

    static func month(_ w: Substring) -> Int? { MonthNames.number(w) }

    static func day(_ w: Substring) -> Int? {
        var digits = w
        for suffix in ["st", "nd", "rd", "th"] where w.lowercased().hasSuffix(suffix) {
            digits = w.dropLast(2)
        }
        guard digits.count <= 2, let d = Int(digits), (1...31).contains(d) else { return nil }
        return d
    }

    static func year(_ w: Substring) -> Int? {
        guard w.count == 4, let y = Int(w), ArticleDate.years.contains(y) else { return nil }
        return y
    }
}
