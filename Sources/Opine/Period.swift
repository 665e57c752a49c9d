import Foundation
import OpineText

/// A period of a trend: day, week (ISO 8601, Monday first), month, quarter or year.
public enum Period: String, Sendable, CaseIterable {
    case day, week, month, quarter, year

    /// At most this many periods in one trend: `--by day` over decades is refused, with advice.
    public static let maximumPeriods = 5000

    /// The period a span of dates is best shown by: about a dozen to a hundred points.
    public static func suited(from first: ArticleDate, to last: ArticleDate) -> Period {
        let days = Period.dayNumber(last) - Period.dayNumber(first)
        switch days {
        case ..<32: return .day
        case ..<183: return .week
        case ..<(366 * 6): return .month
        case ..<(366 * 20): return .quarter
        default: return .year
        }
    }

    /// Days since 1970-01-01 (proleptic Gregorian).
    static func dayNumber(_ d: ArticleDate) -> Int {
        // Howard Hinnant's days_from_civil.
        let y = d.month <= 2 ? d.year - 1 : d.year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let m = d.month
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d.day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// 0 for a Monday … 6 for a Sunday (1970-01-01, day 0, was a Thursday).
    static func weekday(_ dayNumber: Int) -> Int { ((dayNumber % 7) + 7 + 3) % 7 }

    /// The date of day number `z0`, held to ``ArticleDate/earliest`` … ``ArticleDate/latest``:
    /// arithmetic at the ends of what Opine represents saturates instead of failing.
    static func date(dayNumber z0: Int) -> ArticleDate {
        // Howard Hinnant's civil_from_days.
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        return ArticleDate(year: year, month: m, day: d) ?? (year < ArticleDate.years.lowerBound ? .earliest : .latest)
    }

    /// The first day of the period holding `date` (a week that began before
    /// ``ArticleDate/earliest`` starts there).
    public func start(of date: ArticleDate) -> ArticleDate {
        switch self {
        case .day: return date
        case .week:
            let n = Period.dayNumber(date)
            return Period.date(dayNumber: n - Period.weekday(n))
        case .month: return date.firstOfMonth()
        case .quarter: return date.firstOfMonth((date.month - 1) / 3 * 3 + 1)
        case .year: return date.firstOfMonth(1)
        }
    }

    /// The first day of the next period; nil when it would begin after ``ArticleDate/latest``.
    public func next(after start: ArticleDate) -> ArticleDate? {
        let following: ArticleDate?
        switch self {
        case .day, .week:
            var n = Period.dayNumber(start) + 1
            // From the week's Monday, which for the first week may lie before the earliest date.
            if self == .week { n += 6 - Period.weekday(n - 1) }
            following = n > Period.dayNumber(.latest) ? nil : Period.date(dayNumber: n)
        case .month, .quarter, .year:
            let months = self == .month ? 1 : self == .quarter ? 3 : 12
            let index = start.year * 12 + (start.month - 1) + months
            following = ArticleDate(year: index / 12, month: index % 12 + 1, day: 1)
        }
        // A week that began before the earliest date is held there; its successor is still later.
        return following.flatMap { $0 > start ? $0 : nil }
    }

    /// The last day of the period that starts at `start`.
    public func end(of start: ArticleDate) -> ArticleDate {
        guard let next = next(after: self.start(of: start)) else { return .latest }
        return Period.date(dayNumber: Period.dayNumber(next) - 1)
    }

    /// The period's name: `1987-03-06`, `1987-W10`, `1987-03`, `1987-Q1`, `1987`.
    public func label(_ start: ArticleDate) -> String {
        switch self {
        case .day: return start.description
        case .week:
            // ISO week-numbering year: the year of the week's Thursday.
            let thursday = Period.date(dayNumber: Period.dayNumber(start) + 3)
            let jan1 = Period.dayNumber(thursday.firstOfMonth(1))
            let week = (Period.dayNumber(thursday) - jan1) / 7 + 1
            return String(format: "%04d-W%02d", thursday.year, week)
        case .month: return String(format: "%04d-%02d", start.year, start.month)
        case .quarter: return "\(start.year)-Q\((start.month - 1) / 3 + 1)"
        case .year: return String(start.year)
        }
    }
}
