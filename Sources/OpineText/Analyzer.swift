/// Opine's analyzer: UTF-8 bytes in, terms with byte ranges and positions out.
///
/// One pass over the bytes finds raw words (letters and digits joined by in-word apostrophes,
/// decimal points, thousands separators and the dots of `U.S.`, with soft hyphens, zero-width
/// characters and combining accents skipped); a second pass over those words decides, with one
/// word of context either side, what each one means: an acronym (`US`, `U.S.`, `MOUs`), a
/// shouted word in an all-caps headline, a part of a hyphenated compound, or a plain word.
///
/// Policy, written down because it decides what can ever be found:
/// - **Case**: words are lowercased; acronyms keep an uppercase term so that the query `US`
///   does not match the pronoun "us". In documents an acronym also carries its lowercase form
///   colocated, so the lowercase query `us` (or `cpec`) matches both.
/// - **Shouting**: three or more all-caps words in a row, or two when one has five letters or
///   more, are shouted text (a headline), not acronyms, and so is every all-caps word of a text
///   that is at least half all-caps; short shouted words still carry the
///   acronym form colocated, so `US` in "PAKISTAN AND US SIGN DEAL" stays findable.
/// - **House styles**: the Guardian and Dawn write Nato and Isis where Reuters writes NATO and
///   ISIS. In documents a capitalized word of 4 letters inside a sentence (not its first word,
///   not after another capitalized word, as in a title-case headline) also carries its
///   all-caps form colocated, so the query `NATO` finds "Nato" (and `nato` finds both, as
///   before). Two- and three-letter words never do: "It", "Is", "Us" stay words.
/// - **Accents** are folded (`Café` → `cafe`, `Müller` → `muller`, `ß` → `ss`); other scripts
///   are lowercased and kept; Han and kana characters are one token each.
/// - **Possessives**: `'s`/`’s` is dropped; a trailing `s’` is left to the stemmer.
/// - **Compounds**: `counter-terrorism` gives `counter`, `terror`, and `counterterror`
///   colocated with `counter`; en and em dashes separate words.
/// - **Numbers**: `19%` → `19`, `2.0` and `5.93` stay whole, `155,221` → `155221`.
/// - **Stop words are indexed**: phrases such as "the right side of history" must match, and
///   BM25's IDF already gives them almost no weight.
/// - Terms longer than ``maximumTermBytes`` are truncated at a scalar boundary; invalid UTF-8
///   and NUL bytes are separators.
public struct Analyzer: Sendable {
    /// The tokenizer's name, as registered with FTS5 and recorded in the index.
    public static let name = "opine"
    /// Bumped whenever a change alters any term; an index records it and is rebuilt on mismatch.
    public static let version = 4
    /// FTS5's porter stops at 64 bytes too (`FTS5_PORTER_MAX_TOKEN`); longer strings are URLs,
    /// hashes or junk. They are truncated, not dropped, so a prefix query still finds them.
    public static let maximumTermBytes = 64
    /// A compound joins at most this many parts (`state-of-the-art` has four).
    static let maximumCompoundParts = 4

    public init() {}

    /// Analyzes `text`, calling `sink` once per token in order. Return `false` from `sink` to stop.
    ///
    /// - Complexity: O(n) in the byte count; allocates two buffers per call, none per token.
    /// - Parameter cache: a stem cache to reuse across calls (the FTS5 adapter keeps one);
    ///   it never changes the result.
    public func analyze(
        _ text: UnsafeBufferPointer<UInt8>, mode: AnalysisMode, cache: StemCache? = nil, sink: (TermEmission) -> Bool
    ) {
        var scanner = WordScanner(text: text)
        scanner.scan()
        var emitter = Emitter(scanner: scanner, mode: mode, cache: cache)
        emitter.emit(sink)
    }

