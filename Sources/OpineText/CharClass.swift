/// What a Unicode scalar means to the ``Analyzer``'s scanner.
enum CharClass: Equatable {
    case letter
    case digit
    /// Han ideographs and kana: one token per character, since the text has no spaces.
    case cjk
    /// Inside a word and invisible to its term: soft hyphen, zero-width characters, combining
    /// accents (folded away), Arabic harakat and tatweel.
    case ignorable
    case apostrophe
    case hyphen
    case dot
    case comma
    case separator

    static func of(_ v: UInt32) -> CharClass {
        if v < 0x80 { return ascii[Int(v)] }
        switch v {
        case 0x2019, 0x2018, 0x02BC: return .apostrophe
        case 0x2010, 0x2011: return .hyphen
        case 0x00AD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF: return .ignorable
        case 0x0300...0x036F, 0x064B...0x065F, 0x0670, 0x0640: return .ignorable
        case 0x00D7, 0x00F7: return .separator
        case 0x00C0...0x024F: return .letter
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FA1F:
            return .cjk
        default:
            break
        }
        guard let scalar = Unicode.Scalar(v) else { return .separator }
        let properties = scalar.properties
        if properties.isAlphabetic { return .letter }
        switch properties.generalCategory {
        case .decimalNumber: return .digit
        case .nonspacingMark, .spacingMark, .enclosingMark: return .letter
        case .otherNumber, .letterNumber: return .letter
        default: return .separator
        }
    }

    private static let ascii: [CharClass] = (0..<128).map { b -> CharClass in
        switch UInt8(b) {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): return .letter
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return .digit
        case UInt8(ascii: "'"): return .apostrophe
        case UInt8(ascii: "-"): return .hyphen
        case UInt8(ascii: "."): return .dot
        case UInt8(ascii: ","): return .comma
        default: return .separator
        }
    }
}

/// Case and accent folding of non-ASCII letters.
enum Folding {
    /// Appends the folded (lowercase, accent-free where Latin) UTF-8 of `v` and counts its case.
    static func appendFolded(_ v: UInt32, to fold: inout ByteBuffer, word: inout RawWord) {
        if v >= 0xC0 && v <= 0x17F, let (base, isUpper) = latin(v) {
            fold.append(contentsOf: base.utf8)
            if isUpper { word.upper += 1 } else { word.lower += 1 }
            return
        }
        guard let scalar = Unicode.Scalar(v) else { return }
        let lowered = scalar.properties.lowercaseMapping
        if lowered.unicodeScalars.count == 1 && lowered.unicodeScalars.first == scalar {
            appendUTF8(v, to: &fold)
        } else {
            fold.append(contentsOf: lowered.utf8)
        }
    }

    /// The ASCII digit of a decimal digit of any script (`٣` → `3`); `0` for anything else.
    static func asciiDigit(_ v: UInt32?) -> UInt8 {
        guard let v, let scalar = Unicode.Scalar(v), let value = scalar.properties.numericValue,
            value >= 0, value <= 9, value == value.rounded()
        else { return UInt8(ascii: "0") }
        return UInt8(ascii: "0") + UInt8(value)
    }

    static func appendUTF8(_ v: UInt32, to fold: inout ByteBuffer) {
        switch v {
        case 0..<0x80:
            fold.append(UInt8(v))
        case 0x80..<0x800:
            fold.append(UInt8(0xC0 | (v >> 6)))
            fold.append(UInt8(0x80 | (v & 0x3F)))
        case 0x800..<0x10000:
            fold.append(UInt8(0xE0 | (v >> 12)))
            fold.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            fold.append(UInt8(0x80 | (v & 0x3F)))
        default:
            fold.append(UInt8(0xF0 | (v >> 18)))
            fold.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            fold.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            fold.append(UInt8(0x80 | (v & 0x3F)))
        }
    }

    /// Latin-1 Supplement and Latin Extended-A letters: their ASCII base and their case.
    static func latin(_ v: UInt32) -> (String, Bool)? {
        switch v {
        case 0xC0...0xC5: return ("a", true)
        case 0xC6: return ("ae", true)
        case 0xC7: return ("c", true)
        case 0xC8...0xCB: return ("e", true)
        case 0xCC...0xCF: return ("i", true)
        case 0xD0: return ("d", true)
        case 0xD1: return ("n", true)
        case 0xD2...0xD6, 0xD8: return ("o", true)
        case 0xD9...0xDC: return ("u", true)
        case 0xDD: return ("y", true)
        case 0xDE: return ("th", true)
        case 0xDF: return ("ss", false)
        case 0xE0...0xE5: return ("a", false)
        case 0xE6: return ("ae", false)
        case 0xE7: return ("c", false)
        case 0xE8...0xEB: return ("e", false)
        case 0xEC...0xEF: return ("i", false)
        case 0xF0: return ("d", false)
        case 0xF1: return ("n", false)
        case 0xF2...0xF6, 0xF8: return ("o", false)
        case 0xF9...0xFC: return ("u", false)
        case 0xFD, 0xFF: return ("y", false)
        case 0xFE: return ("th", false)
        case 0x100...0x17F: return latinExtendedA(v)
        default: return nil
        }
    }

    private static func latinExtendedA(_ v: UInt32) -> (String, Bool)? {
        let base: String
        switch v {
        case 0x100...0x105: base = "a"
        case 0x106...0x10D: base = "c"
        case 0x10E...0x111: base = "d"
        case 0x112...0x11B: base = "e"
        case 0x11C...0x123: base = "g"
        case 0x124...0x127: base = "h"
        case 0x128...0x131: base = "i"
        case 0x132...0x133: base = "ij"
        case 0x134...0x135: base = "j"
        case 0x136...0x138: base = "k"
        case 0x139...0x142: base = "l"
        case 0x143...0x14B: base = "n"
        case 0x14C...0x151: base = "o"
        case 0x152...0x153: base = "oe"
        case 0x154...0x159: base = "r"
        case 0x15A...0x161: base = "s"
        case 0x162...0x167: base = "t"
        case 0x168...0x173: base = "u"
        case 0x174...0x175: base = "w"
        case 0x176...0x178: base = "y"
        case 0x179...0x17E: base = "z"
        default: base = "s"  // U+017F long s
        }
        // Upper and lower case alternate; the parity flips in 0139–0148 and 0179–017E.
        let isUpper: Bool
        switch v {
        case 0x138, 0x149, 0x17F: isUpper = false
        case 0x178: isUpper = true
        case 0x139...0x148, 0x179...0x17E: isUpper = v % 2 == 1
        default: isUpper = v % 2 == 0
        }
        return (base, isUpper)
    }
}
