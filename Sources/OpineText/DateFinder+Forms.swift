/// Date forms beyond `Month Day Year` and `Day Month Year`: a connecting word between the parts
/// (`19 de noviembre de 2019`, `20th of September 2025`) and East Asian dates with their unit
/// characters (`2019年11月19日`, `2019년 11월 19일`).
extension DateFinder {
    /// Words between a day, its month and its year in Spanish, Portuguese, French and English.
    static let connectors: Set<String> = ["de", "del", "of", "do", "da"]

    /// `Day [connector] Month [connector] Year`, with at least one connector.
    static func findWithConnector(_ words: [Substring]) -> ArticleDate? {
        for i in words.indices {
            guard let m = month(words[i]) else { continue }
            var before = i - 1
            var after = i + 1
            let joined = before >= 1 && connectors.contains(words[before].lowercased())
            if joined { before -= 1 }
            let joinedAfter = after < words.count && connectors.contains(words[after].lowercased())
            if joinedAfter { after += 1 }
            guard joined || joinedAfter, before >= 0, after < words.count,
                let d = day(words[before]), let y = year(words[after]),
                let date = ArticleDate(year: y, month: m, day: d)
            else { continue }
            return date
        }
        return nil
    }

    /// A year, a month and a day each followed by its unit (年月日, 년월일), spaces allowed
    /// between a number and its unit and between the parts; digits ASCII or full-width.
    static func findEastAsian(in line: some StringProtocol) -> ArticleDate? {
        var parts: [Int] = []
        var current: Int?
        var spaced = false
        for scalar in line.unicodeScalars {
            if scalar == " " {
                spaced = true
                continue
            }
            defer { spaced = false }
            if scalar.properties.numericType == .decimal, let value = scalar.properties.numericValue {
                let previous = spaced ? 0 : (current ?? 0)
                current = previous * 10 + Int(value)
                if previous > 999 { return nil }
                continue
            }
            if let unit = eastAsianUnits[scalar], let n = current, unit == parts.count {
                parts.append(n)
                current = nil
                if parts.count == 3 { return ArticleDate(year: parts[0], month: parts[1], day: parts[2]) }
                continue
            }
            parts.removeAll()
            current = nil
        }
        return nil
    }

    /// `08/01/2014`, `8.1.2014`, `08-01-2014` anywhere in a line: day and month in the order
    /// given (`dayFirst`), unless one of them is above 12 and so can only be the day
    /// (``NumericDate``, the one reading of dates written as numbers).
    public static func findNumeric(in line: some StringProtocol, dayFirst: Bool) -> ArticleDate? {
        for n in NumericDate.all(in: line) {
            if let date = n.date(in: n.decidedOrder ?? (dayFirst ? .dayFirst : .monthFirst)) { return date }
        }
        return nil
    }

    /// The unit characters of a year (0), a month (1) and a day (2).
    static let eastAsianUnits: [Unicode.Scalar: Int] = ["年": 0, "月": 1, "日": 2, "년": 0, "월": 1, "일": 2]
}