    /// Convenience for tests, tools and `opine analyze`: the whole token stream as values.
    public func tokens(_ text: String, mode: AnalysisMode = .document) -> [Token] {
        var copy = text
        return copy.withUTF8 { buffer in
            var out: [Token] = []
            var position = -1
            analyze(buffer, mode: mode) { emission in
                if !emission.isColocated { position += 1 }
                out.append(Token(
                    term: String(decoding: emission.term, as: UTF8.self),
                    range: emission.range, position: max(position, 0),
                    isColocated: emission.isColocated))
                return true
            }
            return out
        }
    }

    /// The terms of `text`, in order, without alternatives.
    public func terms(_ text: String, mode: AnalysisMode = .query) -> [String] {
        tokens(text, mode: mode).filter { !$0.isColocated }.map(\.term)
    }
}

/// A raw word found by the scanner, before its meaning is decided.
struct RawWord {
    // Offsets are stored as 32 bits (passages are far below 2 GB; FTS5 offsets are C ints):
    // the struct halves to 32 bytes, and the scanner appends one per word.
    private var s: Int32
    private var e: Int32
    private var fs: Int32
    private var fe: Int32
    private var u: Int32 = 0
    private var l: Int32 = 0
    private var d: Int32 = 0
    var nonASCII = false
    var dotted = false
    var cjk = false
    /// True when a hyphen joins this word to the next one.
    var hyphenToNext = false

    init(start: Int, end: Int, foldStart: Int, foldEnd: Int) {
        s = Int32(truncatingIfNeeded: start)
        e = Int32(truncatingIfNeeded: end)
        fs = Int32(truncatingIfNeeded: foldStart)
        fe = Int32(truncatingIfNeeded: foldEnd)
    }

    var start: Int { get { Int(s) } set { s = Int32(truncatingIfNeeded: newValue) } }
    var end: Int { get { Int(e) } set { e = Int32(truncatingIfNeeded: newValue) } }
    /// Range of the folded (lowercased, accent-free) bytes in the scanner's scratch buffer.
    var foldStart: Int { get { Int(fs) } set { fs = Int32(truncatingIfNeeded: newValue) } }
    var foldEnd: Int { get { Int(fe) } set { fe = Int32(truncatingIfNeeded: newValue) } }
    var upper: Int { get { Int(u) } set { u = Int32(truncatingIfNeeded: newValue) } }
    var lower: Int { get { Int(l) } set { l = Int32(truncatingIfNeeded: newValue) } }
    var digits: Int { get { Int(d) } set { d = Int32(truncatingIfNeeded: newValue) } }

    var letters: Int { upper + lower }
    var isAlphabetic: Bool { digits == 0 && (letters > 0 || nonASCII) }
    /// All-caps ASCII word of two letters or more (`US`, `CPEC`, `THE`).
    var isCaps: Bool { !nonASCII && !dotted && u >= 2 && l == 0 }
}

/// First pass: bytes → raw words with folded text. Non-copyable: it owns its fold buffer.
struct WordScanner: ~Copyable {
    let text: UnsafeBufferPointer<UInt8>
    var words: [RawWord] = []
    /// Folded bytes of every word; freed with the scanner.
    var fold: ByteBuffer

    init(text: UnsafeBufferPointer<UInt8>) {
        self.text = text
        words.reserveCapacity(text.count / 6 + 1)
        fold = ByteBuffer(capacity: text.count + 16)
    }

    /// ASCII letters and digits: the common case, tested without decoding or table lookups.
    @inline(__always)
    static func isASCIIAlphanumeric(_ b: UInt8) -> Bool {
        let lower = b | 0x20
        return (lower >= 0x61 && lower <= 0x7A) || (b >= 0x30 && b <= 0x39)
    }

    mutating func scan() {
        var i = 0
        let n = text.count
        while i < n {
            let b = text[i]
            if b < 0x80 {
                if WordScanner.isASCIIAlphanumeric(b) {
                    i = scanWord(from: i)
                } else {
                    i += 1
                }
                continue
            }
            let (scalar, length) = decode(at: i)
            switch classify(scalar) {
            case .letter, .digit:
                i = scanWord(from: i)
            case .cjk:
                var word = RawWord(start: i, end: i + length, foldStart: fold.count, foldEnd: 0)
                fold.append(contentsOf: text[i..<(i + length)])
                word.foldEnd = fold.count
                word.nonASCII = true
                word.cjk = true
                words.append(word)
                i += length
            default:
                i += length
            }
        }
    }

