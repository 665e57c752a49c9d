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

    static func date(dayNumber z0: Int) -> ArticleDate {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return ArticleDate(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)!
    }

    /// The first day of the period holding `date`.
    public func start(of date: ArticleDate) -> ArticleDate {
        switch self {
        case .day: return date
        case .week:
            let n = Period.dayNumber(date)
            let weekday = ((n % 7) + 7 + 3) % 7  // 0 = Monday (1970-01-01 was a Thursday)
            return Period.date(dayNumber: n - weekday)
        case .month: return ArticleDate(year: date.year, month: date.month, day: 1)!
        case .quarter: return ArticleDate(year: date.year, month: (date.month - 1) / 3 * 3 + 1, day: 1)!
        case .year: return ArticleDate(year: date.year, month: 1, day: 1)!
        }
    }

    /// The first day of the next period.
    public func next(after start: ArticleDate) -> ArticleDate {
        switch self {
        case .day: return Period.date(dayNumber: Period.dayNumber(start) + 1)
        case .week: return Period.date(dayNumber: Period.dayNumber(start) + 7)
        case .month: return start.month == 12 ? ArticleDate(year: start.year + 1, month: 1, day: 1)!
            : ArticleDate(year: start.year, month: start.month + 1, day: 1)!
        case .quarter: return start.month >= 10 ? ArticleDate(year: start.year + 1, month: 1, day: 1)!
            : ArticleDate(year: start.year, month: start.month + 3, day: 1)!
        case .year: return ArticleDate(year: start.year + 1, month: 1, day: 1)!
        }
    }

    /// The period's name: `1987-03-06`, `1987-W10`, `1987-03`, `1987-Q1`, `1987`.
    public func label(_ start: ArticleDate) -> String {
        switch self {
        case .day: return start.description
        case .week:
            // ISO week-numbering year: the year of the week's Thursday.
            let thursday = Period.date(dayNumber: Period.dayNumber(start) + 3)
            let jan1 = Period.dayNumber(ArticleDate(year: thursday.year, month: 1, day: 1)!)
            let week = (Period.dayNumber(thursday) - jan1) / 7 + 1
            return String(format: "%04d-W%02d", thursday.year, week)
        case .month: return String(format: "%04d-%02d", start.year, start.month)
        case .quarter: return "\(start.year)-Q\((start.month - 1) / 3 + 1)"
        case .year: return String(start.year)
        }
    }
}
