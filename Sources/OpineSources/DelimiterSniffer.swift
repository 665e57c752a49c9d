/// Which character separates a CSV file's fields, found as Python's `csv.Sniffer` finds it: the
/// candidate that appears the same number of times in (nearly) every row of a sample, counted
/// outside quotes; among several, the first in ``candidates``. What a spreadsheet saves in a
/// European locale (`;`), a tab-separated export and a `|` dump read without being named.
enum DelimiterSniffer {
    /// Comma, tab, semicolon, bar: in Python's order of preference, `|` after them.
    static let candidates: [UInt8] = [0x2C, 0x09, 0x3B, 0x7C]
    /// The share of rows that must hold the delimiter's usual count, lowered from 1 in steps of
    /// 0.01 down to this (Python's `_guess_delimiter` does the same).
    static let minimumConsistency = 0.9

    /// The delimiter of a file beginning with `sample`; `isWhole`: the sample is the whole file
    /// (else its last row may be cut and is not counted). A comma when nothing decides.
    static func delimiter(in sample: [UInt8], isWhole: Bool) -> UInt8 {
        var rows = counts(sample)
        if !isWhole && rows.count > 1 { rows.removeLast() }
        guard !rows.isEmpty else { return candidates[0] }
        var scores: [(delimiter: UInt8, consistency: Double)] = []
        for (k, candidate) in candidates.enumerated() {
            let column = rows.map { $0[k] }
            let usual = mode(column)
            guard usual > 0 else { continue }
            let consistency = Double(column.filter { $0 == usual }.count) / Double(column.count)
            scores.append((candidate, consistency))
        }
        var threshold = 1.0
        while threshold >= minimumConsistency - 1e-9 {
            // Candidates are in order of preference: the first to pass wins.
            if let found = scores.first(where: { $0.consistency >= threshold - 1e-9 }) { return found.delimiter }
            threshold -= 0.01
        }
        return candidates[0]
    }

    /// For each row of `sample` (quoted line breaks inside it), how many of each candidate it
    /// holds outside quotes. Blank rows are not counted.
    static func counts(_ sample: [UInt8]) -> [[Int]] {
        var rows: [[Int]] = []
        var current = [Int](repeating: 0, count: candidates.count)
        var inQuotes = false
        var rowHasBytes = false
        for b in sample {
            if b == 0x22 {
                inQuotes.toggle()
                rowHasBytes = true
                continue
            }
            if inQuotes { continue }
            if b == 0x0A {
                if rowHasBytes { rows.append(current) }
                current = [Int](repeating: 0, count: candidates.count)
                rowHasBytes = false
                continue
            }
            if b == 0x0D { continue }
            rowHasBytes = true
            if let k = candidates.firstIndex(of: b) { current[k] += 1 }
        }
        if rowHasBytes { rows.append(current) }
        return rows
    }

    /// The commonest value (the larger on a tie).
    static func mode(_ values: [Int]) -> Int {
        var tally: [Int: Int] = [:]
        for v in values { tally[v, default: 0] += 1 }
        return tally.max { a, b in a.value != b.value ? a.value < b.value : a.key < b.key }?.key ?? 0
    }
}