    /// Decodes the scalar at `i`; invalid UTF-8 yields `nil` and a length of 1.
    func decode(at i: Int) -> (UInt32?, Int) {
        let b0 = text[i]
        if b0 < 0x80 { return (UInt32(b0), 1) }
        let n = text.count
        func cont(_ j: Int) -> UInt32? {
            guard j < n else { return nil }
            let b = text[j]
            return b & 0xC0 == 0x80 ? UInt32(b & 0x3F) : nil
        }
        if b0 & 0xE0 == 0xC0, b0 >= 0xC2, let c1 = cont(i + 1) {
            return ((UInt32(b0 & 0x1F) << 6) | c1, 2)
        }
        if b0 & 0xF0 == 0xE0, let c1 = cont(i + 1), let c2 = cont(i + 2) {
            let v = (UInt32(b0 & 0x0F) << 12) | (c1 << 6) | c2
            if v >= 0x800 && !(0xD800...0xDFFF).contains(v) { return (v, 3) }
        }
        if b0 & 0xF8 == 0xF0, let c1 = cont(i + 1), let c2 = cont(i + 2), let c3 = cont(i + 3) {
            let v = (UInt32(b0 & 0x07) << 18) | (c1 << 12) | (c2 << 6) | c3
            if v >= 0x10000 && v <= 0x10FFFF { return (v, 4) }
        }
        return (nil, 1)
    }

    func classify(_ scalar: UInt32?) -> CharClass {
        guard let v = scalar else { return .separator }
        return CharClass.of(v)
    }

    func isWordChar(at i: Int) -> Bool {
        guard i < text.count else { return false }
        let c = classify(decode(at: i).0)
        return c == .letter || c == .digit
    }

    func isDigit(at i: Int) -> Bool {
        i < text.count && text[i] >= 0x30 && text[i] <= 0x39
    }

    func isASCIILetter(at i: Int) -> Bool {
        guard i < text.count else { return false }
        let b = text[i] | 0x20
        return b >= 0x61 && b <= 0x7A
    }

    /// Where a word scan is: the byte index and what the current segment (since the word's
    /// start or its last acronym dot) holds.
    struct Cursor {
        var i: Int
        /// Letters since the word start or the last acronym dot.
        var segmentLetters = 0
        /// Digits or non-ASCII in the current segment.
        var segmentOther = false
        var lastWasDigit = false
    }

    /// Scans one raw word starting at `start` (a letter or digit); returns the index after it.
    mutating func scanWord(from start: Int) -> Int {
        var word = RawWord(start: start, end: start, foldStart: fold.count, foldEnd: 0)
        var cursor = Cursor(i: start)
        let n = text.count
        while cursor.i < n {
            scanASCIIRun(&cursor, &word)
            guard cursor.i < n else { break }
            let byte = text[cursor.i]
            if byte < 0x80 && byte != 0x27 && byte != 0x2E && byte != 0x2C && byte != 0x2D { break }
            guard scanOther(&cursor, &word) else { break }
        }
        finish(&word, at: cursor.i)
        return max(cursor.i, start + 1)
    }

