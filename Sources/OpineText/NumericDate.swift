/// Which number comes first in a date written as numbers (`19/07/2013`, `07/19/2013`): the day,
/// as most of the world writes it, or the month, as the United States does.
public enum DateOrder: String, Sendable, CaseIterable {
    case dayFirst = "dd/mm/yyyy"
    case monthFirst = "mm/dd/yyyy"
}

/// A date written as three numbers, day and month in an order the text alone may not tell:
/// `19/07/2013`, `7/19/2013`, `19.07.2013`, `19-07-2013`, with a time after it or not
/// (`19/07/2013 14:30`). The year has four digits (`19/07/13` could as well be 2019-07-13).
public struct NumericDate: Hashable, Sendable {
    public var first: Int
    public var second: Int
    public var year: Int

    /// The three numbers of `text` (spaces around it allowed), or nil when it is not written so.
    public init?(_ text: some StringProtocol) {
        var numbers: [Int] = []
        var widths: [Int] = []
        var separator: UInt8?
        var rest = Substring(text).drop { $0 == " " }.utf8[...]
        while true {
            let digits = rest.prefix { $0 >= 0x30 && $0 <= 0x39 }
            guard !digits.isEmpty, digits.count <= 4 else { return nil }
            numbers.append(digits.reduce(0) { $0 * 10 + Int($1 - 0x30) })
            widths.append(digits.count)
            rest = rest.dropFirst(digits.count)
            if numbers.count == 3 { break }
            // The same separator twice: `/`, `.` or `-`.
            guard let s = rest.first, s == UInt8(ascii: "/") || s == UInt8(ascii: ".") || s == UInt8(ascii: "-"),
                separator == nil || separator == s
            else { return nil }
            separator = s
            rest = rest.dropFirst()
        }
        // After the year: nothing, or a time (a space or `T` first).
        if let next = rest.first, next != 0x20, next != UInt8(ascii: "T") { return nil }
        guard widths[0] <= 2, widths[1] <= 2, widths[2] == 4 else { return nil }
        first = numbers[0]
        second = numbers[1]
        year = numbers[2]
    }

    /// The date when its numbers are read in `order`; nil when they make no date so.
    public func date(in order: DateOrder) -> ArticleDate? {
        switch order {
        case .dayFirst: ArticleDate(year: year, month: second, day: first)
        case .monthFirst: ArticleDate(year: year, month: first, day: second)
        }
    }

    /// The order this date's numbers decide on their own: a number above 12 is the day. Nil when
    /// both orders make a date (`03/04/2020`) or neither does.
    public var decidedOrder: DateOrder? {
        switch (date(in: .dayFirst), date(in: .monthFirst)) {
        case (.some, nil): .dayFirst
        case (nil, .some): .monthFirst
        default: nil
        }
    }

    /// The date it is whatever the order: both orders give the same one (`05/05/2020`).
    public var dateInEitherOrder: ArticleDate? {
        let a = date(in: .dayFirst)
        return a == date(in: .monthFirst) ? a : nil
    }

    init(first: Int, second: Int, year: Int) {
        (self.first, self.second, self.year) = (first, second, year)
    }

    /// Every date written as numbers inside `line`, in order: runs of one or two digits, the
    /// same separator (`/`, `.`, `-`) twice, four digits; what surrounds them does not matter
    /// (`Palma de Mallorca | 08/01/2014`, `28-09-2020 10:43`).
    public static func all(in line: some StringProtocol) -> [NumericDate] {
        // Runs of ASCII digits and the one character after each (nil at the end).
        var runs: [(digits: [UInt8], next: UInt8?)] = []
        var digits: [UInt8] = []
        for b in line.utf8 {
            if b >= 0x30 && b <= 0x39 {
                digits.append(b)
            } else if !digits.isEmpty {
                runs.append((digits, b))
                digits = []
            }
        }
        if !digits.isEmpty { runs.append((digits, nil)) }
        var found: [NumericDate] = []
        for i in runs.indices.dropLast(2) {
            let (a, b, y) = (runs[i], runs[i + 1], runs[i + 2])
            guard let separator = a.next, [UInt8(ascii: "/"), UInt8(ascii: "."), UInt8(ascii: "-")].contains(separator),
                b.next == separator, (1...2).contains(a.digits.count), (1...2).contains(b.digits.count), y.digits.count == 4
            else { continue }
            func value(_ d: [UInt8]) -> Int { d.reduce(0) { $0 * 10 + Int($1 - 0x30) } }
            found.append(NumericDate(first: value(a.digits), second: value(b.digits), year: value(y.digits)))
        }
        return found
    }
}
