/// Month and weekday names as dates are printed in the languages Opine reads most (English,
/// French, German, Spanish, Portuguese, Italian, Dutch), lowercase, with their usual
/// abbreviations. A name of two languages has one number (`mar` is March in all of them).
public enum MonthNames {
    static let numbers: [String: Int] = {
        let names: [[String]] = [
            ["jan", "january", "janvier", "janv", "januar", "jän", "jänner", "enero", "ene", "janeiro", "gennaio", "gen", "januari"],
            ["feb", "february", "février", "févr", "fevrier", "februar", "febrero", "fevereiro", "fev", "febbraio", "februari"],
            ["mar", "march", "mars", "märz", "marzo", "março", "maart", "mrt"],
            ["apr", "april", "avril", "avr", "abril", "abr", "aprile"],
            ["may", "mai", "mayo", "maio", "maggio", "mag", "mei"],
            ["jun", "june", "juin", "juni", "junio", "junho", "giugno", "giu"],
            ["jul", "july", "juillet", "juil", "juli", "julio", "julho", "luglio", "lug"],
            ["aug", "august", "août", "aout", "agosto", "ago", "augustus"],
            ["sep", "sept", "september", "septembre", "septiembre", "setembro", "settembre"],
            ["oct", "october", "octobre", "oktober", "okt", "octubre", "outubro", "ottobre", "ott"],
            ["nov", "november", "novembre", "noviembre", "novembro"],
            ["dec", "december", "décembre", "déc", "dezember", "dez", "diciembre", "dic", "dezembro", "dicembre"],
        ]
        var out: [String: Int] = [:]
        for (i, list) in names.enumerated() {
            for name in list where out[name] == nil { out[name] = i + 1 }
        }
        return out
    }()

    static let weekdays: Set<String> = [
        "mon", "monday", "tue", "tues", "tuesday", "wed", "wednesday", "thu", "thur", "thurs", "thursday", "fri", "friday",
        "sat", "saturday", "sun", "sunday", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
        "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag", "lunes", "martes", "miércoles",
        "jueves", "viernes", "sábado", "domingo",
    ]

    /// The month a word names (`Sept`, `März`, `décembre` → 9, 3, 12), ignoring case.
    public static func number(_ word: some StringProtocol) -> Int? { numbers[word.lowercased()] }

    /// True for a month's or weekday's name (`Feb`, `Wednesday`).
    public static func isMonthOrWeekday(_ word: some StringProtocol) -> Bool {
        let lower = word.lowercased()
        return numbers[lower] != nil || weekdays.contains(lower)
    }
}