    /// ASCII letters and digits without decoding (most bytes of most text), with the counters
    /// and the fold cursor in locals so that they stay in registers.
    @inline(__always)
    mutating func scanASCIIRun(_ cursor: inout Cursor, _ word: inout RawWord) {
        let n = text.count
        guard let src = text.baseAddress else { return }  // called with bytes left: never empty
        var i = cursor.i
        fold.ensureCapacity(fold.count + (n - i) + 8)
        let out = fold.base
        var at = fold.count
        var upper = 0
        var lower = 0
        var digits = 0
        while i < n {
            let byte = src[i]
            let folded = byte | 0x20
            if folded >= 0x61 && folded <= 0x7A {
                if byte < 0x61 { upper += 1 } else { lower += 1 }
                out[at] = folded
            } else if byte >= 0x30 && byte <= 0x39 {
                digits += 1
                out[at] = byte
            } else {
                break
            }
            at += 1
            i += 1
        }
        fold.count = at
        cursor.i = i
        guard upper + lower + digits > 0 else { return }
        word.upper += upper
        word.lower += lower
        word.digits += digits
        cursor.segmentLetters += upper + lower
        if digits > 0 { cursor.segmentOther = true }
        cursor.lastWasDigit = i > 0 && src[i - 1] >= 0x30 && src[i - 1] <= 0x39
    }

    /// One character that is not an ASCII letter or digit: a letter or digit of another
    /// script, an ignorable mark, or punctuation that may continue the word. False ends it.
    @inline(__always)
    mutating func scanOther(_ c: inout Cursor, _ word: inout RawWord) -> Bool {
        let (scalar, length) = decode(at: c.i)
        switch classify(scalar) {
        case .letter:
            // A scalar that did not decode is classified a separator: a letter always has one.
            guard let v = scalar else { return false }
            if v < 0x80 {
                let b = UInt8(v)
                if b >= 0x41 && b <= 0x5A {
                    word.upper += 1
                    fold.append(b | 0x20)
                } else {
                    word.lower += 1
                    fold.append(b)
                }
                c.segmentLetters += 1
            } else {
                word.nonASCII = true
                c.segmentOther = true
                Folding.appendFolded(v, to: &fold, word: &word)
            }
            c.lastWasDigit = false
            c.i += length
        case .digit:
            word.digits += 1
            // Digits of other scripts (١٢٣, ४२) fold to ASCII, as Lucene's DecimalDigitFilter
            // does: only their first byte was kept, a term of invalid UTF-8.
            fold.append(length == 1 ? text[c.i] : Folding.asciiDigit(scalar))
            c.segmentOther = true
            c.lastWasDigit = true
            c.i += length
        case .ignorable:
            c.i += length
        case .apostrophe:
            return scanApostrophe(&c, word, length: length)
        case .dot:
            return scanDot(&c, &word)
        case .comma:
            // A thousands separator (`1,000`) stays inside a number.
            guard c.lastWasDigit && isDigit(at: c.i + 1) && isDigit(at: c.i + 2) && isDigit(at: c.i + 3)
                && !isDigit(at: c.i + 4) else { return false }
            c.i += 1
        default:
            return false
        }
        return true
    }

    /// `Pakistan's` → pakistan (the `'s` is inside the token's range, not its term);
    /// `don't`, `O'Brien` → dont, obrien.
    @inline(__always)
    func scanApostrophe(_ c: inout Cursor, _ word: RawWord, length: Int) -> Bool {
        let next = c.i + length
        guard word.letters > 0 || word.nonASCII, isWordChar(at: next) else { return false }
        if text[next] | 0x20 == UInt8(ascii: "s") && !isWordChar(at: next + 1) {
            c.i = next + 1
            return false
        }
        c.i = next
        return true
    }

    /// A decimal point (`2.5`), an acronym's dot (`U.S.`), or the end of the word.
    @inline(__always)
    mutating func scanDot(_ c: inout Cursor, _ word: inout RawWord) -> Bool {
        let n = text.count
        if c.lastWasDigit && isDigit(at: c.i + 1) {
            fold.append(UInt8(ascii: "."))
            c.i += 1
            c.lastWasDigit = false
            return true
        }
        if c.segmentLetters == 1 && !c.segmentOther && isASCIILetter(at: c.i + 1)
            && (c.i + 2 >= n || text[c.i + 2] == UInt8(ascii: ".") || !isWordChar(at: c.i + 2))
        {
            word.dotted = true
            c.segmentLetters = 0
            c.i += 1
            return true
        }
        if word.dotted && c.segmentLetters == 1 && !c.segmentOther { c.i += 1 }  // `U.S.` keeps its last dot
        return false
    }

