import Foundation

/// A MIME message as a browser saves a page with what it needs (`multipart/related`, RFC 2557:
/// Chrome's and Edge's "Webpage, Single File"): the message's headers and its parts, each with
/// its headers and its body decoded (quoted-printable, base64). Pure, on bytes.
struct MIMEArchive {
    struct Part {
        /// Header names lowercased; a folded header unfolded.
        var headers: [String: String]
        var body: ArraySlice<UInt8>

        /// `text/html` from `text/html; charset=utf-8`, lowercased.
        var contentType: String { MIMEArchive.value(headers["content-type"] ?? "text/plain").type }

        var charset: String? { MIMEArchive.value(headers["content-type"] ?? "").parameters["charset"] }

        /// The body as its `Content-Transfer-Encoding` wrote it, decoded; nil when base64 that is not.
        func decoded() -> [UInt8]? {
            switch (headers["content-transfer-encoding"] ?? "").trimmingCharacters(in: .whitespaces).lowercased() {
            case "quoted-printable": return MIMEArchive.quotedPrintable(body)
            case "base64":
                // Line breaks and spaces are how base64 is laid out; any other stray byte makes it not base64.
                let letters = body.filter { $0 != 0x0D && $0 != 0x0A && $0 != 0x20 && $0 != 0x09 }
                return Data(base64Encoded: Data(letters)).map { [UInt8]($0) }
            default: return Array(body)
            }
        }
    }

    /// Why bytes are not a saved page.
    enum Problem: Error, Equatable, CustomStringConvertible {
        case noBoundary
        case noHTMLPart
        case undecodable(String)

        var description: String {
            switch self {
            case .noBoundary: "not a saved page (no MIME headers with a multipart boundary), skipped"
            case .noHTMLPart: "a saved page with no HTML part, skipped"
            case .undecodable(let encoding): "a saved page whose HTML part is not valid \(encoding), skipped"
            }
        }
    }

    var headers: [String: String]
    var parts: [Part]

    init(_ bytes: [UInt8]) throws(Problem) {
        let (headers, bodyStart) = MIMEArchive.headers(bytes[...])
        self.headers = headers
        let content = MIMEArchive.value(headers["content-type"] ?? "")
        guard content.type.hasPrefix("multipart/"), let boundary = content.parameters["boundary"], !boundary.isEmpty else {
            throw .noBoundary
        }
        parts = MIMEArchive.parts(bytes[bodyStart...], boundary: Array(("--" + boundary).utf8)).map { raw in
            let (h, start) = MIMEArchive.headers(raw)
            return Part(headers: h, body: raw[start...])
        }
    }

    // MARK: Headers

