/// The Porter (1980) stemming algorithm over ASCII bytes, in place.
///
/// Written in Swift rather than borrowed from FTS5's `porter` so that the analyzer stays pure
/// (tested without SQLite) and so that index and query share one code path. It follows Martin
/// Porter's reference C implementation, which is what FTS5's `porter` tokenizer implements too;
/// `Tests/OpineIndexTests/PorterParityTests.swift` checks it word by word against FTS5.
///
/// - Complexity: O(n) in the word length; no allocation.
public enum PorterStemmer {
    /// Words shorter than this are not stemmed (as in the reference implementation).
    static let minimumLength = 3
    /// Longer words pass through unstemmed, as FTS5's `FTS5_PORTER_MAX_TOKEN` does.
    static let maximumLength = 64

    /// Stems `word[0..<count]` (lowercase ASCII letters and digits) and returns the new length.
    public static func stem(_ word: UnsafeMutablePointer<UInt8>, count: Int) -> Int {
        if count < minimumLength || count > maximumLength { return count }
        var s = Stemmer(b: word, k: count - 1)
        s.step1ab()
        if s.k > 0 {
            s.step1c(); s.step2(); s.step3(); s.step4(); s.step5()
        }
        return s.k + 1
    }

    /// Convenience for tests and tools: stems a lowercase ASCII word.
    public static func stem(_ word: String) -> String {
        var bytes = Array(word.utf8)
        let n = bytes.withUnsafeMutableBufferPointer { b in b.baseAddress.map { stem($0, count: b.count) } ?? 0 }
        return String(decoding: bytes[0..<n], as: UTF8.self)
    }
}

/// State of one stemming run: `b[0...k]` is the word, `j` a general offset into it.
private struct Stemmer {
    let b: UnsafeMutablePointer<UInt8>
    var k: Int
    var j: Int = 0

    init(b: UnsafeMutablePointer<UInt8>, k: Int) {
        self.b = b
        self.k = k
    }

    @inline(__always)
    func cons(_ i: Int) -> Bool {
        switch b[i] {
        case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"):
            return false
        case UInt8(ascii: "y"):
            return i == 0 ? true : !cons(i - 1)
        default:
            return true
        }
    }

    /// The number of consonant sequences between 0 and j.
    @inline(__always)
    func m() -> Int {
        var n = 0
        var i = 0
        while true {
            if i > j { return n }
            if !cons(i) { break }
            i += 1
        }
        i += 1
        while true {
            while true {
                if i > j { return n }
                if cons(i) { break }
                i += 1
            }
            i += 1
            n += 1
            while true {
                if i > j { return n }
                if !cons(i) { break }
                i += 1
            }
            i += 1
        }
    }

    @inline(__always)
    func vowelInStem() -> Bool {
        var i = 0
        while i <= j {
            if !cons(i) { return true }
            i += 1
        }
        return false
    }

    @inline(__always)
    func doubleC(_ j: Int) -> Bool {
        if j < 1 { return false }
        if b[j] != b[j - 1] { return false }
        return cons(j)
    }

    @inline(__always)
    func cvc(_ i: Int) -> Bool {
        if i < 2 || !cons(i) || cons(i - 1) || !cons(i - 2) { return false }
        let ch = b[i]
        return !(ch == UInt8(ascii: "w") || ch == UInt8(ascii: "x") || ch == UInt8(ascii: "y"))
    }

    @inline(__always)
    mutating func ends(_ s: StaticString) -> Bool {
        let length = s.utf8CodeUnitCount
        if length > k + 1 { return false }
        let p = s.utf8Start
        var i = length - 1
        var q = k
        while i >= 0 {
            if p[i] != b[q] { return false }
            i -= 1
            q -= 1
        }
        j = k - length
        return true
    }

    @inline(__always)
    mutating func setTo(_ s: StaticString) {
        let length = s.utf8CodeUnitCount
        let p = s.utf8Start
        for i in 0..<length { b[j + 1 + i] = p[i] }
        k = j + length
    }

    @inline(__always)
    mutating func r(_ s: StaticString) {
        if m() > 0 { setTo(s) }
    }