    /// Ends the word at `i`: notes a hyphen joining it to the next word, and keeps it when it
    /// folded to something.
    @inline(__always)
    mutating func finish(_ word: inout RawWord, at i: Int) {
        let n = text.count
        word.end = i
        word.foldEnd = fold.count
        if i < n {
            // `-`, or U+2010/U+2011 (E2 80 90/91); checked on bytes, since every word ends here.
            let b = text[i]
            var after = -1
            if b == 0x2D {
                after = i + 1
            } else if b == 0xE2 && i + 2 < n && text[i + 1] == 0x80 && (text[i + 2] == 0x90 || text[i + 2] == 0x91) {
                after = i + 3
            }
            if after > 0 && isWordChar(at: after) { word.hyphenToNext = true }
        }
        if word.foldEnd > word.foldStart {
            words.append(word)
        } else {
            fold.count = word.foldStart
        }
    }
}

/// Second pass: raw words → tokens, with one word of context. Non-copyable: it owns the
/// scanner it consumed and its term buffer, freed with it.
struct Emitter: ~Copyable {
    let scanner: WordScanner
    let mode: AnalysisMode
    /// Words written in a house style of acronyms (document mode), by index.
    var houseStyle: [Bool] = []
    /// The term being emitted; reused for every token, freed by `deinit`.
    let buffer: UnsafeMutablePointer<UInt8> = .allocate(capacity: Analyzer.maximumTermBytes * 2 + 8)

    let cache: StemCache?

    init(scanner: consuming WordScanner, mode: AnalysisMode, cache: StemCache? = nil) {
        self.scanner = scanner
        self.mode = mode
        self.cache = cache
    }

    func stemmed(_ count: Int) -> Int {
        if let cache { return cache.stem(buffer, count: count) }
        return PorterStemmer.stem(buffer, count: count)
    }

    deinit { buffer.deallocate() }

    /// Shouting: a run of all-caps words of length ≥ 3, or 2 when one has ≥ 5 letters.
    static let shoutedRunLength = 3
    static let shoutedLongWord = 5
    /// Shouted words this short also keep their acronym form (`US` in an all-caps headline).
    static let shoutedAcronymMaximum = 5

    func shoutedFlags() -> [Bool] {
        let words = scanner.words
        return Emitter.shoutedFlags(count: words.count, isCaps: { words[$0].isCaps }, letters: { words[$0].letters })
    }

    /// Text whose words are at least this share all-caps is shouted throughout (TIME's 1963
    /// archive, telegrams, all-caps queries): there, a two-word run such as `VIET NAM` is not a
    /// pair of acronyms either.
    static let shoutedTextShare = 0.5

    /// The shouting rule over a sequence of words given as (is all-caps, letter count).
    static func shoutedFlags(_ words: [(isCaps: Bool, letters: Int)]) -> [Bool] {
        shoutedFlags(count: words.count, isCaps: { words[$0].isCaps }, letters: { words[$0].letters })
    }

    static func shoutedFlags(count: Int, isCaps: (Int) -> Bool, letters: (Int) -> Int) -> [Bool] {
        var caps = 0
        for i in 0..<count where isCaps(i) { caps += 1 }
        var flags = Array(repeating: false, count: count)
        guard caps > 0 else { return flags }
        if caps >= Emitter.shoutedRunLength && Double(caps) >= Double(count) * Emitter.shoutedTextShare {
            for i in 0..<count { flags[i] = isCaps(i) }
            return flags
        }
        var i = 0
        while i < count {
            guard isCaps(i) else { i += 1; continue }
            var j = i
            var longest = 0
            while j < count && isCaps(j) {
                longest = max(longest, letters(j))
                j += 1
            }
            let run = j - i
            if run >= Emitter.shoutedRunLength || (run == 2 && longest >= Emitter.shoutedLongWord) {
                for k in i..<j { flags[k] = true }
            }
            i = j
        }
        return flags
    }

