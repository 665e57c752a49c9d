/// HTML character references left in text that libxml2 does not decode: JSON-LD strings
/// (`Arnault&#8217;s`, `Olive &#038; Herb`) and attributes a site escaped twice
/// (`content="O&amp;#039;Donnell"`).
enum HTMLEntities {
    /// Named references sites write in headlines and names (HTML's full list is 2,231 names;
    /// these are the punctuation and the Latin letters seen in titles and by-lines).
    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}", "rsquo": "’", "lsquo": "‘",
        "rdquo": "”", "ldquo": "“", "sbquo": "‚", "bdquo": "„", "ndash": "–", "mdash": "—", "hellip": "…",
        "laquo": "«", "raquo": "»", "copy": "©", "reg": "®", "trade": "™", "pound": "£", "euro": "€", "middot": "·",
        "bull": "•", "deg": "°", "eacute": "é", "egrave": "è", "ecirc": "ê", "euml": "ë", "aacute": "á", "agrave": "à",
        "acirc": "â", "auml": "ä", "atilde": "ã", "aring": "å", "iacute": "í", "igrave": "ì", "icirc": "î", "iuml": "ï",
        "oacute": "ó", "ograve": "ò", "ocirc": "ô", "ouml": "ö", "otilde": "õ", "oslash": "ø", "uacute": "ú",
        "ugrave": "ù", "ucirc": "û", "uuml": "ü", "ntilde": "ñ", "ccedil": "ç", "szlig": "ß", "Eacute": "É",
        "Aacute": "Á", "Oacute": "Ó", "Uacute": "Ú", "Iacute": "Í", "Ntilde": "Ñ", "Ccedil": "Ç", "Ouml": "Ö",
        "Uuml": "Ü", "Auml": "Ä", "thinsp": "\u{2009}", "ensp": "\u{2002}", "emsp": "\u{2003}", "shy": "",
    ]

    /// A reference is at most this long between `&` and `;` (`&#x1F600;`, `&hellip;`).
    static let longestReference = 10

    /// `text` with its character references decoded, twice-escaped ones too (`&amp;#8217;`);
    /// anything that is not a reference is left as it is.
    static func decoded(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = decodedOnce(text)
        if out.contains("&") { out = decodedOnce(out) }
        return out
    }

    static func decodedOnce(_ text: String) -> String {
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            guard let semicolon = after.prefix(longestReference + 1).firstIndex(of: ";"),
                let value = character(after[..<semicolon])
            else {
                out += "&"
                rest = after
                continue
            }
            out += value
            rest = after[after.index(after: semicolon)...]
        }
        return out + rest
    }

    /// The text of one reference's name (`#8217`, `#x2019`, `rsquo`), or nil.
    static func character(_ name: Substring) -> String? {
        guard name.hasPrefix("#") else { return named[String(name)] }
        let hex = name.hasPrefix("#x") || name.hasPrefix("#X")
        guard let value = UInt32(name.dropFirst(hex ? 2 : 1), radix: hex ? 16 : 10), value >= 0x20,
            let scalar = Unicode.Scalar(value)
        else { return nil }
        return String(Character(scalar))
    }
}