    mutating func step1ab() {
        if b[k] == UInt8(ascii: "s") {
            if ends("sses") {
                k -= 2
            } else if ends("ies") {
                setTo("i")
            } else if b[k - 1] != UInt8(ascii: "s") {
                k -= 1
            }
        }
        if ends("eed") {
            if m() > 0 { k -= 1 }
        } else if (ends("ed") || ends("ing")) && vowelInStem() {
            k = j
            if ends("at") {
                setTo("ate")
            } else if ends("bl") {
                setTo("ble")
            } else if ends("iz") {
                setTo("ize")
            } else if doubleC(k) {
                k -= 1
                let ch = b[k]
                if ch == UInt8(ascii: "l") || ch == UInt8(ascii: "s") || ch == UInt8(ascii: "z") { k += 1 }
            } else if m() == 1 && cvc(k) {
                setTo("e")
            }
        }
    }

    mutating func step1c() {
        if ends("y") && vowelInStem() { b[k] = UInt8(ascii: "i") }
    }

    mutating func step2() {
        guard k >= 1 else { return }
        switch b[k - 1] {
        case UInt8(ascii: "a"):
            if ends("ational") { r("ate"); break }
            if ends("tional") { r("tion"); break }
        case UInt8(ascii: "c"):
            if ends("enci") { r("ence"); break }
            if ends("anci") { r("ance"); break }
        case UInt8(ascii: "e"):
            if ends("izer") { r("ize"); break }
        case UInt8(ascii: "l"):
            if ends("bli") { r("ble"); break }
            if ends("alli") { r("al"); break }
            if ends("entli") { r("ent"); break }
            if ends("eli") { r("e"); break }
            if ends("ousli") { r("ous"); break }
        case UInt8(ascii: "o"):
            if ends("ization") { r("ize"); break }
            if ends("ation") { r("ate"); break }
            if ends("ator") { r("ate"); break }
        case UInt8(ascii: "s"):
            if ends("alism") { r("al"); break }
            if ends("iveness") { r("ive"); break }
            if ends("fulness") { r("ful"); break }
            if ends("ousness") { r("ous"); break }
        case UInt8(ascii: "t"):
            if ends("aliti") { r("al"); break }
            if ends("iviti") { r("ive"); break }
            if ends("biliti") { r("ble"); break }
        case UInt8(ascii: "g"):
            if ends("logi") { r("log"); break }
        default:
            break
        }
    }

    mutating func step3() {
        switch b[k] {
        case UInt8(ascii: "e"):
            if ends("icate") { r("ic"); break }
            if ends("ative") { r(""); break }
            if ends("alize") { r("al"); break }
        case UInt8(ascii: "i"):
            if ends("iciti") { r("ic"); break }
        case UInt8(ascii: "l"):
            if ends("ical") { r("ic"); break }
            if ends("ful") { r(""); break }
        case UInt8(ascii: "s"):
            if ends("ness") { r(""); break }
        default:
            break
        }
    }

    mutating func step4() {
        guard k >= 1 else { return }
        switch b[k - 1] {
        case UInt8(ascii: "a"):
            if ends("al") { break }
            return
        case UInt8(ascii: "c"):
            if ends("ance") { break }
            if ends("ence") { break }
            return
        case UInt8(ascii: "e"):
            if ends("er") { break }
            return
        case UInt8(ascii: "i"):
            if ends("ic") { break }
            return
        case UInt8(ascii: "l"):
            if ends("able") { break }
            if ends("ible") { break }
            return
        case UInt8(ascii: "n"):
            if ends("ant") { break }
            if ends("ement") { break }
            if ends("ment") { break }
            if ends("ent") { break }
            return
        case UInt8(ascii: "o"):
            if ends("ion") && j >= 0 && (b[j] == UInt8(ascii: "s") || b[j] == UInt8(ascii: "t")) { break }
            if ends("ou") { break }
            return
        case UInt8(ascii: "s"):
            if ends("ism") { break }
            return
        case UInt8(ascii: "t"):
            if ends("ate") { break }
            if ends("iti") { break }
            return
        case UInt8(ascii: "u"):
            if ends("ous") { break }
            return
        case UInt8(ascii: "v"):
            if ends("ive") { break }
            return
        case UInt8(ascii: "z"):
            if ends("ize") { break }
            return
        default:
            return
        }
        if m() > 1 { k = j }
    }

    mutating func step5() {
        j = k
        if b[k] == UInt8(ascii: "e") {
            let a = m()
            if a > 1 || (a == 1 && !cvc(k - 1)) { k -= 1 }
        }
        if b[k] == UInt8(ascii: "l") && doubleC(k) && m() > 1 { k -= 1 }
    }
}