    mutating func emit(_ sink: (TermEmission) -> Bool) {
        let words = scanner.words
        let shouted = shoutedFlags()
        houseStyle = mode == .document ? houseStyleAcronyms() : []
        var index = 0
        while index < words.count {
            // A hyphenated chain: words[index...chainEnd].
            var chainEnd = index
            while chainEnd < words.count - 1 && words[chainEnd].hyphenToNext
                && chainEnd - index < Analyzer.maximumCompoundParts - 1
            {
                chainEnd += 1
            }
            var joinedIsUseful = chainEnd > index && mode == .document
            if joinedIsUseful {
                for k in index...chainEnd where !words[k].isAlphabetic || acronymForm(words[k], shouted: shouted[k]) != nil {
                    joinedIsUseful = false
                }
            }
            for k in index...chainEnd {
                guard emitWord(words[k], shouted: shouted[k], sink) else { return }
                if !houseStyle.isEmpty && houseStyle[k] {
                    let count = writeUpper(words[k], dropLast: false)
                    guard send(count, words[k].start..<words[k].end, colocated: true, sink) else { return }
                }
                if k == index && joinedIsUseful {
                    guard emitJoined(words[index...chainEnd], sink) else { return }
                }
            }
            index = chainEnd + 1
        }
    }

    /// Letters of a word written in a house style of acronyms (`Nato`, `Isis`, `Opec`, `Nasa`):
    /// four; longer capitalized words are names and common words far more often (`System`
    /// inside a sentence is not SYSTEM R), which lowered nDCG@10 on CACM.
    static let houseStyleLetters = 4...4

    /// For each word, whether it is an acronym in a house style: capitalized, 4 ASCII letters,
    /// inside a sentence, not part of a hyphenated compound, and not in a run of capitalized
    /// words (a title-case headline, a name like "São Paulo"), though it may follow a
    /// sentence-initial function word ("The Nato summit").
    func houseStyleAcronyms() -> [Bool] {
        let words = scanner.words
        var out = [Bool](repeating: false, count: words.count)
        func capitalized(_ k: Int) -> Bool { k < words.count && words[k].upper > 0 && isUpperASCII(scanner.text[words[k].start]) }
        func startsSentence(_ k: Int) -> Bool { k == 0 || endsSentence(between: words[k - 1].end, and: words[k].start) }
        for k in words.indices.dropFirst() {
            let w = words[k]
            guard w.upper == 1, w.digits == 0, !w.nonASCII, !w.dotted, !w.cjk, !w.hyphenToNext, !words[k - 1].hyphenToNext,
                Emitter.houseStyleLetters.contains(w.letters), isUpperASCII(scanner.text[w.start]), !startsSentence(k)
            else { continue }
            let joinedToPrevious = !separates(between: words[k - 1].end, and: w.start)
            if joinedToPrevious && capitalized(k - 1) && (!startsSentence(k - 1) || capitalized(k + 1) || !isFunctionWord(k - 1)) {
                continue
            }
            out[k] = true
        }
        return out
    }

    func isUpperASCII(_ b: UInt8) -> Bool { b >= 0x41 && b <= 0x5A }

    /// Words that begin sentences before a name or an acronym ("The Nato summit", "In Nato's
    /// view"), folded.
    static let functionWords: Set<[UInt8]> = Set([
        "the", "a", "an", "in", "on", "at", "for", "but", "and", "as", "by", "with", "from", "to", "of", "if", "when",
        "while", "after", "before", "since", "yet", "so", "or", "this", "that", "these", "those", "its", "his", "her",
        "their", "our", "my", "your", "under", "within", "without", "across", "against", "between", "both", "neither",
    ].map { Array($0.utf8) })

    func isFunctionWord(_ k: Int) -> Bool {
        let w = scanner.words[k]
        guard w.foldEnd - w.foldStart <= 8 else { return false }
        return Emitter.functionWords.contains((w.foldStart..<w.foldEnd).map { scanner.fold[$0] })
    }

