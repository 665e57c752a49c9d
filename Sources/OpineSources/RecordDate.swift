import Foundation
import OpineText

/// What a dataset's date field holds: a date whatever the file's order (`2013-07-19`,
/// `July 19, 2013`, `05/05/2020`), numbers whose order the file must decide (`19/07/2013`), or
/// nothing Opine reads.
enum RecordDate: Equatable {
    case empty
    case date(ArticleDate)
    case numbers(NumericDate)
    case unreadable

    init(_ field: String?) {
        let text = (field ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty {
            self = .empty
        } else if let iso = ArticleDate(iso: String(text.prefix(10))) {
            self = .date(iso)
        } else if let numbers = NumericDate(text) {
            if let same = numbers.dateInEitherOrder { self = .date(same) } else { self = .numbers(numbers) }
        } else if let found = DateFinder.find(in: text) {
            self = .date(found)
        } else {
            self = .unreadable
        }
    }

    /// The order these numbers decide on their own (a day above 12), if any.
    var decidedOrder: DateOrder? {
        if case .numbers(let n) = self { return n.decidedOrder }
        return nil
    }

    /// The dates of a file's rows in the file's order (nil: undecided), and the rows whose
    /// dates were left out, counted for one warning each kind.
    struct Tally {
        let order: DateOrder?
        private(set) var ambiguous = 0
        private(set) var unreadable = 0
        private var firstAmbiguous: SourceWarning.DateExample?
        private var firstUnreadable: SourceWarning.DateExample?
        /// The first unreadable date is numbers the file's order makes no date of (`07/19/2013`
        /// in a dd/mm/yyyy file), not words: the warning names the order.
        private var unreadableIsNumeric = false

        init(order: DateOrder?) { self.order = order }

        /// The date of a row's field, counting it when it is left out.
        mutating func read(_ field: String?, line: Int) -> ArticleDate? {
            let value = RecordDate(field)
            switch value {
            case .empty: return nil
            case .date(let date): return date
            case .numbers(let numbers):
                if let order, let date = numbers.date(in: order) { return date }
                if order == nil, numbers.date(in: .dayFirst) != nil, numbers.date(in: .monthFirst) != nil {
                    ambiguous += 1
                    if firstAmbiguous == nil { firstAmbiguous = .init(line: line, text: field ?? "") }
                    return nil
                }
            case .unreadable: break
            }
            unreadable += 1
            if firstUnreadable == nil {
                firstUnreadable = .init(line: line, text: field ?? "")
                unreadableIsNumeric = value != .unreadable
            }
            return nil
        }

        /// One warning for each kind of date left out.
        var warnings: [SourceWarning] {
            var out: [SourceWarning] = []
            if let e = firstAmbiguous { out.append(.ambiguousDates(rows: ambiguous, example: e)) }
            if let e = firstUnreadable { out.append(.unreadableDates(rows: unreadable, example: e, order: unreadableIsNumeric ? order : nil)) }
            return out
        }
    }
}