    /// The header block at the start of `bytes` (up to its first blank line), and where the
    /// body starts. Continuation lines (beginning with a space or tab) are joined to their header.
    static func headers(_ bytes: ArraySlice<UInt8>) -> ([String: String], Int) {
        var out: [String: String] = [:]
        var last: String?
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let end = bytes[i...].firstIndex(of: 0x0A) ?? bytes.endIndex
            var line = bytes[i..<end]
            if line.last == 0x0D { line = line.dropLast() }
            i = min(bytes.endIndex, end + 1)
            if line.isEmpty { break }
            let text = String(decoding: line, as: UTF8.self)
            if let first = line.first, first == 0x20 || first == 0x09, let name = last {
                out[name, default: ""] += " " + text.trimmingCharacters(in: .whitespaces)
            } else if let colon = text.firstIndex(of: ":") {
                let name = text[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
                if out[name] == nil { out[name] = text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces) }
                last = name
            }
        }
        return (out, i)
    }

    /// A header value's type and its `name=value` parameters (names lowercased, quotes removed):
    /// `multipart/related; type="text/html"; boundary="----x"`.
    static func value(_ header: String) -> (type: String, parameters: [String: String]) {
        var pieces: [String] = []
        var current = ""
        var quoted = false
        for c in header {
            if c == "\"" { quoted.toggle() }
            if c == ";" && !quoted {
                pieces.append(current)
                current = ""
            } else {
                current.append(c)
            }
        }
        pieces.append(current)
        var parameters: [String: String] = [:]
        for piece in pieces.dropFirst() {
            guard let eq = piece.firstIndex(of: "=") else { continue }
            let name = piece[..<eq].trimmingCharacters(in: .whitespaces).lowercased()
            var v = piece[piece.index(after: eq)...].trimmingCharacters(in: .whitespaces)
            if v.count >= 2 && v.hasPrefix("\"") && v.hasSuffix("\"") { v = String(v.dropFirst().dropLast()) }
            parameters[name] = v
        }
        return ((pieces.first ?? "").trimmingCharacters(in: .whitespaces).lowercased(), parameters)
    }

    // MARK: Parts

    /// The parts between delimiter lines (`--boundary` at the start of a line; `--boundary--`
    /// closes), each without the line break that belongs to the next delimiter.
    static func parts(_ body: ArraySlice<UInt8>, boundary: [UInt8]) -> [ArraySlice<UInt8>] {
        var starts: [(line: Int, after: Int)] = []  // each delimiter line: where it begins, where the part after it does
        var i = body.startIndex
        while let found = firstIndex(of: boundary, in: body[i...]) {
            let atLineStart = found == body.startIndex || body[found - 1] == 0x0A
            let lineEnd = body[found...].firstIndex(of: 0x0A).map { $0 + 1 } ?? body.endIndex
            if atLineStart {
                let closes = body[(found + boundary.count)...].starts(with: [0x2D, 0x2D])
                starts.append((found, closes ? body.endIndex : lineEnd))
                if closes { break }
            }
            i = max(lineEnd, found + 1)
            if i >= body.endIndex { break }
        }
        var out: [ArraySlice<UInt8>] = []
        for (k, delimiter) in starts.enumerated() where delimiter.after < body.endIndex {
            var end = k + 1 < starts.count ? starts[k + 1].line : body.endIndex
            if end > delimiter.after && body[end - 1] == 0x0A { end -= 1 }
            if end > delimiter.after && body[end - 1] == 0x0D { end -= 1 }
            out.append(body[delimiter.after..<max(delimiter.after, end)])
        }
        return out
    }

    /// Where `needle` first occurs in `haystack`.
    static func firstIndex(of needle: [UInt8], in haystack: ArraySlice<UInt8>) -> Int? {
        guard let first = needle.first, haystack.count >= needle.count else { return nil }
        var i = haystack.startIndex
        let last = haystack.endIndex - needle.count
        while i <= last {
            guard let at = haystack[i...last].firstIndex(of: first) else { return nil }
            if haystack[at..<(at + needle.count)].elementsEqual(needle) { return at }
            i = at + 1
        }
        return nil
    }

    // MARK: Quoted-printable

    /// RFC 2045's quoted-printable decoded: `=3D` is a byte, `=` at a line's end joins it to the
    /// next (a soft line break); an `=` not followed by two hex digits is kept as it is.
    static func quotedPrintable(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let b = bytes[i]
            guard b == 0x3D else {
                out.append(b)
                i += 1
                continue
            }
            let rest = bytes[(i + 1)...]
            if rest.starts(with: [0x0D, 0x0A]) {
                i += 3
            } else if rest.first == 0x0A {
                i += 2
            } else if rest.count >= 2, let high = hex(rest[i + 1]), let low = hex(rest[i + 2]) {
                out.append(high << 4 | low)
                i += 3
            } else {
                out.append(b)
                i += 1
            }
        }
        return out
    }

    static func hex(_ b: UInt8) -> UInt8? {
        switch b {
        case 0x30...0x39: b - 0x30
        case 0x41...0x46: b - 0x41 + 10
        case 0x61...0x66: b - 0x61 + 10
        default: nil
        }
    }
}