    /// True when the text between two words opens a parenthesis or holds a comma, semicolon or
    /// dash: "Islamic State (Isis)" is not a run of capitalized words.
    func separates(between end: Int, and start: Int) -> Bool {
        var i = end
        while i < start {
            let b = scanner.text[i]
            if b == 0x28 || b == 0x2C || b == 0x3B || b == 0x2D || b == 0xE2 { return true }
            i += 1
        }
        return false
    }

    /// True when the text between two words holds a sentence end or a line break.
    func endsSentence(between end: Int, and start: Int) -> Bool {
        var i = end
        while i < start {
            let b = scanner.text[i]
            if b == 0x2E || b == 0x21 || b == 0x3F || b == 0x3A || b == 0x0A || b == 0x22 { return true }
            i += 1
        }
        return false
    }

    enum Acronym { case plain, plural }

    /// Whether the word is an acronym (`US`, `U.S.`, `G20`, `MOUs`) outside shouted text.
    func acronymForm(_ w: RawWord, shouted: Bool) -> Acronym? {
        if w.nonASCII || w.cjk || shouted { return nil }
        if w.dotted { return w.upper >= 2 && w.lower == 0 ? .plain : nil }
        if w.lower == 0 && (w.upper >= 2 || (w.upper >= 1 && w.digits >= 1)) { return .plain }
        if w.upper >= 2 && w.lower == 1 && w.digits == 0
            && scanner.fold[w.foldEnd - 1] == UInt8(ascii: "s") && w.foldEnd - w.foldStart == w.letters
        {
            // `MOUs`: the only lowercase letter is the final s.
            return .plural
        }
        return nil
    }

    mutating func emitWord(_ w: RawWord, shouted: Bool, _ sink: (TermEmission) -> Bool) -> Bool {
        let range = w.start..<w.end
        if let acronym = acronymForm(w, shouted: shouted) {
            let count = writeUpper(w, dropLast: acronym == .plural)
            guard send(count, range, colocated: false, sink) else { return false }
            if mode == .document {
                let lowerCount = writeLower(w, stem: true)
                return send(lowerCount, range, colocated: true, sink)
            }
            return true
        }
        let lowerCount = writeLower(w, stem: mode != .prefix)
        guard send(lowerCount, range, colocated: false, sink) else { return false }
        if shouted && mode == .document && w.letters <= Emitter.shoutedAcronymMaximum {
            let count = writeUpper(w, dropLast: false)
            return send(count, range, colocated: true, sink)
        }
        return true
    }

    /// The parts of a compound joined into one colocated term, cut at a scalar boundary when
    /// longer than ``Analyzer/maximumTermBytes`` (a 64-byte cut inside a Cyrillic letter once
    /// emitted U+FFFD).
    mutating func emitJoined(_ parts: ArraySlice<RawWord>, _ sink: (TermEmission) -> Bool) -> Bool {
        guard let first = parts.first, let last = parts.last else { return true }
        var count = 0
        joining: for w in parts {
            var k = w.foldStart
            while k < w.foldEnd {
                // The folded text is valid UTF-8: a lead byte says its scalar's length.
                let length = Emitter.scalarLength(lead: scanner.fold[k])
                guard count + length <= Analyzer.maximumTermBytes, k + length <= w.foldEnd else { break joining }
                for j in 0..<length { buffer[count + j] = scanner.fold[k + j] }
                count += length
                k += length
            }
        }
        count = stemIfASCII(count)
        return send(count, first.start..<last.end, colocated: true, sink)
    }

    /// Bytes of the UTF-8 scalar that `lead` begins (1 for a stray continuation byte, so a
    /// walk always advances).
    static func scalarLength(lead: UInt8) -> Int {
        switch lead {
        case 0xF0...: return 4
        case 0xE0...: return 3
        case 0xC0...: return 2
        default: return 1
        }
    }

