import OpineText

/// Periods named as a reader names them, for rows and charts (the ISO `label` stays the key of
/// CSV and JSON): a week by its first day ("Mar 2, 1987"), a month "Mar 1987", a quarter
/// "Q1 1987".
extension Period {
    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    static func monthName(_ month: Int) -> String {
        monthNames.indices.contains(month - 1) ? monthNames[month - 1] : String(month)
    }

    /// The period starting on `start` as a reader reads it: `Mar 6, 1987` (a day, or the week
    /// that begins that Monday), `Mar 1987`, `Q1 1987`, `1987`.
    public func readableLabel(_ start: ArticleDate) -> String {
        let axis = axisLabel(start)
        switch self {
        case .day, .week: return "\(axis.short), \(start.year)"
        case .month, .quarter: return "\(axis.short) \(start.year)"
        case .year: return axis.short
        }
    }

    /// What a chart's axis writes under the period: its short name (`Mar 2`, `Mar`, `Q1`,
    /// `1987`) and the year, which the axis shows where it changes (nil for years).
    public func axisLabel(_ start: ArticleDate) -> (short: String, year: String?) {
        switch self {
        case .day, .week: return ("\(Period.monthName(start.month)) \(start.day)", String(start.year))
        case .month: return (Period.monthName(start.month), String(start.year))
        case .quarter: return ("Q\((start.month - 1) / 3 + 1)", String(start.year))
        case .year: return (String(start.year), nil)
        }
    }

    /// The period's number on a common count (days, weeks and months since a fixed start), so
    /// that an axis labels every n-th period on round boundaries (January, April, …).
    public func ordinal(_ start: ArticleDate) -> Int {
        switch self {
        case .day: return Period.dayNumber(start)
        case .week: return (Period.dayNumber(start) + 3) / 7  // weeks since the Monday 1969-12-29
        case .month: return start.year * 12 + start.month - 1
        case .quarter: return start.year * 4 + (start.month - 1) / 3
        case .year: return start.year
        }
    }

    /// Steps (in periods) between an axis's labels, smallest first: each a round span of time.
    public var labelSteps: [Int] {
        switch self {
        case .day: return [1, 2, 7, 14, 28, 56, 91, 182, 364]
        case .week: return [1, 2, 4, 8, 13, 26, 52, 104, 260]
        case .month: return [1, 2, 3, 6, 12, 24, 60, 120]
        case .quarter: return [1, 2, 4, 8, 20, 40]
        case .year: return [1, 2, 5, 10, 20, 50, 100, 200, 500]
        }
    }
}