    /// Writes the uppercase ASCII form (letters and digits only; dots dropped).
    mutating func writeUpper(_ w: RawWord, dropLast: Bool) -> Int {
        var count = 0
        var end = w.foldEnd
        if dropLast { end -= 1 }
        for k in w.foldStart..<end where count < Analyzer.maximumTermBytes {
            let b = scanner.fold[k]
            buffer[count] = (b >= 0x61 && b <= 0x7A) ? b - 0x20 : b
            count += 1
        }
        return count
    }

    mutating func writeLower(_ w: RawWord, stem: Bool) -> Int {
        var count = w.foldEnd - w.foldStart
        if count > Analyzer.maximumTermBytes {
            // Truncate at a scalar boundary.
            count = Analyzer.maximumTermBytes
            while count > 0 && scanner.fold[w.foldStart + count] & 0xC0 == 0x80 { count -= 1 }
        }
        for k in 0..<count { buffer[k] = scanner.fold[w.foldStart + k] }
        guard stem && !w.cjk else { return count }
        // Plain ASCII words (no digits, so no decimal point) need no byte check before stemming.
        if !w.nonASCII && w.digits == 0 && w.letters == count { return stemmed(count) }
        return stemIfASCII(count)
    }

    /// Stems ASCII alphanumeric terms; terms with other bytes (`2.0`, other scripts) pass.
    mutating func stemIfASCII(_ count: Int) -> Int {
        var hasLetter = false
        for k in 0..<count {
            let b = buffer[k]
            if b >= 0x61 && b <= 0x7A { hasLetter = true; continue }
            if b >= 0x30 && b <= 0x39 { continue }
            return count
        }
        guard hasLetter else { return count }
        return stemmed(count)
    }

    func send(_ count: Int, _ range: Range<Int>, colocated: Bool, _ sink: (TermEmission) -> Bool) -> Bool {
        guard count > 0 else { return true }
        return sink(TermEmission(term: UnsafeBufferPointer(start: buffer, count: count), range: range, isColocated: colocated))
    }
}

extension Analyzer {
    /// The joined form of a hyphenated compound (`counter-terrorism` → `counterterror`), as
    /// document analysis indexes it; nil when the text is not such a compound.
    public func joinedTerm(_ word: String) -> String? {
        let tokens = tokens(word, mode: .document)
        guard let first = tokens.first(where: { !$0.isColocated }) else { return nil }
        return tokens.first(where: { $0.isColocated && $0.range.count > first.range.count })?.term
    }

    /// For each of `words` (as typed, one query word each), whether the shouting rule makes
    /// it a shouted word rather than an acronym.
    public static func shoutedFlags(ofWords words: [String]) -> [Bool] {
        let shapes = words.map { word -> (isCaps: Bool, letters: Int) in
            var copy = word
            return copy.withUTF8 { buffer in
                var scanner = WordScanner(text: buffer)
                scanner.scan()
                guard scanner.words.count == 1, let w = scanner.words.first else { return (false, 0) }
                return (w.isCaps, w.letters)
            }
        }
        return Emitter.shoutedFlags(shapes)
    }
}

extension Analyzer {
    /// Token positions at which a new sentence starts in `text` (after `.`, `!`, `?` or a line
    /// break between two tokens; the dots of `U.S.` are inside a token and do not count).
    public func sentenceStarts(_ text: String) -> [Int32] {
        let bytes = Array(text.utf8)
        var starts: [Int32] = []
        var previousEnd = -1
        var position: Int32 = -1
        for t in tokens(text, mode: .document) where !t.isColocated {
            position += 1
            if previousEnd >= 0 && previousEnd < t.range.lowerBound {
                for b in bytes[previousEnd..<t.range.lowerBound]
                where b == UInt8(ascii: ".") || b == UInt8(ascii: "!") || b == UInt8(ascii: "?") || b == 0x0A {
                    starts.append(position)
                    break
                }
            }
            previousEnd = t.range.upperBound
        }
        return starts
    }
}
